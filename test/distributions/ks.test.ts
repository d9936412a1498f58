import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { discreteDistribution } from '../../distributions/discrete.js';
import { lognormalDistribution, lognormalFromQuantiles } from '../../distributions/lognormal.js';
import { normalDistribution } from '../../distributions/normal.js';
import {
  ALPHA,
  chiSquareTest,
  drawByQuantile,
  ksCriticalValue,
  ksStatistic,
  ksTest,
  SAMPLE_SIZE,
  seededUniforms,
} from '../helpers/ks.js';

const phi = (mean: number, sd: number) => (x: number) => 0.5 * (1 + errorFunction((x - mean) / (sd * Math.SQRT2)));

/** The helpers the statistical tests rest on must be able to fail: these check they reject wrong samplers. */
describe('test/helpers/ks', () => {
  it('seededUniforms is deterministic, in (0, 1), and different for different seeds', () => {
    const a = seededUniforms('seed-a', 1000);
    expect(seededUniforms('seed-a', 1000)).toEqual(a);
    expect(seededUniforms('seed-b', 1000)).not.toEqual(a);
    expect(a.every((u) => u > 0 && u < 1)).toBe(true);
  });

  it('ksCriticalValue is sqrt(−ln(α/2)/2)/sqrt(n): 0.01378 for n = 20,000 and α = 0.001', () => {
    expect(ksCriticalValue(SAMPLE_SIZE, ALPHA)).toBeCloseTo(0.013785, 5);
    expect(ksCriticalValue(100, 0.05)).toBeCloseTo(0.1358, 4); // the textbook 1.358/√n
  });

  it('ksStatistic of a perfect grid against its CDF is 1/(2n)… and of a point mass is large', () => {
    const grid = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    expect(ksStatistic(grid, (x) => x)).toBeCloseTo(0.005, 12);
    expect(ksStatistic(new Array(100).fill(0.5), (x) => x)).toBeCloseTo(0.5, 12);
  });

  it('rejects a normal shifted by 0.1 sd, and one with sd 10% too large', () => {
    const normal = normalDistribution({ mean: 0, sd: 1 });
    const draws = drawByQuantile(normal.quantile, SAMPLE_SIZE, 'ks-power');
    expect(ksTest(draws, phi(0, 1)).rejected).toBe(false);
    expect(ksTest(draws, phi(0.1, 1)).rejected).toBe(true);
    expect(ksTest(draws, phi(0, 1.1)).rejected).toBe(true);
  });

  it('rejects a lognormal "10B to 30B" tested against "10B to 33B"', () => {
    const right = lognormalDistribution(lognormalFromQuantiles(10e9, 30e9, 0.95));
    const wrong = lognormalDistribution(lognormalFromQuantiles(10e9, 33e9, 0.95));
    const draws = drawByQuantile(right.quantile, SAMPLE_SIZE, 'ks-power-lognormal');
    expect(ksTest(draws, right.cdf).rejected).toBe(false);
    expect(ksTest(draws, wrong.cdf).rejected).toBe(true);
  });

  it('chiSquareTest rejects weights off by 0.03, and any stray value', () => {
    const discrete = discreteDistribution({ values: [1, 2, 3], weights: [0.5, 0.3, 0.2] });
    const draws = drawByQuantile(discrete.quantile, SAMPLE_SIZE, 'chi2-power');
    expect(chiSquareTest(draws, [1, 2, 3], [0.5, 0.3, 0.2]).rejected).toBe(false);
    expect(chiSquareTest(draws, [1, 2, 3], [0.47, 0.33, 0.2]).rejected).toBe(true);
    const stray = chiSquareTest([...draws, 4], [1, 2, 3], [0.5, 0.3, 0.2]);
    expect(stray.strays).toBe(1);
    expect(stray.rejected).toBe(true);
  });

  it('chi-square critical value is the exact quantile: 13.82 for 2 degrees of freedom at α = 0.001', () => {
    expect(chiSquareTest([1, 2, 3], [1, 2, 3], [1 / 3, 1 / 3, 1 / 3]).critical).toBeCloseTo(13.8155, 4);
  });
});
