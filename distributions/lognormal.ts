import erfc from '@stdlib/math-base-special-erfc';
import { centralIntervalParameters, centralIntervalSets } from './central-interval.js';
import { invalid, numberParameter, type FamilyDefinition } from './family.js';
import { shortNumber } from '../src/format.js';
import { standardNormalQuantile } from './normal.js';
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
    describe: (write = shortNumber): string =>
      `lognormal, 90% in [${write(Math.exp(mu - Z95 * sigma))}, ${write(Math.exp(mu + Z95 * sigma))}]`,
    kernel: { family: 'lognormal' as const, parameters: [median, sigma, mu, medianIsNormal ? 1 : 0] },
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
      ...centralIntervalParameters('positive', POSITIVE_HINT),
      mean: { domain: 'positive', description: 'mean of X itself', hint: POSITIVE_HINT },
      sd: { domain: 'positive', description: 'standard deviation of X itself' },
    },
    sets: [
      {
        required: ['mu', 'sigma'],
        optional: [],
        description: 'mean and sd of ln X',
        constraints: [],
        build: (parameters) => usable({ mu: numberParameter(parameters, 'mu'), sigma: numberParameter(parameters, 'sigma') }, 'sigma', parameters.sigma),
      },
      ...centralIntervalSets('0 < ', (low, high, pHigh, names) => usable(lognormalFromQuantiles(low, high, pHigh), names.high, high)),
      {
        required: ['mean', 'sd'],
        optional: [],
        description: 'mean and sd of X itself',
        constraints: [],
        build: (parameters) => usable(lognormalFromMoments(numberParameter(parameters, 'mean'), numberParameter(parameters, 'sd')), 'sd', parameters.sd),
      },
    ],
    example: { dist: 'lognormal', p5: 10e9, p95: 30e9 },
  },
};

/** The lognormal of `derived`, unless its parameters are unusable (then `blame` is the parameter named). */
function usable(derived: LognormalParameters, blame: string, value: unknown): Distribution {
  if (!(derived.sigma > 0) || !Number.isFinite(derived.sigma) || !Number.isFinite(derived.mu)) {
    throw invalid(blame, 'these parameters give no usable lognormal', 'a spread ln X can represent', value);
  }
  return lognormalDistribution(derived);
}
