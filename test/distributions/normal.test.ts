import fc from 'fast-check';
import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  normalDistribution,
  normalFamily,
  normalFromQuantiles,
  standardNormalCdf,
  standardNormalQuantile,
} from '../../distributions/normal.js';
import { drawByQuantile, FALSE_FAIL_NOTE, ksTest, SAMPLE_SIZE } from '../helpers/ks.js';
import { buildFamily } from './build.js';
import { checkEdges, checkQuantileProperties, scaleAndLocation } from './quantile-properties.js';

/** Φ from simple-statistics' erf (Numerical Recipes, |error| < 1.2e-7): independent of the code under test. */
const referenceCdf = (mean: number, sd: number) => (x: number) => 0.5 * (1 + errorFunction((x - mean) / (sd * Math.SQRT2)));

/** Φ⁻¹(u) computed with 80-digit mpmath (findroot on log Φ), for u given exactly as doubles. */
const REFERENCE_QUANTILES: readonly (readonly [number, number])[] = [
  [5e-324, -38.46740561714434625078],
  [1e-300, -37.04709629936119923655],
  [1e-100, -21.27345356096532429418],
  [1e-20, -9.262340089798407579572],
  [1e-16, -8.222082216130435615182],
  [1.1102230246251565e-16, -8.209536151601386855631],
  [1e-10, -6.3613409024040561991],
  [1e-5, -4.264890793922824610234],
  [0.001, -3.090232306167813535358],
  [0.025, -1.95996398454005421178],
  [0.05, -1.644853626951472687952],
  [0.1, -1.281551565544600435335],
  [0.25, -0.6744897501960817432022],
  [0.4, -0.2533471031357997413247],
  [0.4999999990686774, -2.334479498333298139919e-9],
  [0.5000000009313226, 2.334479498333298139919e-9],
  [0.6, 0.2533471031357997413247],
  [0.75, 0.6744897501960817432022],
  [0.9, 1.281551565544600593487],
  [0.95, 1.644853626951472284276],
  [0.975, 1.959963984540053855604],
  [0.999, 3.090232306167813277758],
  [0.99999, 4.264890793923840769948],
  [0.9999999998835847, 6.337957754553789252493],
  [0.9999999999999999, 8.209536151601386855631],
];

describe('standardNormalQuantile', () => {
  it('matches 80-digit references to 1e-15 relative for u ≥ 1e-100 (and 1e-12 below)', () => {
    for (const [u, z] of REFERENCE_QUANTILES) {
      const relative = Math.abs(standardNormalQuantile(u) / z - 1);
      expect(relative, `u = ${u}`).toBeLessThanOrEqual(u >= 1e-100 ? 1e-15 : 1e-12);
    }
  });

  it('is the inverse of standardNormalCdf, relative to u through the lower tail', () => {
    for (const u of [1e-300, 1e-100, 1e-20, 1e-10, 1e-3, 0.2, 0.5]) {
      // The relative error of Φ(z) is about z² times that of z, so allow z² times the quantile's tolerance.
      const z = standardNormalQuantile(u);
      const tolerance = Math.max(1, z * z) * (u >= 1e-100 ? 1e-15 : 2e-13);
      expect(Math.abs(standardNormalCdf(z) / u - 1), `u = ${u}`).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe('normalDistribution', () => {
  it(`passes a KS test against the exact CDF, n = 20,000 (${FALSE_FAIL_NOTE})`, () => {
    const normal = normalDistribution({ mean: 3, sd: 2 });
    const result = ksTest(drawByQuantile(normal.quantile, SAMPLE_SIZE, 'normal-ks'), referenceCdf(3, 2));
    expect(result.rejected, `D = ${result.statistic} > ${result.critical}`).toBe(false);
  });

  it('has the right spec, support and description', () => {
    const normal = normalDistribution({ mean: 5, sd: 1 });
    expect(normal.family).toBe('normal');
    expect(normal.spec).toEqual({ dist: 'normal', mean: 5, sd: 1 });
    expect(normal.support).toEqual([-Infinity, Infinity]);
    expect(normal.describe()).toBe('normal, mean 5, sd 1 (90% in [3.36, 6.64])');
    expect(normal.quantile(0.5)).toBe(5);
    expect(normal.cdf(5)).toBe(0.5);
  });

  it('stays finite and ordered at the extreme u', () => {
    checkEdges(normalDistribution({ mean: -1e6, sd: 1e-3 }));
    checkEdges(normalDistribution({ mean: 0, sd: 1e300 }));
  });

  it('property: quantile non-decreasing, in support, cdf(quantile(u)) ≈ u', () => {
    checkQuantileProperties(
      scaleAndLocation.map(({ scale, location }) => normalDistribution({ mean: location, sd: scale })),
      { cdfTolerance: 1e-10 },
    );
  });
});

describe('normal parameter sets', () => {
  it('{p10, p90} reproduces those quantiles to 1e-12 relative', () => {
    const normal = buildFamily(normalFamily, { p10: 0.31, p90: 0.47 });
    expect(Math.abs(normal.quantile(0.1) / 0.31 - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(normal.quantile(0.9) / 0.47 - 1)).toBeLessThanOrEqual(1e-12);
  });

  it('{p5, p95} reproduces those quantiles to 1e-12 relative', () => {
    const normal = buildFamily(normalFamily, { p5: -120, p95: 480 });
    expect(Math.abs(normal.quantile(0.05) / -120 - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(normal.quantile(0.95) / 480 - 1)).toBeLessThanOrEqual(1e-12);
  });

  it('{low, high, level} is {p5, p95} at level 0.9 (the default) and {p10, p90} at 0.8', () => {
    expect(buildFamily(normalFamily, { low: 1, high: 3 }).spec).toEqual(
      buildFamily(normalFamily, { p5: 1, p95: 3 }).spec,
    );
    expect(buildFamily(normalFamily, { low: 1, high: 3, level: 0.8 }).spec).toEqual(
      buildFamily(normalFamily, { p10: 1, p90: 3 }).spec,
    );
    const half = buildFamily(normalFamily, { low: 10, high: 20, level: 0.5 });
    expect(half.quantile(0.25)).toBeCloseTo(10, 12);
    expect(half.quantile(0.75)).toBeCloseTo(20, 12);
  });

  it('normalFromQuantiles: mean is the midpoint, sd = (high − low)/(2 z)', () => {
    const { mean, sd } = normalFromQuantiles(2, 6, 0.95);
    expect(mean).toBe(4);
    expect(sd).toBeCloseTo(4 / (2 * 1.6448536269514722), 15);
  });

  it('property: random {p5, p95} round-trip', () => {
    fc.assert(
      fc.property(scaleAndLocation, ({ scale, location }) => {
        const normal = buildFamily(normalFamily, { p5: location, p95: location + scale });
        expect(Math.abs(normal.quantile(0.05) - location)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(location), scale));
        expect(Math.abs(normal.quantile(0.95) - (location + scale))).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(location), scale));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
