import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pertDistribution, pertShape } from '../../distributions/pert.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

/** ∫ f over [a, b] by composite Simpson's rule with `intervals` (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals = 4000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i += 1) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

describe('pertDistribution', () => {
  it(`passes a KS test for (0, 0.5, 1), i.e. Beta(3, 3), against 10t³ − 15t⁴ + 6t⁵, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const pert = pertDistribution({ min: 0, mode: 0.5, max: 1, lambda: 4 });
    const exact = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : 10 * t ** 3 - 15 * t ** 4 + 6 * t ** 5);
    const result = ksTest(drawByQuantile(pert.quantile, SAMPLE_SIZE, 'pert-ks-symmetric'), exact);
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`passes a KS test for (10, 15, 30), i.e. Beta(2, 4) scaled, against 1 − (1 − t)⁴(1 + 4t) (${FALSE_FAIL_NOTE})`, () => {
    const pert = pertDistribution({ min: 10, mode: 15, max: 30, lambda: 4 });
    const exact = (x: number) => {
      const t = (x - 10) / 20;
      return t <= 0 ? 0 : t >= 1 ? 1 : 1 - (1 - t) ** 4 * (1 + 4 * t);
    };
    const result = ksTest(drawByQuantile(pert.quantile, SAMPLE_SIZE, 'pert-ks-skewed'), exact);
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it(`passes a KS test for (1, 3, 10, λ = 6) against stdlib's beta CDF with the PERT shapes (${FALSE_FAIL_NOTE})`, () => {
    const pert = pertDistribution({ min: 1, mode: 3, max: 10, lambda: 6 });
    const [alpha, beta] = [1 + (6 * 2) / 9, 1 + (6 * 7) / 9];
    const result = ksTest(drawByQuantile(pert.quantile, SAMPLE_SIZE, 'pert-ks-lambda'), (x) => betaCdf((x - 1) / 9, alpha, beta));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has mean (min + λ·mode + max)/(λ + 2), by integrating 1 − F to 1e-9 relative', () => {
    for (const [min, mode, max, lambda] of [[1, 3, 10, 4], [0, 0.9, 1, 4], [-5, -4, 20, 2.5], [100, 100, 200, 8]] as const) {
      const pert = pertDistribution({ min, mode, max, lambda });
      const mean = min + simpson((x) => 1 - pert.cdf(x), min, max);
      const expected = (min + lambda * mode + max) / (lambda + 2);
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), max - min));
    }
  });

  it('pertShape: alpha = 1 + λ(mode − min)/(max − min), beta = 1 + λ(max − mode)/(max − min)', () => {
    expect(pertShape({ min: 0, mode: 0.25, max: 1, lambda: 4 })).toEqual({ alpha: 2, beta: 4 });
    expect(pertShape({ min: 2, mode: 2, max: 4, lambda: 4 })).toEqual({ alpha: 1, beta: 5 });
  });

  it('has the right spec, support and description', () => {
    const pert = pertDistribution({ min: 1, mode: 3, max: 10, lambda: 4 });
    expect(pert.family).toBe('pert');
    expect(pert.spec).toEqual({ dist: 'pert', min: 1, mode: 3, max: 10, lambda: 4 });
    expect(pert.support).toEqual([1, 10]);
    expect(pert.describe()).toBe('PERT 1–10, mode 3');
    expect(pertDistribution({ min: 1, mode: 3, max: 10, lambda: 6 }).describe()).toBe('PERT 1–10, mode 3, λ 6');
  });

  it('stays finite, ordered and within [min, max] at the extreme u', () => {
    checkEdges(pertDistribution({ min: 1, mode: 3, max: 10, lambda: 4 }));
    checkEdges(pertDistribution({ min: 0, mode: 1, max: 1, lambda: 40 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    const parameters = fc
      .tuple(scaleAndLocation, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }))
      .map(([{ scale, location }, fraction, lambda]) => ({
        min: location,
        mode: Math.min(location + scale, location + fraction * scale),
        max: location + scale,
        lambda,
      }));
    checkQuantileProperties(parameters.map(pertDistribution), { cdfTolerance: 1e-9, numRuns: 150 });
  });
});
