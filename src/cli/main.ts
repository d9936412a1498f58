/** Every command but a plain `run`: the yargs command line (yargs-main.ts). */
import { runProgram } from './program.js';
import { yargsMain } from './yargs-main.js';

export function main(argv: string[]): void {
  runProgram(() => yargsMain(argv));
}
