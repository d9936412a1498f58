import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loguniformDistribution } from '../../distributions/loguniform.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { checkEdges, checkQuantileProperties } from './quantile-properties.js';

const exactCdf = (min: number, max: number) => (x: number) =>
  x <= min ? 0 : x >= max ? 1 : (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));

describe('loguniformDistribution', () => {
  it(`passes a KS test against the exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const loguniform = loguniformDistribution({ min: 1e3, max: 1e9 });
    const result = ksTest(drawByQuantile(loguniform.quantile, SAMPLE_SIZE, 'loguniform-ks'), exactCdf(1e3, 1e9));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has the right spec, support, values and description', () => {
    const loguniform = loguniformDistribution({ min: 1, max: 100 });
    expect(loguniform.spec).toEqual({ dist: 'loguniform', min: 1, max: 100 });
    expect(loguniform.support).toEqual([1, 100]);
    expect(loguniform.quantile(0.5)).toBeCloseTo(10, 13);
    expect(loguniform.cdf(10)).toBeCloseTo(0.5, 15);
    expect(loguniform.cdf(0.5)).toBe(0);
    expect(loguniform.cdf(200)).toBe(1);
    expect(loguniformDistribution({ min: 1e3, max: 1e6 }).describe()).toBe('loguniform 1k–1M');
  });

  it('stays finite, ordered and within [min, max] at the extreme u, even for a range wider than the double range', () => {
    checkEdges(loguniformDistribution({ min: 1e-300, max: 1e300 }));
    checkEdges(loguniformDistribution({ min: 1, max: 1 + 2 ** -40 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    const parameters = fc
      .record({ logMin: fc.double({ min: -20, max: 20, noNaN: true }), logWidth: fc.double({ min: 1e-3, max: 30, noNaN: true }) })
      .map(({ logMin, logWidth }) => ({ min: Math.exp(logMin), max: Math.exp(logMin + logWidth) }));
    checkQuantileProperties(parameters.map(loguniformDistribution), { cdfTolerance: 1e-10 });
  });
});
