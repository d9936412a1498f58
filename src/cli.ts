#!/usr/bin/env node
/**
 * The command line's entry: a plain `run` is read directly (cli/direct-run.ts), everything else by
 * yargs (cli/yargs-main.ts, loaded only then); errors become the exit codes of src/exit-codes.ts.
 */
import { SoraError } from './errors.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './exit-codes.js';
import { exitQuietlyWhenStdoutCloses } from './io/closed-pipe.js';
import { writeTerminal } from './io/printable.js';
import { installSignalHandlers } from './io/signals.js';
import { directRun } from './cli/direct-run.js';
import { runCommand } from './cli/run-command.js';

async function main(argv: string[]): Promise<void> {
  installSignalHandlers();
  exitQuietlyWhenStdoutCloses();
  const run = directRun(argv);
  if (run) return runCommand(run);
  const { yargsMain } = await import('./cli/yargs-main.js');
  await yargsMain(argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SoraError) {
    process.stderr.write(`${error.describe()}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  // Not the user's input: a bug or the machine (memory, a dying worker). Exit 3, never 1 (drift).
  writeTerminal(process.stderr, `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
});
