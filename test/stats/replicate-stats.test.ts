import { describe, expect, it } from 'vitest';
import { combineReplicates, studentTQuantile } from '../../src/stats/replicate-stats.js';
import type { ColumnStats } from '../../src/stats/types.js';

/** A replicate with the given n, mean, sd and one percentile (P90), and a two-bin linear histogram on [0, 10]. */
function replicate(n: number, mean: number, sd: number, p90: number, min = 0, max = 10): ColumnStats {
  return {
    n, nonFinite: 0, min, max, mean, sd,
    percentiles: [{ p: 0.9, value: p90, lower: p90, upper: p90 }],
    histogram: { scale: 'linear', bins: [{ x0: min, x1: (min + max) / 2, count: n / 2 }, { x0: (min + max) / 2, x1: max, count: n / 2 }] },
  };
}

describe('randomised QMC statistics from replicates', () => {
  it('takes Student t quantiles from the inverse incomplete beta: printed table values', () => {
    // Student t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): t(0.975; 7) = 2.365, t(0.975; 15) = 2.131, t(0.95; 1) = 6.314.
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.3646, 4);
    expect(studentTQuantile(0.975, 15)).toBeCloseTo(2.1314, 4);
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.3138, 4);
  });

  it('forms each percentile as the replicates\' mean ± t · sd/√R, and pools mean, sd, n, min, max and histogram', () => {
    // Four replicates of 10 values: P90s 1, 2, 3, 4 → mean 2.5, sd √(5/3), half-width t(0.975; 3) · sd / 2 = 3.1824 · 1.29099 / 2.
    const reps = [replicate(10, 1, 1, 1, 0, 10), replicate(10, 2, 1, 2, -1, 8), replicate(10, 3, 1, 3, 0, 10), replicate(10, 4, 1, 4, 0, 12)];
    const out = combineReplicates(reps, 0.95);
    const half = (3.182446 * Math.sqrt(5 / 3)) / 2;
    expect(out.percentiles[0]!.value).toBeCloseTo(2.5, 12);
    expect(out.percentiles[0]!.lower).toBeCloseTo(2.5 - half, 5);
    expect(out.percentiles[0]!.upper).toBeCloseTo(2.5 + half, 5);
    expect([out.n, out.min, out.max, out.mean]).toEqual([40, -1, 12, 2.5]);
    // Pooled sd of the 40 values: (4 · 9 · 1² + 10 · (1.5² + 0.5² + 0.5² + 1.5²)) / 39.
    expect(out.sd).toBeCloseTo(Math.sqrt((36 + 10 * 5) / 39), 12);
    expect(out.histogram.bins.reduce((a, b) => a + b.count, 0)).toBe(40);
    expect(out.histogram.bins.every((b) => Number.isInteger(b.count))).toBe(true);
    expect(out.histogram.bins[0]!.x0).toBe(-1);
    expect(out.histogram.bins.at(-1)!.x1).toBe(12);
  });

  it('refuses fewer than two replicates', () => {
    expect(() => combineReplicates([replicate(10, 1, 1, 1)], 0.95)).toThrow(/at least 2 replicates/);
  });
});
