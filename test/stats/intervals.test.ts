import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/stats/binomial.js';
import { quantileRankInterval } from '../../src/stats/intervals.js';
import { selectRanks } from '../../src/stats/select.js';

/** P(B ≤ k), B ~ Binomial(n, p), by direct summation: the definition, for small n. */
function binomialCdfBySum(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let total = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    total += term;
  }
  return total;
}

describe('binomialCdf', () => {
  it('agrees with direct summation', () => {
    for (const [k, n, p] of [[3, 10, 0.5], [10, 40, 0.1], [55, 100, 0.5], [0, 7, 0.3]] as const) {
      expect(binomialCdf(k, n, p)).toBeCloseTo(binomialCdfBySum(k, n, p), 12);
    }
  });
});

describe('quantileRankInterval', () => {
  it('gives the textbook ranks for the median of 20 (X(6), X(15), coverage 95.9%)', () => {
    // Conover, Practical Nonparametric Statistics, Table A3 / the sign-test interval for n = 20.
    const interval = quantileRankInterval(20, 0.5, 0.95);
    expect([interval.lower, interval.upper]).toEqual([6, 15]);
    expect(interval.coverage).toBeCloseTo(1 - 2 * binomialCdfBySum(5, 20, 0.5), 12);
  });

  it('covers with at least the stated confidence at every n and p tried', () => {
    for (const n of [50, 100, 1000, 100_000, 10_000_000]) {
      for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) {
        const { coverage, lower, upper } = quantileRankInterval(n, p, 0.95);
        if (lower > 1 && upper < n) expect(coverage, `n=${n} p=${p}`).toBeGreaterThanOrEqual(0.95);
        expect(lower).toBeLessThanOrEqual(upper);
      }
    }
  });

  it('covers the true quantile of uniform samples about 95% of the time', () => {
    // 2,000 samples of 500 uniforms; the true P10 is 0.1. Coverage ≥ 95% means misses ~ Binomial(2000, ≤ 0.05):
    // mean ≤ 100, and P(misses > 135) < 1e-3, so this fails by chance less than once in a thousand seeds.
    const rng = seedrandom.alea('interval-coverage');
    const { lower, upper } = quantileRankInterval(500, 0.1, 0.95);
    let misses = 0;
    for (let rep = 0; rep < 2000; rep++) {
      const sample = Float64Array.from({ length: 500 }, () => rng.double());
      const at = selectRanks(sample, [lower - 1, upper - 1]);
      if (!(at.get(lower - 1)! <= 0.1 && 0.1 <= at.get(upper - 1)!)) misses++;
    }
    expect(misses).toBeLessThanOrEqual(135);
    // And the interval is not needlessly wide: it should miss sometimes (P(misses < 60) < 1e-3 at coverage ≤ 0.962).
    expect(misses).toBeGreaterThan(40);
  });
});
