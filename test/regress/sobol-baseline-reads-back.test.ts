// `baseline --method sobol --samples 1024` wrote a baseline that `check` then refused
// (exit 2: "outputs.modelMultiplier.percentiles.5.upper: the confidence intervals are not order
// statistics of one sample"). The reader checked every baseline's intervals as order statistics of
// one sample (bounds sorted by rank never decrease), but a sobol baseline's intervals are Student t
// intervals over 8 replicates (src/stats/replicate-stats.ts), which overlap freely at small counts.
// (Needs the build: simulate() runs dist/workers/sampler.js.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/regress/read.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-sobol-baseline-');

describe('a baseline written with --method sobol', () => {
  it('reads back and holds in the exact tier, at sample counts small enough for its t intervals to overlap', async () => {
    for (const samples of [16, 1024]) {
      const out = join(scratch.dir, String(samples));
      const made = await baselineCommand({ scenarios: ['mission'], out, samples, method: 'sobol', workers: 1 });
      expect(made.exitCode, made.stderr).toBe(0);
      const checked = await checkCommand({ targets: [out], workers: 1 });
      expect(checked.exitCode, checked.stderr + checked.stdout).toBe(0);
      expect(checked.report!.baselines[0]).toMatchObject({ tier: 'exact', ok: true, moved: 0 });
    }
  }, 120_000);

  it('is refused, with the reason and exit 2, where only the statistical tier could check it (a fresh seed)', async () => {
    const out = join(scratch.dir, 'fresh');
    const made = await baselineCommand({ scenarios: ['mission'], out, samples: 4096, method: 'sobol', workers: 1 });
    expect(made.exitCode, made.stderr).toBe(0);
    const checked = await checkCommand({ targets: [out], workers: 1, freshSeed: true });
    expect(checked.exitCode).toBe(2);
    expect(checked.stderr).toMatch(/run\.sampling: the baseline was sampled with scrambled Sobol points, whose intervals the statistical tier cannot read/);
    expect(checked.stderr).toMatch(/found:\s+scrambled-sobol, and the exact tier does not apply: seed /);
    expect(checked.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);

  it('still refuses a Monte Carlo baseline whose intervals are not order statistics of one sample', () => {
    const mission = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'baselines', 'mission.json'), 'utf8'));
    const row = mission.outputs.trainH100s.percentiles[5];
    row.lower = row.value / 1e6;
    expect(() => parseBaseline(mission)).toThrow(/not order statistics of one sample/);
  });
});
