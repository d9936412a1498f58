import { numberParameter, requireFiniteWidth, requireOrdered, type CheckedParameters, type FamilyDefinition } from './family.js';
import { shortRange } from '../src/format.js';
import type { Distribution } from './types.js';

export interface RangeParameters {
  readonly min: number;
  readonly max: number;
}

/**
 * The continuous uniform distribution on [min, max]: quantile(u) = min + u · (max − min),
 * cdf(x) = (x − min)/(max − min). Domain: min < max, both finite, max − min finite.
 *
 * @example uniformDistribution({ min: 4, max: 10 }).quantile(0.5) // => 7
 */
export function uniformDistribution({ min, max }: RangeParameters): Distribution {
  const width = max - min;
  const spec = Object.freeze({ dist: 'uniform' as const, min, max });
  return Object.freeze({
    family: 'uniform' as const,
    spec,
    support: Object.freeze([min, max] as const),
    // min(…) guards the one rounding that could step past max when u is within an ulp of 1.
    quantile: (u: number): number => Math.min(max, min + u * width),
    cdf: (x: number): number => (x <= min ? 0 : x >= max ? 1 : (x - min) / width),
    describe: (write?: (x: number) => string): string => `uniform ${shortRange(min, max, write)}`,
    kernel: { family: 'uniform' as const, parameters: [min, width, max] },
  });
}

export const uniformFamily: FamilyDefinition = {
  doc: {
    family: 'uniform',
    summary: 'Every value in [min, max] equally likely.',
    parameters: {
      min: { domain: 'real', description: 'lower bound' },
      max: { domain: 'real', description: 'upper bound' },
    },
    sets: [
      {
        required: ['min', 'max'],
        optional: [],
        description: 'bounds',
        constraints: ['min < max'],
        build: (parameters) => uniformDistribution(checkRange(parameters)),
      },
    ],
    example: { dist: 'uniform', min: 4, max: 10 },
  },
};

/** min < max and a finite width (uniform and loguniform). */
export function checkRange(parameters: CheckedParameters): RangeParameters {
  const min = numberParameter(parameters, 'min');
  const max = numberParameter(parameters, 'max');
  requireOrdered(min, max, 'min', 'max');
  requireFiniteWidth(min, max, 'max');
  return { min, max };
}
