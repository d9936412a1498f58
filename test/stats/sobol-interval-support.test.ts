// A sobol interval stays within the values the output takes: the t interval over replicates is cut
// to the pooled [min, max], and an output of few distinct values (atoms: the article's two cases) gets
// the hull of the replicates' order-statistic intervals, whose spread between atoms is no normal error.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { combineReplicates } from '../../src/stats/replicate-stats.js';
import type { RunColumnStats } from '../../src/stats/types.js';

/** A replicate of 100 values in [min, max] whose one percentile (P50) is `value` with order-statistic interval [lower, upper]. */
function replicate(value: number, lower: number, upper: number, min: number, max: number, distinct?: number): RunColumnStats {
  return {
    n: 100, nonFinite: 0, min, max, mean: (min + max) / 2, sd: 1,
    percentiles: [{ p: 0.5, value, lower, upper }],
    histogram: { scale: 'linear', bins: [{ x0: min, x1: max, count: 100 }] },
    ...(distinct === undefined ? {} : { distinct }),
  };
}

describe('a sobol interval within the output\'s support', () => {
  it('cuts the t interval to the pooled [min, max]', () => {
    // Values 1 and 9 four times each: mean 5, sd 4.28, half-width t(7) · sd/√8 = 3.58 — inside [1, 9];
    // with min 2 and max 8 pooled, the interval [1.42, 8.58] must be cut to [2, 8].
    const out = combineReplicates([1, 9, 1, 9, 1, 9, 1, 9].map((v) => replicate(v, v, v, 2, 8)), 0.95);
    expect(out.percentiles[0]).toMatchObject({ value: 5, lower: 2, upper: 8 });
  });

  it('gives an output with atoms the hull of the replicates\' order-statistic intervals', () => {
    const values = [4211, 10528, 4211, 4211, 10528, 4211, 10528, 4211];
    const out = combineReplicates(values.map((v) => replicate(v, 4211, 10528, 4211, 10528, 2)), 0.95);
    expect(out.percentiles[0]!.lower).toBe(4211);
    expect(out.percentiles[0]!.upper).toBe(10528);
  });

  it.each([100_008, 8 * 12_345])('article --method sobol --samples %i (odd samples / 8): every interval within [min, max], training H100s P50 spanning both cases', async (samples) => {
    const result = await simulate(loadScenario('article'), { samples, method: 'sobol', workers: 2 });
    for (const [key, stats] of Object.entries(result.outputs)) {
      for (const q of stats.percentiles) {
        expect({ key, p: q.p, inside: stats.min <= q.lower && q.lower <= q.value && q.value <= q.upper && q.upper <= stats.max }).toEqual({ key, p: q.p, inside: true });
      }
    }
    const h100s = result.outputs.trainH100s;
    expect([h100s.min, h100s.max].map(Math.round)).toEqual([4211, 10528]);
    const p50 = h100s.percentiles.find((q) => q.p === 0.5)!;
    expect([p50.lower, p50.upper]).toEqual([h100s.min, h100s.max]);
  });
});
