// Review finding: a baseline that says `run.sampling: scrambled-sobol` (sora-mc's baseline writes
// only Monte Carlo ones, so it was made by hand or by another tool from a sobol Result) was read and
// checked as if its intervals were order-statistic intervals — the statistical tier's standard
// errors and its rank bound for rows without spread rest on that. A sobol Result's intervals are
// Student t intervals over 8 replicates; such a baseline is now refused with one clear error (exit 2).
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { parseBaseline } from '../../src/regress/read.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();
const mission = JSON.parse(readFileSync(packagePath('baselines', 'mission.json'), 'utf8'));

describe('a baseline made from a sobol result', () => {
  it('is refused, naming run.sampling', () => {
    expect(() => parseBaseline({ ...mission, run: { ...mission.run, sampling: 'scrambled-sobol' } })).toThrow(/a baseline of a scrambled-sobol run cannot be checked/);
    try {
      parseBaseline({ ...mission, run: { ...mission.run, sampling: 'scrambled-sobol' } });
    } catch (error) {
      expect((error as { details: { path: string; found: string } }).details).toMatchObject({ path: 'run.sampling', found: '"scrambled-sobol"' });
    }
    // The shipped Monte Carlo baseline still reads.
    expect(parseBaseline(mission).run.sampling).toBe('monte-carlo');
  });

  it('makes check exit 2 with that error, not a pass', () => {
    const file = scratch.write('mission.json', JSON.stringify({ ...mission, run: { ...mission.run, sampling: 'scrambled-sobol' } }));
    const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'check', file], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/run\.sampling/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
