import erfc from '@stdlib/math-base-special-erfc';
import { invalid, numberParameter, requireOrdered, type FamilyDefinition } from './family.js';
import { shortNumber } from './format.js';
import { QUANTILE_PAIRS, standardNormalQuantile, upperOfLevel } from './normal.js';
import type { Distribution } from './types.js';

export interface LognormalParameters {
  /** Mean of ln X (ln of the median). */
  readonly mu: number;
  /** Standard deviation of ln X, > 0. */
  readonly sigma: number;
}

/**
 * The lognormal distribution: ln X ~ N(mu, sigma²), so quantile(u) = exp(mu + sigma · Φ⁻¹(u)),
 * support [0, ∞). Domain: mu finite, sigma > 0 finite (validated by compileDistribution, which
 * also rejects parameters whose extreme quantiles overflow).
 *
 * @example lognormalDistribution({ mu: 0, sigma: 1 }).quantile(0.5) // => 1
 */
export function lognormalDistribution({ mu, sigma }: LognormalParameters): Distribution {
  const cdfScale = Math.SQRT2 * sigma;
  const median = Math.exp(mu);
  const spec = Object.freeze({ dist: 'lognormal' as const, mu, sigma });
  // median · exp(sigma z) keeps the relative error at a few ulps for any mu (exp(mu + sigma z) would
  // add the rounding of mu + sigma z, ~1e-16 · |mu|); when exp(mu) over- or underflows, fall back.
  const medianIsNormal = median > 1e-300 && median < 1e300;
  return Object.freeze({
    family: 'lognormal' as const,
    spec,
    support: Object.freeze([0, Infinity] as const),
    quantile: medianIsNormal
      ? (u: number): number => median * Math.exp(sigma * standardNormalQuantile(u))
      : (u: number): number => Math.exp(mu + sigma * standardNormalQuantile(u)),
    cdf: medianIsNormal
      ? (x: number): number => (x > 0 ? 0.5 * erfc(-Math.log(x / median) / cdfScale) : 0)
      : (x: number): number => (x > 0 ? 0.5 * erfc((mu - Math.log(x)) / cdfScale) : 0),
    describe: (): string =>
      `lognormal, 90% in [${shortNumber(Math.exp(mu - Z95 * sigma))}, ${shortNumber(Math.exp(mu + Z95 * sigma))}]`,
  });
}

const Z95 = standardNormalQuantile(0.95);

/**
 * The lognormal whose quantiles at 1 − pHigh and pHigh are low and high (0 < low < high):
 * mu = (ln low + ln high)/2, sigma = ln(high/low) / (2 Φ⁻¹(pHigh)). With pHigh = 0.95 this is
 * the `"low to high"` shorthand of Squiggle and Guesstimate (a 90% interval).
 */
export function lognormalFromQuantiles(low: number, high: number, pHigh: number): LognormalParameters {
  return {
    mu: (Math.log(low) + Math.log(high)) / 2,
    sigma: Math.log(high / low) / (2 * standardNormalQuantile(pHigh)),
  };
}

/**
 * The lognormal whose own mean and standard deviation (of X, not ln X) are `mean` and `sd`,
 * by moment matching: sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2 (from
 * E[X] = exp(mu + sigma²/2) and Var[X] = (exp(sigma²) − 1) · E[X]²).
 */
export function lognormalFromMoments(mean: number, sd: number): LognormalParameters {
  const ratio = sd / mean;
  const variance = Math.log1p(ratio * ratio);
  return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

const POSITIVE_HINT = 'a lognormal takes only positive values; for a quantity that can be ≤ 0 use normal';

export const lognormalFamily: FamilyDefinition = {
  doc: {
    family: 'lognormal',
    summary: 'Lognormal distribution: ln X is normal; positive, right-skewed. "a to b" is a lognormal with 90% in [a, b].',
    parameters: {
      mu: { domain: 'real', description: 'mean of ln X (ln of the median)' },
      sigma: { domain: 'positive', description: 'standard deviation of ln X' },
      p5: { domain: 'positive', description: '5th percentile', hint: POSITIVE_HINT },
      p95: { domain: 'positive', description: '95th percentile', hint: POSITIVE_HINT },
      p10: { domain: 'positive', description: '10th percentile', hint: POSITIVE_HINT },
      p90: { domain: 'positive', description: '90th percentile', hint: POSITIVE_HINT },
      low: { domain: 'positive', description: 'lower end of the central interval holding `level` of the mass', hint: POSITIVE_HINT },
      high: { domain: 'positive', description: 'upper end of the central interval holding `level` of the mass', hint: POSITIVE_HINT },
      level: {
        domain: 'open-unit',
        description: 'probability of [low, high], e.g. 0.8 for an 80% interval',
        default: 0.9,
        hint: 'write the interval as a fraction: 0.8 for an 80% interval',
      },
      mean: { domain: 'positive', description: 'mean of X itself', hint: POSITIVE_HINT },
      sd: { domain: 'positive', description: 'standard deviation of X itself' },
    },
    sets: [
      { required: ['mu', 'sigma'], optional: [], description: 'mean and sd of ln X', constraints: [] },
      { required: ['p5', 'p95'], optional: [], description: '5th and 95th percentiles', constraints: ['0 < p5 < p95'] },
      { required: ['p10', 'p90'], optional: [], description: '10th and 90th percentiles', constraints: ['0 < p10 < p90'] },
      {
        required: ['low', 'high'],
        optional: ['level'],
        description: 'central interval [low, high] holding `level` of the mass',
        constraints: ['0 < low < high'],
      },
      { required: ['mean', 'sd'], optional: [], description: 'mean and sd of X itself', constraints: [] },
    ],
    example: { dist: 'lognormal', p5: 10e9, p95: 30e9 },
  },
  build(parameters, set) {
    let derived: LognormalParameters;
    let blame: string;
    if (set === 0) {
      derived = { mu: numberParameter(parameters, 'mu'), sigma: numberParameter(parameters, 'sigma') };
      blame = 'sigma';
    } else if (set === 4) {
      derived = lognormalFromMoments(numberParameter(parameters, 'mean'), numberParameter(parameters, 'sd'));
      blame = 'sd';
    } else {
      const [lowName, highName, pHigh] =
        set === 3 ? (['low', 'high', upperOfLevel(numberParameter(parameters, 'level'))] as const) : QUANTILE_PAIRS[set - 1]!;
      const low = numberParameter(parameters, lowName);
      const high = numberParameter(parameters, highName);
      requireOrdered(low, high, lowName, highName);
      derived = lognormalFromQuantiles(low, high, pHigh);
      blame = highName;
    }
    if (!(derived.sigma > 0) || !Number.isFinite(derived.sigma) || !Number.isFinite(derived.mu)) {
      throw invalid(blame, 'these parameters give no usable lognormal', 'a spread ln X can represent', parameters[blame]);
    }
    return lognormalDistribution(derived);
  },
};
