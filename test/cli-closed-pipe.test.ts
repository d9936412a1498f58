import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';

// `sora-mc … | head -1`: the reader closes the pipe before sora-mc has written everything. Node then
// raises EPIPE on stdout; unhandled, that was a stack trace and exit 1, which CI reads as `check`'s
// drift. docs/cli.md: exit 1 means drift only; a closed pipe is not an error of the run.
const CLI = packagePath('dist', 'cli', 'cli.js');

/** Runs `sora-mc …args | head -c 10` in bash; returns sora-mc's own exit status and its stderr. */
function closedEarly(...args: string[]): { status: number; stderr: string } {
  const command = `"${process.execPath}" "${CLI}" ${args.join(' ')} 2>&3 | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const shell = spawnSync('bash', ['-c', `{ ${command}; } 3>&2`], { encoding: 'utf8' });
  return { status: Number(shell.stdout.trim()), stderr: shell.stderr };
}

describe('stdout closed by the reader (compiled CLI)', () => {
  it('exits with the command’s own code (0 here), no stack trace', () => {
    // The result schema is ~190 kB: more than a pipe buffer, so the write meets the closed pipe.
    const { status, stderr } = closedEarly('schema', 'result');
    expect(stderr).not.toMatch(/\n\s+at |EPIPE/);
    expect(status).toBe(0);
  });
});
