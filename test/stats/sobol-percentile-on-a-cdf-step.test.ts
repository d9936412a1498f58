// Under --method sobol, a percentile that falls on a step of the output's CDF (an
// output with atoms, e.g. the `article` scenario's training H100s, 4,211 or 10,528 with weights ½/½)
// came out as the midpoint between two atoms, 7,370 — a value no sample takes — with a zero-width 95%
// interval. Sobol points balance a dyadic weight exactly in every scramble (2^13 points a replicate:
// exactly half of them below ½), so all 8 replicates agree on the type-7 interpolation between the
// two atoms and their spread, 0, says nothing about the error. Plain Monte Carlo reports the interval
// 4,211–10,528 there, and the report shows the two cases rather than a median.
import { describe, expect, it } from 'vitest';
import { twoCases } from '../../reports/cases.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { combineReplicates } from '../../src/stats/replicate-stats.js';
import type { ColumnStats } from '../../src/stats/types.js';

/** A replicate of 8 values whose one percentile (P50) is `value` with order-statistic interval [lower, upper]. */
function replicate(value: number, lower: number, upper: number, min = 4, max = 10): ColumnStats {
  return {
    n: 8, nonFinite: 0, min, max, mean: (min + max) / 2, sd: 3,
    percentiles: [{ p: 0.5, value, lower, upper }],
    histogram: { scale: 'linear', bins: [{ x0: min, x1: (min + max) / 2, count: 4 }, { x0: (min + max) / 2, x1: max, count: 4 }] },
  };
}

describe('a sobol percentile on a step of the CDF', () => {
  it('keeps the replicates\' own order-statistic interval when every replicate gives the same value (their spread says nothing)', () => {
    const out = combineReplicates(Array.from({ length: 8 }, () => replicate(7, 4, 10)), 0.95);
    expect(out.percentiles[0]).toMatchObject({ value: 7, lower: 4, upper: 10 });
  });

  it('gives a value the replicates agree on exactly as it is (no rounding noise from averaging equal numbers)', () => {
    const x = 123714.28571428571; // 8 · x / 8 !== x in floating point for some x; the mean of equal values must be x
    const out = combineReplicates(Array.from({ length: 8 }, () => replicate(x, x, x, x, x)), 0.95);
    expect(out.percentiles[0]).toEqual({ p: 0.5, value: x, lower: x, upper: x });
  });

  it('still takes mean ± t · sd/√R when the replicates differ', () => {
    const out = combineReplicates([6, 7, 8, 7, 6, 8, 7, 7].map((v) => replicate(v, 4, 10)), 0.95);
    expect(out.percentiles[0]!.value).toBe(7);
    expect(out.percentiles[0]!.upper - out.percentiles[0]!.lower).toBeLessThan(2);
  });

  it('article --method sobol: training H100s is reported as its two cases, and the P50 interval spans both atoms', async () => {
    const result = await simulate(loadScenario('article'), { samples: 8 * 8192, method: 'sobol', workers: 1 });
    const stats = result.outputs.trainH100s;
    const p50 = stats.percentiles.find((q) => q.p === 0.5)!;
    expect(p50.lower).toBeCloseTo(stats.min, 6);
    expect(p50.upper).toBeCloseTo(stats.max, 6);
    const cases = twoCases(stats);
    expect(cases?.map((c) => c.share)).toEqual([0.5, 0.5]);
  });
});
