import { mean, sampleStandardDeviation } from 'simple-statistics';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { columnExtent, CompensatedSum } from '../../src/stats/moments.js';
import { summarize as summarizeColumn } from '../helpers/stats.js';

describe('moments', () => {
  it("agree with simple-statistics' mean and sample sd", () => {
    const rng = seedrandom.alea('moments');
    const values = Array.from({ length: 10_000 }, () => Math.exp(5 * rng.double()));
    const stats = summarizeColumn(Float64Array.from(values));
    expect(stats.mean).toBeCloseTo(mean(values), 9);
    expect(stats.sd / sampleStandardDeviation(values)).toBeCloseTo(1, 12);
    expect(stats.min).toBe(Math.min(...values));
    expect(stats.max).toBe(Math.max(...values));
  });

  it('keep the digits a naive sum loses', () => {
    // 1e16 + 1 + 1 + … : a plain running sum never moves from 1e16; the compensated one does.
    const sum = new CompensatedSum();
    sum.add(1e16);
    for (let i = 0; i < 1000; i++) sum.add(1);
    expect(sum.value).toBe(1e16 + 1000);
    const column = Float64Array.from({ length: 1001 }, (_, i) => (i === 0 ? 1e16 : 1));
    expect(columnExtent(column).mean).toBe((1e16 + 1000) / 1001);
  });

  it('count non-finite samples apart', () => {
    const extent = columnExtent(Float64Array.of(1, NaN, 3, Infinity));
    expect([extent.n, extent.nonFinite, extent.mean]).toEqual([2, 2, 2]);
    expect(summarizeColumn(Float64Array.of(1, NaN, 3)).sd).toBeCloseTo(Math.SQRT2, 12);
  });
});
