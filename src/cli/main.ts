/** Every command but a plain `run`: the yargs command line (yargs-main.ts). */
import { runProgram } from './program.js';
import { yargsMain } from './yargs-main.js';

runProgram(() => yargsMain(process.argv.slice(2)));
