import type { FamilyDefinition } from './family.js';
import { shortRange } from '../src/format.js';
import { checkRange, type RangeParameters } from './uniform.js';
import type { Distribution } from './types.js';

/**
 * The log-uniform (reciprocal) distribution on [min, max]: ln X is uniform on [ln min, ln max],
 * so quantile(u) = min · exp(u · ln(max/min)) and cdf(x) = ln(x/min) / ln(max/min).
 * Domain: 0 < min < max, both finite.
 *
 * @example loguniformDistribution({ min: 1, max: 100 }).quantile(0.5) // => 10
 */
export function loguniformDistribution({ min, max }: RangeParameters): Distribution {
  const logRatio = logOfRatio(max, min);
  const spec = Object.freeze({ dist: 'loguniform' as const, min, max });
  return Object.freeze({
    family: 'loguniform' as const,
    spec,
    support: Object.freeze([min, max] as const),
    quantile: (u: number): number => Math.min(max, Math.max(min, min * Math.exp(u * logRatio))),
    cdf: (x: number): number => (x <= min ? 0 : x >= max ? 1 : logOfRatio(x, min) / logRatio),
    describe: (write?: (x: number) => string): string => `loguniform ${shortRange(min, max, write)}`,
    kernel: { family: 'loguniform' as const, parameters: [min, logRatio, max] },
  });
}

/** ln(a/b) for a, b > 0, without overflow when a/b is beyond the double range. */
function logOfRatio(a: number, b: number): number {
  const ratio = a / b;
  return ratio > 0 && ratio < Infinity ? Math.log(ratio) : Math.log(a) - Math.log(b);
}

const POSITIVE_HINT = 'a loguniform takes only positive values; for a range that includes 0 use uniform';

export const loguniformFamily: FamilyDefinition = {
  doc: {
    family: 'loguniform',
    summary: 'ln X uniform: every order of magnitude in [min, max] equally likely.',
    parameters: {
      min: { domain: 'positive', description: 'lower bound', hint: POSITIVE_HINT },
      max: { domain: 'positive', description: 'upper bound', hint: POSITIVE_HINT },
    },
    sets: [
      {
        required: ['min', 'max'],
        optional: [],
        description: 'bounds',
        constraints: ['0 < min < max'],
        // Both bounds are positive, so the width is always finite.
        build: (parameters) => loguniformDistribution(checkRange(parameters)),
      },
    ],
    example: { dist: 'loguniform', min: 1e3, max: 1e6 },
  },
};
