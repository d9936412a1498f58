import { describe, expect, it } from 'vitest';
import { standardNormalQuantile } from '../../distributions/index.js';
import { passSizes, pilotSize } from '../../src/simulate/run-statistics.js';
import { BOUND_FRACTION, planRanks } from '../../src/stats/binned-percentiles.js';
import { keyOf, keyRange } from '../../src/stats/float-bins.js';
import { CONFIDENCE, percentilePlans, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { MAX_PARTS, planSlots, windowRanks } from '../../src/stats/windows.js';

/**
 * The resolution the engine plans, at sample counts no test can draw: for a lognormal output
 * (σ from 0.01 to 2) and an ideal pilot (its order statistics at their expected values), the bin
 * holding each wanted order statistic of the whole run — a sub-bin of the plan, or the bit-pattern
 * bin itself — is at most BOUND_FRACTION of the percentile's 95% interval half-width, within the
 * memory cap, for every count up to 2^53 − 1. (A real pilot places its windows within 7 standard
 * errors of these with probability ~1 − 1e-11 a rank; the engine checks the bound on the run itself.)
 */
describe('the planned resolution', () => {
  const counts = [2 ** 16, 2 ** 20, 10 ** 7, 2 ** 30, 2 ** 40, 2 ** 47, 2 ** 53 - 1];
  const sigmas = [0.01, 0.5, 2];

  it.each(sigmas)('holds every reported percentile of a lognormal with σ = %d within the bound, up to 2^53 − 1 samples', (sigma) => {
    const quantile = (t: number) => 1000 * Math.exp(sigma * standardNormalQuantile(t));
    for (const n of counts) {
      const m = pilotSize(n);
      const plans = percentilePlans(n, REPORTED_PERCENTILES, CONFIDENCE);
      const ranks = [...new Set(planRanks(plans))].sort((a, b) => a - b);
      const at = (rank: number, size: number) => quantile((rank + 0.5) / size);
      const plan = planSlots(n, m, ranks, (r) => ({ value: at(r, m), lo: at(r, m), hi: at(r, m) }));
      expect(plan).not.toBeNull();
      const parts = plan!.parts.reduce((a, b) => a + b + 2, 0);
      expect(parts).toBeLessThanOrEqual(MAX_PARTS);
      /** The width of the bin that holds x in the plan. */
      const width = (x: number): number => {
        const key = keyOf(x);
        const s = plan!.keys.indexOf(key);
        const [a, b] = keyRange(key);
        if (s < 0) return Math.abs(b - a);
        const lo = plan!.lo[s]!;
        const w = plan!.width[s]!;
        // Outside the slot: the rest of the bit-pattern bin below or above it (ordered-bins.ts).
        if (x < lo) return lo - Math.min(a, b);
        if (x >= lo + w) return Math.max(a, b) - (lo + w);
        return w / plan!.parts[s]!;
      };
      for (const { point, interval } of plans) {
        const halfWidth = (at(interval.upper - 1, n) - at(interval.lower - 1, n)) / 2;
        for (const r of [point.below, point.above, interval.lower - 1, interval.upper - 1]) {
          expect(width(at(r, n)), `n = ${n}, rank ${r}`).toBeLessThanOrEqual(BOUND_FRACTION * halfWidth);
        }
      }
    }
  });

  it('puts each window around its rank in the pilot, and the pilots in a chain down to the exact base', () => {
    expect(windowRanks(1e6, 32768, 500_000)[0]).toBeLessThan(16384);
    expect(windowRanks(1e6, 32768, 500_000)[1]).toBeGreaterThan(16384);
    expect(passSizes(2 ** 53 - 1).length).toBeLessThan(12);
    expect(passSizes(1e7)).toEqual([1e7, 163840, 32768]);
  });
});
