import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { standardNormalQuantile as normalQuantile } from '../../distributions/normal-quantile.js';
import { MIN_GROUPS, pooledWithinSd, predictiveInterval } from '../../src/stats/predictive.js';

describe('the prediction interval for a new group', () => {
  it('is mean ± t(n − 1) · s · √(1 + 1/n): for 0, 1, 2, 3, 4 at 90%, 2 ± 2.131847 · 1.581139 · √1.2', () => {
    const interval = predictiveInterval([0, 1, 2, 3, 4], 0.9);
    // t(0.95, 4) = 2.131847 (Student's t tables); s = √2.5.
    const half = 2.131847 * Math.sqrt(2.5) * Math.sqrt(1.2);
    expect(interval.df).toBe(4);
    expect(interval.t).toBeCloseTo(2.131847, 6);
    expect(interval.low).toBeCloseTo(2 - half, 5);
    expect(interval.high).toBeCloseTo(2 + half, 5);
  });

  it('adds the within-group spread in quadrature', () => {
    const without = predictiveInterval([0, 1, 2, 3, 4], 0.9);
    const within = predictiveInterval([0, 1, 2, 3, 4], 0.9, 1.5);
    expect(within.sd).toBeCloseTo(Math.sqrt(without.sd ** 2 + 1.5 ** 2), 12);
  });

  it('refuses fewer than three groups', () => {
    expect(MIN_GROUPS).toBe(3);
    expect(() => predictiveInterval([1, 2], 0.9)).toThrow(/at least 3 groups, found 2/);
  });

  it('holds a new normal value 90% of the time (20,000 trials of five groups and one new one)', () => {
    // Each trial: 6 standard normals; the interval from the first five holds the sixth with
    // probability exactly 0.9 under the normal model. Over 20,000 trials the share has sd 0.0021;
    // the ±0.01 bound (4.7 sd) fails for a correct interval with probability below 1e-5.
    const rng = seedrandom.alea('sora-mc/test/predictive');
    let held = 0;
    const trials = 20_000;
    for (let trial = 0; trial < trials; trial++) {
      const draw = () => normalQuantile(rng.double() || 0.5);
      const seen = [draw(), draw(), draw(), draw(), draw()];
      const next = draw();
      const interval = predictiveInterval(seen, 0.9);
      if (next >= interval.low && next <= interval.high) held += 1;
    }
    expect(Math.abs(held / trials - 0.9)).toBeLessThan(0.01);
  });

  it('pools the within-group spread over groups of two or more', () => {
    // Groups [1, 3] and [2, 4, 6]: squares 2 + 8 = 10 over 1 + 2 degrees of freedom.
    expect(pooledWithinSd([[1, 3], [2, 4, 6], [5]])).toBeCloseTo(Math.sqrt(10 / 3), 12);
    expect(pooledWithinSd([[1], [2]])).toBe(0);
  });
});
