import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaDistribution } from '../../distributions/beta.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

/** Beta CDFs with closed forms, written independently of the code under test. */
const CLOSED_FORMS: readonly (readonly [alpha: number, beta: number, cdf: (t: number) => number])[] = [
  [2, 1, (t) => t * t],
  [1, 3, (t) => 1 - (1 - t) ** 3],
  [2, 2, (t) => 3 * t * t - 2 * t ** 3],
  [0.5, 0.5, (t) => (2 / Math.PI) * Math.asin(Math.sqrt(t))], // the arcsine distribution
];

const clampUnit = (cdf: (t: number) => number) => (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : cdf(t));

describe('betaDistribution', () => {
  for (const [alpha, beta, cdf] of CLOSED_FORMS) {
    it(`passes a KS test for Beta(${alpha}, ${beta}) against its closed-form CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
      const distribution = betaDistribution({ alpha, beta, min: 0, max: 1 });
      const result = ksTest(drawByQuantile(distribution.quantile, SAMPLE_SIZE, `beta-ks-${alpha}-${beta}`), clampUnit(cdf));
      expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
    });
  }

  it(`passes a KS test for Beta(2, 2) scaled to [0.2, 0.6] (${FALSE_FAIL_NOTE})`, () => {
    const distribution = betaDistribution({ alpha: 2, beta: 2, min: 0.2, max: 0.6 });
    const reference = (x: number) => clampUnit(CLOSED_FORMS[2]![2])((x - 0.2) / 0.4);
    const result = ksTest(drawByQuantile(distribution.quantile, SAMPLE_SIZE, 'beta-ks-scaled'), reference);
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`passes a KS test for Beta(2.5, 7) against stdlib's beta CDF (${FALSE_FAIL_NOTE})`, () => {
    const distribution = betaDistribution({ alpha: 2.5, beta: 7, min: 0, max: 1 });
    const result = ksTest(drawByQuantile(distribution.quantile, SAMPLE_SIZE, 'beta-ks-general'), (x) => betaCdf(x, 2.5, 7));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has the right spec, support, values and description', () => {
    const distribution = betaDistribution({ alpha: 2, beta: 2, min: 0, max: 1 });
    expect(distribution.family).toBe('beta');
    expect(distribution.spec).toEqual({ dist: 'beta', alpha: 2, beta: 2, min: 0, max: 1 });
    expect(distribution.support).toEqual([0, 1]);
    expect(distribution.quantile(0.5)).toBeCloseTo(0.5, 14);
    expect(distribution.describe()).toBe('beta(2, 2)');
    expect(betaDistribution({ alpha: 4, beta: 6, min: 0.2, max: 0.6 }).describe()).toBe('beta(4, 6) on [0.2, 0.6]');
  });

  it('stays finite, ordered and within [min, max] at the extreme u', () => {
    checkEdges(betaDistribution({ alpha: 0.05, beta: 0.05, min: 0, max: 1 }));
    checkEdges(betaDistribution({ alpha: 200, beta: 0.3, min: -1, max: 1 }));
    checkEdges(betaDistribution({ alpha: 2, beta: 5, min: 1e9, max: 3e9 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    const shape = fc.double({ min: 0.05, max: 50, noNaN: true });
    const parameters = fc
      .tuple(shape, shape, scaleAndLocation)
      .map(([alpha, beta, { scale, location }]) => ({ alpha, beta, min: location, max: location + scale }));
    checkQuantileProperties(parameters.map(betaDistribution), { cdfTolerance: 1e-9, numRuns: 150 });
  });
});
