import erfc from '@stdlib/math-base-special-erfc';
import { centralIntervalParameters, centralIntervalSets } from './central-interval.js';
import { invalid, numberParameter, type FamilyDefinition } from './family.js';
import { shortNumber } from '../src/format.js';
import { standardNormalQuantile } from './normal-quantile.js';
import type { Distribution } from './types.js';

/** Φ⁻¹, Wichura's AS 241: its one home is normal-quantile.ts. */
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
    describe: (write = shortNumber): string =>
      `normal, mean ${write(mean)}, sd ${write(sd)} ` +
      `(90% in [${write(mean - Z95 * sd)}, ${write(mean + Z95 * sd)}])`,
    kernel: { family: 'normal' as const, parameters: [mean, sd] },
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

export const normalFamily: FamilyDefinition = {
  doc: {
    family: 'normal',
    summary: 'Normal (Gaussian) distribution; unbounded, symmetric.',
    parameters: {
      mean: { domain: 'real', description: 'mean (= median)' },
      sd: { domain: 'positive', description: 'standard deviation' },
      ...centralIntervalParameters('real'),
    },
    sets: [
      {
        required: ['mean', 'sd'],
        optional: [],
        description: 'mean and standard deviation',
        constraints: [],
        build: (parameters) => normalDistribution({ mean: numberParameter(parameters, 'mean'), sd: numberParameter(parameters, 'sd') }),
      },
      ...centralIntervalSets('', (low, high, pHigh, names) => {
        const { mean, sd } = normalFromQuantiles(low, high, pHigh);
        if (!(sd > 0) || !Number.isFinite(sd)) {
          throw invalid(names.high, `${names.low} and ${names.high} are too close or too far apart`, 'a representable sd', high);
        }
        return normalDistribution({ mean, sd });
      }),
    ],
    example: { dist: 'normal', p5: 0.3, p95: 0.5 },
  },
};
