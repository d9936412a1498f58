/**
 * A plain `run` (direct-run.ts), as a program of its own: the build bundles it into one file with
 * everything it loads, which starts faster than the same code in the shared chunks of the other
 * commands (scripts/bundle.mjs).
 */
import { runProgram } from './program.js';
import { runCommand, type RunArgs } from './run-command.js';

export function runMain(args: RunArgs): void {
  runProgram(() => runCommand(args));
}
