// 100 reruns of an unchanged scenario with fresh seeds: no more false alarms than the stated
// family-wise rate allows (needs the build). Each rerun is a full `check` (read the baseline,
// resolve the scenario, sample, compare) with a seed of its own.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineCommand } from '../helpers/commands.js';
import { checkCommand, type CheckOutcome } from '../helpers/commands.js';
import { bonferroniCritical } from '../../src/regress/statistical.js';
import { binomialCdf } from '../../src/stats/binomial.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-regress-alarms-');
const out = join(scratch.dir, 'baselines');
const RERUNS = 100;
/** Small enough for 100 reruns in seconds on one shared pool; P1 still rests on 100 samples. */
const SAMPLES = 10_000;

/** Smallest k with P(Bin(trials, rate) > k) ≤ risk. */
function binomialBound(trials: number, rate: number, risk: number): { k: number; falseFail: number } {
  let k = 0;
  while (1 - binomialCdf(k, trials, rate) > risk) k += 1;
  return { k, falseFail: 1 - binomialCdf(k, trials, rate) };
}

beforeAll(async () => {
  const made = await baselineCommand({ scenarios: ['mission'], out, samples: SAMPLES, workers: 1 });
  expect(made.exitCode, made.stderr).toBe(0);
}, 60_000);

describe('false alarms of the statistical tier', () => {
  it(`${RERUNS} fresh-seed reruns of unchanged mission stay within the binomial bound of the stated rate`, async () => {
    const outcomes: CheckOutcome[] = [];
    // One pool of two workers serves every rerun (results do not depend on the worker count).
    const pool = SamplerPool.start(2);
    try {
      for (let i = 0; i < RERUNS; i++) outcomes.push(await checkCommand({ targets: [out], seed: `fresh-${i}`, pool }));
    } finally {
      await pool.close();
    }
    for (const outcome of outcomes) expect([0, 1]).toContain(outcome.exitCode);
    const family = outcomes[0]!.report!.family;
    expect(family).toMatchObject({ alpha: 1e-3, size: 210 });

    // At the default α = 1e-3 (stated in the output), each rerun raises a false alarm with
    // probability ≤ 1e-3, so the count over 100 reruns is at most Binomial(100, 1e-3):
    // "≤ 2" fails with probability ≤ 1.5e-4 when the test keeps its promise.
    const strict = binomialBound(RERUNS, family.alpha, 1e-3);
    expect(strict.k).toBe(2);
    expect(strict.falseFail).toBeLessThan(2e-4);
    const alarms = outcomes.filter((o) => o.exitCode === 1).length;
    expect(alarms).toBeLessThanOrEqual(strict.k);

    // At α = 1e-3 a miscalibrated test could hide behind the small count, so the same reruns are
    // also judged at α = 0.2 (Bonferroni threshold over the same 210 percentiles, from the
    // statistics each report carries): at most Binomial(100, 0.2) reruns may have any |z| above
    // it; the bound below fails with probability ≤ 1e-3 when the rate holds.
    const loose = binomialBound(RERUNS, 0.2, 1e-3);
    const zLoose = bonferroniCritical(0.2, family.size);
    const looseAlarms = outcomes.filter((o) => o.report!.baselines[0]!.rows.some((row) => (row.z ?? 0) > zLoose)).length;
    expect(loose.k).toBeLessThan(35);
    expect(looseAlarms).toBeLessThanOrEqual(loose.k);

    // Every rerun was a fresh sample: the statistical tier, for the seed alone.
    for (const o of outcomes) expect(o.report!.baselines[0]).toMatchObject({ tier: 'statistical', because: ['seed'] });
  }, 300_000);
});
