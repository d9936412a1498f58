import { mean, sampleStandardDeviation } from 'simple-statistics';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { columnMoments } from '../../src/stats/moments.js';

describe('columnMoments', () => {
  it("agrees with simple-statistics' mean and sample sd", () => {
    const rng = seedrandom.alea('moments');
    const values = Array.from({ length: 10_000 }, () => Math.exp(5 * rng.double()));
    const m = columnMoments(Float64Array.from(values));
    expect(m.mean).toBeCloseTo(mean(values), 9);
    expect(m.sd / sampleStandardDeviation(values)).toBeCloseTo(1, 12);
    expect(m.min).toBe(Math.min(...values));
    expect(m.max).toBe(Math.max(...values));
  });

  it('keeps the digits a naive sum loses', () => {
    // 1e16 + 1 + 1 + … : a plain running sum never moves from 1e16; the compensated one does.
    const column = Float64Array.from({ length: 1001 }, (_, i) => (i === 0 ? 1e16 : 1));
    expect(columnMoments(column).mean).toBe((1e16 + 1000) / 1001);
  });

  it('counts non-finite samples apart', () => {
    const m = columnMoments(Float64Array.of(1, NaN, 3, Infinity));
    expect([m.n, m.nonFinite, m.mean]).toEqual([2, 2, 2]);
  });
});
