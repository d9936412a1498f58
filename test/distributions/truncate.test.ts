import { errorFunction } from 'simple-statistics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discreteFamily } from '../../distributions/discrete.js';
import { lognormalFamily } from '../../distributions/lognormal.js';
import { normalDistribution, standardNormalQuantile } from '../../distributions/normal.js';
import { uniformDistribution } from '../../distributions/uniform.js';
import { nextDown, nextUp, truncateDistribution } from '../../distributions/truncate.js';
import { triangularDistribution } from '../../distributions/triangular.js';
import { SoraError } from '../../src/errors.js';
import { ALPHA, chiSquareTest, drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { buildFamily } from './build.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

/** Φ from simple-statistics' erf (|error| < 1.2e-7), independent of the code under test. */
const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/** The CDF of `cdf` conditioned on [a, b], written independently of truncate.ts. */
const conditioned = (cdf: (x: number) => number, a: number, b: number) => (x: number) =>
  x <= a ? 0 : x >= b ? 1 : (cdf(x) - cdf(a)) / (cdf(b) - cdf(a));

describe('truncateDistribution', () => {
  it(`a normal truncated to [−0.5, 2] passes a KS test against the renormalised exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const truncated = truncateDistribution(normalDistribution({ mean: 0, sd: 1 }), -0.5, 2);
    const draws = drawByQuantile(truncated.quantile, SAMPLE_SIZE, 'truncate-normal');
    expect(draws.every((x) => x >= -0.5 && x <= 2)).toBe(true);
    const result = ksTest(draws, conditioned(phi, -0.5, 2));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`a normal's far upper tail [3, ∞) passes a KS test (${FALSE_FAIL_NOTE})`, () => {
    const truncated = truncateDistribution(normalDistribution({ mean: 0, sd: 1 }), 3, null);
    const draws = drawByQuantile(truncated.quantile, SAMPLE_SIZE, 'truncate-tail');
    expect(draws.every((x) => x >= 3)).toBe(true);
    const tail = (x: number) => (x <= 3 ? 0 : 1 - (0.5 * (1 - errorFunction(x / Math.SQRT2))) / (0.5 * (1 - errorFunction(3 / Math.SQRT2))));
    const result = ksTest(draws, tail);
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`a triangular truncated to [2, 6] passes a KS test against the closed form (${FALSE_FAIL_NOTE})`, () => {
    const truncated = truncateDistribution(triangularDistribution({ min: 1, mode: 3, max: 10 }), 2, 6);
    const triangle = (x: number) => (x <= 3 ? (x - 1) ** 2 / 18 : 1 - (10 - x) ** 2 / 63);
    const draws = drawByQuantile(truncated.quantile, SAMPLE_SIZE, 'truncate-triangular');
    expect(draws.every((x) => x >= 2 && x <= 6)).toBe(true);
    const result = ksTest(draws, conditioned(triangle, 2, 6));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`a lognormal "10B to 30B" truncated to ≤ 25B passes a KS test (${FALSE_FAIL_NOTE})`, () => {
    const base = buildFamily(lognormalFamily, { p5: 10e9, p95: 30e9 });
    const { mu, sigma } = base.spec as unknown as { mu: number; sigma: number };
    const truncated = truncateDistribution(base, null, 25e9);
    const lognormal = (x: number) => (x <= 0 ? 0 : phi((Math.log(x) - mu) / sigma));
    const draws = drawByQuantile(truncated.quantile, SAMPLE_SIZE, 'truncate-lognormal');
    expect(draws.every((x) => x > 0 && x <= 25e9)).toBe(true);
    const result = ksTest(draws, conditioned(lognormal, 0, 25e9));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`a discrete truncated to [2, 4] keeps the atoms at both ends, renormalised (chi-square at α = ${ALPHA}, fixed seed)`, () => {
    const truncated = truncateDistribution(buildFamily(discreteFamily, { values: [1, 2, 3, 4, 5], weights: [1, 1, 2, 1, 1] }), 2, 4);
    expect(truncated.support).toEqual([2, 4]);
    const result = chiSquareTest(drawByQuantile(truncated.quantile, SAMPLE_SIZE, 'truncate-discrete'), [2, 3, 4], [0.25, 0.5, 0.25]);
    expect(result.rejected, `X² = ${result.statistic} > ${result.critical}, strays ${result.strays}`).toBe(false);
    expect([1.5, 2, 3, 3.5, 4, 5].map(truncated.cdf)).toEqual([0, 0.25, 0.75, 0.75, 1, 1]);
  });

  it('renormalises: the half-normal [0, ∞) has median Φ⁻¹(0.75) and cdf 0 at 0, 1 at ∞', () => {
    const half = truncateDistribution(normalDistribution({ mean: 0, sd: 1 }), 0, null);
    expect(half.quantile(0.5)).toBeCloseTo(standardNormalQuantile(0.75), 14);
    expect(half.cdf(0)).toBe(0);
    expect(half.cdf(-1)).toBe(0);
    expect(half.cdf(1e300)).toBe(1);
    expect(half.cdf(standardNormalQuantile(0.75))).toBeCloseTo(0.5, 14);
    expect(half.support).toEqual([0, Infinity]);
    expect(half.spec).toEqual({ dist: 'normal', mean: 0, sd: 1, truncate: [0, null] });
    expect(half.describe()).toBe('normal, mean 0, sd 1 (90% in [-1.64, 1.64]), truncated to ≥ 0');
  });

  it('keeps the ends exactly inside [min, max] at the extreme u', () => {
    const truncated = truncateDistribution(normalDistribution({ mean: 0, sd: 1 }), 1, 1 + 1e-9);
    checkEdges(truncated);
    expect(truncated.quantile(Number.MIN_VALUE)).toBeGreaterThanOrEqual(1);
    expect(truncated.quantile(1 - 2 ** -53)).toBeLessThanOrEqual(1 + 1e-9);
    checkEdges(truncateDistribution(uniformDistribution({ min: 0, max: 1 }), 0.999999, null));
  });

  it('returns the base itself when neither end is given', () => {
    const base = normalDistribution({ mean: 0, sd: 1 });
    expect(truncateDistribution(base, null, null)).toBe(base);
  });

  it('throws SoraError at path truncate for an empty interval or one holding no mass', () => {
    const base = normalDistribution({ mean: 0, sd: 1 });
    for (const [low, high] of [[2, 1], [5e9, 6e9], [40, null]] as const) {
      let caught: unknown;
      try {
        truncateDistribution(base, low, high);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SoraError);
      expect((caught as SoraError).details.path).toBe('truncate');
    }
  });

  it('nextUp and nextDown step one double', () => {
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + 2 ** -53);
  });

  it('property: for random normals and intervals holding ≥ 1e-3 of the mass, quantile is monotone, inside [min, max], cdf(quantile(u)) ≈ u', () => {
    const truncated = fc
      .tuple(scaleAndLocation, fc.double({ min: 1e-6, max: 0.99, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }))
      .map(([{ scale, location }, pLow, fraction]) => {
        const base = normalDistribution({ mean: location, sd: scale });
        const pHigh = pLow + fraction * (1 - pLow);
        return truncateDistribution(base, base.quantile(pLow), pHigh >= 1 ? null : base.quantile(pHigh));
      });
    checkQuantileProperties(truncated, { cdfTolerance: 1e-9 });
  });
});
