import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triangularDistribution } from '../../distributions/triangular.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

/** The triangular CDF in closed form, written independently of the code under test. */
const exactCdf = (a: number, c: number, b: number) => (x: number) => {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
};

describe('triangularDistribution', () => {
  for (const [min, mode, max] of [[1, 3, 10], [0, 0, 1], [-2, 5, 5]] as const) {
    it(`passes a KS test for (${min}, ${mode}, ${max}) against the exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
      const triangular = triangularDistribution({ min, mode, max });
      const result = ksTest(drawByQuantile(triangular.quantile, SAMPLE_SIZE, `triangular-ks-${min}-${mode}-${max}`), exactCdf(min, mode, max));
      expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
    });
  }

  it('has the right spec, support, values and description', () => {
    const triangular = triangularDistribution({ min: 0, mode: 0, max: 1 });
    expect(triangular.spec).toEqual({ dist: 'triangular', min: 0, mode: 0, max: 1 });
    expect(triangular.support).toEqual([0, 1]);
    expect(triangular.quantile(0.75)).toBeCloseTo(0.5, 15);
    expect(triangular.cdf(0.5)).toBeCloseTo(0.75, 15);
    const peaked = triangularDistribution({ min: 1, mode: 3, max: 10 });
    expect(peaked.quantile(2 / 9)).toBeCloseTo(3, 14); // F(mode) = (mode − min)/(max − min)
    expect(peaked.describe()).toBe('triangular 1–10, mode 3');
  });

  it('stays finite, ordered and within [min, max] at the extreme u', () => {
    checkEdges(triangularDistribution({ min: 1, mode: 3, max: 10 }));
    checkEdges(triangularDistribution({ min: 1, mode: 10, max: 10 }));
  });

  it('property: quantile non-decreasing (also across the mode), in support, cdf(quantile(u)) ≈ u', () => {
    const parameters = fc
      .tuple(scaleAndLocation, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([{ scale, location }, fraction]) => ({ min: location, mode: location + fraction * scale, max: location + scale }));
    checkQuantileProperties(parameters.map(triangularDistribution), { cdfTolerance: 1e-10 });
  });
});
