/**
 * A baseline file name holding a newline (a file a pull request can
 * add to baselines/) was printed as is by `check`, so it could forge whole lines of the CI log —
 * "result: every percentile holds (exit 0)" above a real drift. Paths are shown on one line, their
 * newlines and tabs escaped (src/paths.ts display()).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { display } from '../../src/paths.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

describe('a file name cannot add lines to what check prints', () => {
  const scratch = scratchDir();

  it('display() writes a newline and a tab in a path as escapes', () => {
    expect(display('/a/x\nFORGED\t.json', '/a')).toBe('x\\u000aFORGED\\u0009.json');
  });

  it('check: a baseline named "x\\nFORGED…" prints no line starting FORGED', async () => {
    const scenario = scratch.write('plain.yaml', 'name: plain\nextends: article\nsamples: 400\n');
    const made = join(scratch.dir, 'made');
    expect((await baselineCommand({ scenarios: [scenario], out: made, progress: false })).exitCode).toBe(0);
    const out = join(scratch.dir, 'baselines');
    mkdirSync(out);
    copyFileSync(join(made, 'plain.json'), join(out, 'x\nFORGED: every percentile holds (exit 0)\n.json'));
    const outcome = await checkCommand({ targets: [out], progress: false });
    const lines = `${outcome.stdout}\n${outcome.stderr}`.split('\n');
    expect(lines.filter((line) => line.trimStart().startsWith('FORGED'))).toEqual([]);
    expect(outcome.stdout).toContain('FORGED');
  }, 60_000);
});
