import { describe, expect, it } from 'vitest';
import { uniformDistribution } from '../../distributions/uniform.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

const exactCdf = (min: number, max: number) => (x: number) => Math.min(1, Math.max(0, (x - min) / (max - min)));

describe('uniformDistribution', () => {
  it(`passes a KS test against the exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const uniform = uniformDistribution({ min: 4, max: 10 });
    const result = ksTest(drawByQuantile(uniform.quantile, SAMPLE_SIZE, 'uniform-ks'), exactCdf(4, 10));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has the right spec, support, values and description', () => {
    const uniform = uniformDistribution({ min: 4, max: 10 });
    expect(uniform.family).toBe('uniform');
    expect(uniform.spec).toEqual({ dist: 'uniform', min: 4, max: 10 });
    expect(uniform.support).toEqual([4, 10]);
    expect(uniform.quantile(0.5)).toBe(7);
    expect(uniform.cdf(5.5)).toBe(0.25);
    expect(uniform.cdf(3)).toBe(0);
    expect(uniform.cdf(11)).toBe(1);
    expect(uniform.describe()).toBe('uniform 4–10');
    expect(uniformDistribution({ min: -5, max: 1.5e6 }).describe()).toBe('uniform -5 to 1.5M');
  });

  it('stays finite, ordered and within [min, max] at the extreme u', () => {
    checkEdges(uniformDistribution({ min: 4, max: 10 }));
    checkEdges(uniformDistribution({ min: 0.1, max: 0.30000000000000004 }));
    checkEdges(uniformDistribution({ min: -1e308, max: 1e307 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    checkQuantileProperties(
      scaleAndLocation.map(({ scale, location }) => uniformDistribution({ min: location, max: location + scale })),
      { cdfTolerance: 1e-10 },
    );
  });
});
