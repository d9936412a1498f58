import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/stats/binomial.js';
import { quantileRankInterval } from '../../src/stats/intervals.js';

describe('order-statistic intervals at the largest sample counts', () => {
  it('gives a probability for every k at 2^53 − 1 samples, increasing in k', () => {
    const n = 2 ** 53 - 1;
    let previous = 0;
    for (const k of [0, 2 ** 40, n * 0.01 - 1e8, n * 0.01, n / 2 - 1e8, n / 2, n / 2 + 1e8, n * 0.99, n - 1]) {
      const probability = binomialCdf(Math.floor(k), n, k === 0 || k === n - 1 ? 0.5 : k / n > 0.4 ? 0.5 : 0.01);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
    }
    for (const k of [n / 2 - 2e8, n / 2 - 1e8, n / 2, n / 2 + 1e8, n / 2 + 2e8]) {
      const probability = binomialCdf(Math.floor(k), n, 0.5);
      expect(probability).toBeGreaterThanOrEqual(previous);
      previous = probability;
    }
  });

  it('finds the 95% interval ranks of the median and P1 at 2^53 − 1 samples, about ±1.96 standard deviations', () => {
    const n = 2 ** 53 - 1;
    for (const p of [0.5, 0.01]) {
      const { lower, upper } = quantileRankInterval(n, p, 0.95);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs((n * p - lower) / sd - 1.96)).toBeLessThan(0.01);
      expect(Math.abs((upper - n * p) / sd - 1.96)).toBeLessThan(0.01);
    }
  });
});

describe('percentile plans at the largest sample count', () => {
  it('are found at 2^53 − 1 samples (a bisection midpoint (lo + hi) / 2 rounds there and never ends)', async () => {
    const { percentilePlans, REPORTED_PERCENTILES, CONFIDENCE } = await import('../../src/stats/percentiles.js');
    const plans = percentilePlans(2 ** 53 - 1, REPORTED_PERCENTILES, CONFIDENCE);
    for (const { p, interval } of plans) expect(interval.lower).toBeLessThan((2 ** 53 - 1) * p);
  }, 20_000);
});
