/**
 * A command line program's frame: signals and a closed stdout handled (io/signals.ts,
 * io/closed-pipe.ts), and its errors turned into the exit codes of src/exit-codes.ts.
 */
import { SoraError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from '../exit-codes.js';
import { exitQuietlyWhenStdoutCloses } from '../io/closed-pipe.js';
import { writeTerminal } from '../io/printable.js';
import { installSignalHandlers } from '../io/signals.js';

export function runProgram(work: () => Promise<void>): void {
  installSignalHandlers();
  exitQuietlyWhenStdoutCloses();
  work().catch((error: unknown) => {
    if (error instanceof SoraError) {
      process.stderr.write(`${error.describe()}\n`);
      process.exit(EXIT_BAD_INPUT);
    }
    // Not the user's input: a bug or the machine (memory, a dying worker). Exit 3, never 1 (drift).
    writeTerminal(process.stderr, `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(EXIT_INTERNAL);
  });
}
