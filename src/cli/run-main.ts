/**
 * A plain `run` (direct-run.ts), as a program of its own: the build bundles it into one file with
 * everything it loads, which starts faster than the same code in the shared chunks of the other
 * commands (scripts/bundle.mjs).
 */
import { directRun } from './direct-run.js';
import { runProgram } from './program.js';
import { runCommand } from './run-command.js';

runProgram(async () => {
  const args = directRun(process.argv.slice(2));
  if (!args) throw new Error('run-main.js was started for arguments that are not a plain run');
  await runCommand(args);
});
