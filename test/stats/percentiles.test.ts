import { quantile } from 'simple-statistics';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { type7Ranks } from '../../src/stats/percentiles.js';
import { percentilesWithIntervals } from '../helpers/stats.js';

describe('percentilesWithIntervals', () => {
  it('computes type-7 quantiles: [1, 2, 3, 4] has P25 = 1.75', () => {
    const [p25] = percentilesWithIntervals(Float64Array.of(4, 3, 2, 1), [0.25]);
    expect(p25!.value).toBe(1.75);
  });

  it("agrees with simple-statistics' quantile (also type 7) on random data", () => {
    const rng = seedrandom.alea('type7');
    const values = Array.from({ length: 10_001 }, () => Math.exp(3 * rng.double()));
    const ps = [0.01, 0.1, 0.25, 0.5, 0.9, 0.99];
    const ours = percentilesWithIntervals(Float64Array.from(values), ps);
    ps.forEach((p, i) => expect(ours[i]!.value).toBeCloseTo(quantile(values, p), 12));
  });

  it('brackets each estimate by its interval', () => {
    const rng = seedrandom.alea('brackets');
    const values = Float64Array.from({ length: 5000 }, () => rng.double());
    for (const q of percentilesWithIntervals(values)) {
      expect(q.lower).toBeLessThanOrEqual(q.value);
      expect(q.value).toBeLessThanOrEqual(q.upper);
    }
  });

  it('interpolates between the right ranks', () => {
    expect(type7Ranks(11, 0.5)).toEqual({ below: 5, above: 6, weight: 0 });
    expect(type7Ranks(4, 0.25).weight).toBeCloseTo(0.75, 12);
  });
});

describe('tiny samples', () => {
  it('keeps every estimate inside its own interval for n = 1 to 60', () => {
    const rng = seedrandom.alea('tiny');
    for (let n = 1; n <= 60; n++) {
      const values = Float64Array.from({ length: n }, () => rng.double());
      for (const q of percentilesWithIntervals(values)) {
        expect(q.lower, `n=${n} p=${q.p}`).toBeLessThanOrEqual(q.value);
        expect(q.value, `n=${n} p=${q.p}`).toBeLessThanOrEqual(q.upper);
      }
    }
  });

  it('handles a constant column', () => {
    expect(percentilesWithIntervals(Float64Array.of(5, 5, 5)).every((q) => q.value === 5 && q.lower === 5)).toBe(true);
  });
});
