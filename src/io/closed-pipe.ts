/**
 * `sora-mc … | head`: when the reader closes the pipe, writing to stdout raises EPIPE. Unhandled, it
 * is a stack trace and exit 1, which CI reads as `check`'s drift. Here the reader has all it wanted:
 * stop quietly with the exit code the command already chose (0 if it chose none).
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}
