import erfc from '@stdlib/math-base-special-erfc';
import { invalid, numberParameter, requireOrdered, type FamilyDefinition } from './family.js';
import { shortNumber } from './format.js';
import { standardNormalQuantile } from './normal-quantile.js';
import type { Distribution } from './types.js';

export { standardNormalQuantile };

/** The standard normal CDF Φ(z) = erfc(−z/√2)/2, accurate relative to Φ in the lower tail. */
export function standardNormalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

export interface NormalParameters {
  /** Mean (any finite number). */
  readonly mean: number;
  /** Standard deviation, > 0. */
  readonly sd: number;
}

/**
 * The normal distribution N(mean, sd²): quantile(u) = mean + sd · Φ⁻¹(u), support (−∞, ∞).
 * Domain: mean finite, sd > 0 and finite (validated by compileDistribution).
 *
 * @example normalDistribution({ mean: 0, sd: 1 }).quantile(0.975) // => 1.959963984540054
 */
export function normalDistribution({ mean, sd }: NormalParameters): Distribution {
  const cdfScale = Math.SQRT2 * sd;
  const spec = Object.freeze({ dist: 'normal' as const, mean, sd });
  return Object.freeze({
    family: 'normal' as const,
    spec,
    support: Object.freeze([-Infinity, Infinity] as const),
    quantile: (u: number): number => mean + sd * standardNormalQuantile(u),
    cdf: (x: number): number => 0.5 * erfc((mean - x) / cdfScale),
    describe: (): string =>
      `normal, mean ${shortNumber(mean)}, sd ${shortNumber(sd)} ` +
      `(90% in [${shortNumber(mean - Z95 * sd)}, ${shortNumber(mean + Z95 * sd)}])`,
  });
}

/** Φ⁻¹(0.95): a 90% central interval is mean ± Z95 · sd. */
const Z95 = standardNormalQuantile(0.95);

/**
 * The mean and sd of the normal whose quantiles at 1 − pHigh and pHigh are low and high:
 * mean = (low + high)/2, sd = (high − low) / (2 Φ⁻¹(pHigh)).
 */
export function normalFromQuantiles(low: number, high: number, pHigh: number): NormalParameters {
  return { mean: low / 2 + high / 2, sd: (high - low) / (2 * standardNormalQuantile(pHigh)) };
}

/** Parameter names of symmetric quantile pairs and the upper probability each stands for. */
export const QUANTILE_PAIRS: readonly (readonly [low: string, high: string, pHigh: number])[] = [
  ['p5', 'p95', 0.95],
  ['p10', 'p90', 0.9],
];

/**
 * The upper probability of a central interval holding `level` of the mass: (1 + level)/2.
 * Exact for 0.9 and 0.8, so `{low, high}` is `{p5, p95}` and `{low, high, level: 0.8}` is `{p10, p90}`.
 */
export function upperOfLevel(level: number): number {
  return (1 + level) / 2;
}

export const normalFamily: FamilyDefinition = {
  doc: {
    family: 'normal',
    summary: 'Normal (Gaussian) distribution; unbounded, symmetric.',
    parameters: {
      mean: { domain: 'real', description: 'mean (= median)' },
      sd: { domain: 'positive', description: 'standard deviation' },
      p5: { domain: 'real', description: '5th percentile' },
      p95: { domain: 'real', description: '95th percentile' },
      p10: { domain: 'real', description: '10th percentile' },
      p90: { domain: 'real', description: '90th percentile' },
      low: { domain: 'real', description: 'lower end of the central interval holding `level` of the mass' },
      high: { domain: 'real', description: 'upper end of the central interval holding `level` of the mass' },
      level: {
        domain: 'open-unit',
        description: 'probability of [low, high], e.g. 0.8 for an 80% interval',
        default: 0.9,
        hint: 'write the interval as a fraction: 0.8 for an 80% interval',
      },
    },
    sets: [
      { required: ['mean', 'sd'], optional: [], description: 'mean and standard deviation', constraints: [] },
      { required: ['p5', 'p95'], optional: [], description: '5th and 95th percentiles', constraints: ['p5 < p95'] },
      { required: ['p10', 'p90'], optional: [], description: '10th and 90th percentiles', constraints: ['p10 < p90'] },
      {
        required: ['low', 'high'],
        optional: ['level'],
        description: 'central interval [low, high] holding `level` of the mass',
        constraints: ['low < high'],
      },
    ],
    example: { dist: 'normal', p5: 0.3, p95: 0.5 },
  },
  build(parameters, set) {
    if (set === 0) {
      return normalDistribution({ mean: numberParameter(parameters, 'mean'), sd: numberParameter(parameters, 'sd') });
    }
    const [lowName, highName, pHigh] =
      set === 3 ? (['low', 'high', upperOfLevel(numberParameter(parameters, 'level'))] as const) : QUANTILE_PAIRS[set - 1]!;
    const low = numberParameter(parameters, lowName);
    const high = numberParameter(parameters, highName);
    requireOrdered(low, high, lowName, highName);
    const { mean, sd } = normalFromQuantiles(low, high, pHigh);
    if (!(sd > 0) || !Number.isFinite(sd)) {
      throw invalid(highName, `${lowName} and ${highName} are too close or too far apart`, 'a representable sd', high);
    }
    return normalDistribution({ mean, sd });
  },
};
