/**
 * The Node options a sampling worker starts with: the process's own (a worker inherits them by
 * default), less those a worker file refuses. `--input-type` (a script given with
 * `node --input-type=module -e …` or on stdin) makes every worker fail at start with "--input-type
 * can only be used with string input", so simulate() could never run from such a script.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (arg === '--input-type') i++; // and its value
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}
