import fc from 'fast-check';
import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  lognormalDistribution,
  lognormalFamily,
  lognormalFromMoments,
  lognormalFromQuantiles,
} from '../../distributions/lognormal.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { buildFamily } from './build.js';
import { checkEdges, checkQuantileProperties } from './quantile-properties.js';

/** The lognormal CDF from simple-statistics' erf (|error| < 1.2e-7), independent of the code under test. */
const referenceCdf = (mu: number, sigma: number) => (x: number) =>
  x <= 0 ? 0 : 0.5 * (1 + errorFunction((Math.log(x) - mu) / (sigma * Math.SQRT2)));

const relative = (a: number, b: number) => Math.abs(a / b - 1);

describe('lognormalDistribution', () => {
  it(`passes a KS test against the exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const lognormal = lognormalDistribution({ mu: Math.log(2e10), sigma: 0.7 });
    const result = ksTest(drawByQuantile(lognormal.quantile, SAMPLE_SIZE, 'lognormal-ks'), referenceCdf(Math.log(2e10), 0.7));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has the right spec, support and description', () => {
    const lognormal = lognormalDistribution({ mu: 0, sigma: 1 });
    expect(lognormal.family).toBe('lognormal');
    expect(lognormal.spec).toEqual({ dist: 'lognormal', mu: 0, sigma: 1 });
    expect(lognormal.support).toEqual([0, Infinity]);
    expect(lognormal.quantile(0.5)).toBe(1);
    expect(lognormal.cdf(1)).toBe(0.5);
    expect(lognormal.cdf(0)).toBe(0);
    expect(lognormal.cdf(-3)).toBe(0);
    expect(buildFamily(lognormalFamily, { p5: 10e9, p95: 30e9 }).describe()).toBe('lognormal, 90% in [10B, 30B]');
  });

  it('stays finite and ordered at the extreme u', () => {
    checkEdges(lognormalDistribution({ mu: 0, sigma: 1 }));
    checkEdges(lognormalDistribution({ mu: 600, sigma: 10 }));
    checkEdges(lognormalDistribution({ mu: -600, sigma: 10 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    const parameters = fc.record({
      mu: fc.double({ min: -50, max: 50, noNaN: true }),
      sigma: fc.double({ min: 0.01, max: 5, noNaN: true }),
    });
    checkQuantileProperties(parameters.map(lognormalDistribution), { cdfTolerance: 1e-10 });
  });
});

describe('lognormal parameter sets', () => {
  it('{p5, p95} reproduces those quantiles to 1e-12 relative', () => {
    const lognormal = buildFamily(lognormalFamily, { p5: 10e9, p95: 30e9 });
    expect(relative(lognormal.quantile(0.05), 10e9)).toBeLessThanOrEqual(1e-12);
    expect(relative(lognormal.quantile(0.95), 30e9)).toBeLessThanOrEqual(1e-12);
  });

  it('{p10, p90} reproduces those quantiles to 1e-12 relative', () => {
    const lognormal = buildFamily(lognormalFamily, { p10: 0.002, p90: 7.5 });
    expect(relative(lognormal.quantile(0.1), 0.002)).toBeLessThanOrEqual(1e-12);
    expect(relative(lognormal.quantile(0.9), 7.5)).toBeLessThanOrEqual(1e-12);
  });

  it('{mean, sd} has that mean and sd: sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2', () => {
    for (const [mean, sd] of [[10, 5], [2e10, 3e10], [0.3, 0.01], [1, 100]] as const) {
      const { mu, sigma } = lognormalFromMoments(mean, sd);
      // (the test evaluates ln(1 + x) as written, losing ~1e-16/x relative; the code uses log1p)
      expect(relative(sigma * sigma, Math.log(1 + (sd * sd) / (mean * mean)))).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(mu - (Math.log(mean) - (sigma * sigma) / 2))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(mu)));
      // E[X] = exp(mu + sigma²/2), Var[X] = (exp(sigma²) − 1) exp(2 mu + sigma²)
      expect(relative(Math.exp(mu + (sigma * sigma) / 2), mean)).toBeLessThanOrEqual(1e-12);
      expect(relative(Math.sqrt(Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma)), sd)).toBeLessThanOrEqual(1e-12);
      expect(buildFamily(lognormalFamily, { mean, sd }).spec).toEqual({ dist: 'lognormal', mu, sigma });
    }
  });

  it(`{mean, sd}: the sample mean of 20,000 draws is within 4 standard errors of mean (fails by chance with probability 6e-5; fixed seed)`, () => {
    const lognormal = buildFamily(lognormalFamily, { mean: 10, sd: 5 });
    const draws = drawByQuantile(lognormal.quantile, SAMPLE_SIZE, 'lognormal-mean');
    const sampleMean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(Math.abs(sampleMean - 10)).toBeLessThanOrEqual((4 * 5) / Math.sqrt(draws.length));
  });

  it('{low, high, level} is {p5, p95} at the default level 0.9', () => {
    expect(buildFamily(lognormalFamily, { low: 3, high: 12 }).spec).toEqual(
      buildFamily(lognormalFamily, { p5: 3, p95: 12 }).spec,
    );
    const eighty = buildFamily(lognormalFamily, { low: 3, high: 12, level: 0.8 });
    expect(relative(eighty.quantile(0.1), 3)).toBeLessThanOrEqual(1e-12);
    expect(relative(eighty.quantile(0.9), 12)).toBeLessThanOrEqual(1e-12);
  });

  it('lognormalFromQuantiles: mu is the mean of the logs', () => {
    expect(lognormalFromQuantiles(1, 100, 0.95).mu).toBeCloseTo(Math.log(10), 15);
  });

  it('property: random {p5, p95} round-trip to 1e-12 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 1e-3, max: 20, noNaN: true }),
        (logLow, logWidth) => {
          const [p5, p95] = [Math.exp(logLow), Math.exp(logLow + logWidth)];
          fc.pre(p95 > p5);
          const lognormal = buildFamily(lognormalFamily, { p5, p95 });
          expect(relative(lognormal.quantile(0.05), p5)).toBeLessThanOrEqual(1e-12);
          expect(relative(lognormal.quantile(0.95), p95)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
