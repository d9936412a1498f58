import { scaledBeta } from './beta.js';
import { numberParameter, type FamilyDefinition } from './family.js';
import { shortNumber, shortRange } from '../src/format.js';
import { checkModeRange, type ModeRangeParameters } from './triangular.js';
import type { Distribution } from './types.js';

export interface PertParameters extends ModeRangeParameters {
  /** Weight of the mode, > 0; 4 is the classic PERT. */
  readonly lambda: number;
}

/**
 * The shape parameters of a Beta-PERT: alpha = 1 + λ (mode − min)/(max − min),
 * beta = 1 + λ (max − mode)/(max − min), so that the mean is (min + λ · mode + max)/(λ + 2).
 * λ = 4 is the PERT of Malcolm, Roseboom, Clark and Fazar (1959), mean (min + 4 mode + max)/6;
 * other λ are the "modified PERT" of Vose, Risk Analysis (2008).
 */
export function pertShape({ min, mode, max, lambda }: PertParameters): { alpha: number; beta: number } {
  const width = max - min;
  return { alpha: 1 + (lambda * (mode - min)) / width, beta: 1 + (lambda * (max - mode)) / width };
}

/**
 * The Beta-PERT distribution on [min, max] with mode `mode`: a beta scaled to [min, max] with
 * the shapes of `pertShape`; smoother-tailed than the triangular with the same three points.
 * Domain: min < max, min ≤ mode ≤ max, lambda > 0, all finite.
 *
 * @example pertDistribution({ min: 0, mode: 0.5, max: 1, lambda: 4 }).quantile(0.5) // => 0.5
 */
export function pertDistribution(parameters: PertParameters): Distribution {
  const { min, mode, max, lambda } = parameters;
  const { quantile, cdf, kernel } = scaledBeta({ ...pertShape(parameters), min, max });
  const spec = Object.freeze({ dist: 'pert' as const, min, mode, max, lambda });
  return Object.freeze({
    family: 'pert' as const,
    spec,
    support: Object.freeze([min, max] as const),
    quantile,
    cdf,
    describe: (write = shortNumber): string =>
      `PERT ${shortRange(min, max, write)}, mode ${write(mode)}${lambda === 4 ? '' : `, λ ${shortNumber(lambda)}`}`,
    ...(kernel ? { kernel } : {}),
  });
}

export const pertFamily: FamilyDefinition = {
  doc: {
    family: 'pert',
    summary: 'Beta-PERT: a smooth three-point estimate (min, most likely, max); mean (min + λ·mode + max)/(λ + 2).',
    parameters: {
      min: { domain: 'real', description: 'lower bound' },
      mode: { domain: 'real', description: 'most likely value' },
      max: { domain: 'real', description: 'upper bound' },
      lambda: { domain: 'positive', description: 'weight of the mode (4: classic PERT)', default: 4 },
    },
    sets: [
      {
        required: ['min', 'mode', 'max'],
        optional: ['lambda'],
        description: 'bounds, mode and optional λ',
        constraints: ['min < max', 'min ≤ mode ≤ max'],
        build: (parameters) => pertDistribution({ ...checkModeRange(parameters), lambda: numberParameter(parameters, 'lambda') }),
      },
    ],
    example: { dist: 'pert', min: 1, mode: 3, max: 10 },
  },
};
