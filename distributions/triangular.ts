import { invalid, numberParameter, type CheckedParameters, type FamilyDefinition } from './family.js';
import { shortNumber, shortRange } from '../src/format.js';
import type { Distribution } from './types.js';
import { checkRange } from './uniform.js';

export interface ModeRangeParameters {
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

/**
 * The triangular distribution on [min, max] with its peak at mode. With F_c = (mode − min)/(max − min):
 * quantile(u) = min + √(u (max − min)(mode − min)) for u < F_c, else max − √((1 − u)(max − min)(max − mode)).
 * Domain: min < max, min ≤ mode ≤ max, all finite.
 *
 * @example triangularDistribution({ min: 0, mode: 0, max: 1 }).quantile(0.75) // => 0.5
 */
export function triangularDistribution({ min, mode, max }: ModeRangeParameters): Distribution {
  const width = max - min;
  const modeFraction = (mode - min) / width;
  const lowerArea = width * (mode - min);
  const upperArea = width * (max - mode);
  const spec = Object.freeze({ dist: 'triangular' as const, min, mode, max });
  return Object.freeze({
    family: 'triangular' as const,
    spec,
    support: Object.freeze([min, max] as const),
    // Each branch is clamped to its side of the mode, so rounding cannot break monotonicity at F_c.
    quantile: (u: number): number =>
      u < modeFraction
        ? Math.min(mode, min + Math.sqrt(u * lowerArea))
        : Math.max(mode, Math.min(max, max - Math.sqrt((1 - u) * upperArea))),
    cdf: (x: number): number => {
      if (x <= min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return ((x - min) * (x - min)) / lowerArea;
      return 1 - ((max - x) * (max - x)) / upperArea;
    },
    describe: (write = shortNumber): string => `triangular ${shortRange(min, max, write)}, mode ${write(mode)}`,
    kernel: { family: 'triangular' as const, parameters: [min, mode, max, modeFraction, lowerArea, upperArea] },
  });
}

/** Checks min < max, a finite width and min ≤ mode ≤ max (triangular and PERT). */
export function checkModeRange(parameters: CheckedParameters): ModeRangeParameters {
  const { min, max } = checkRange(parameters);
  const mode = numberParameter(parameters, 'mode');
  if (mode < min || mode > max) {
    throw invalid('mode', 'mode must lie within [min, max]', `a number in [${min}, ${max}]`, mode);
  }
  return { min, mode, max };
}

export const triangularFamily: FamilyDefinition = {
  doc: {
    family: 'triangular',
    summary: 'Triangular distribution: density rises linearly from min to mode and falls to max.',
    parameters: {
      min: { domain: 'real', description: 'lower bound' },
      mode: { domain: 'real', description: 'most likely value' },
      max: { domain: 'real', description: 'upper bound' },
    },
    sets: [
      {
        required: ['min', 'mode', 'max'],
        optional: [],
        description: 'bounds and mode',
        constraints: ['min < max', 'min ≤ mode ≤ max'],
        build: (parameters) => triangularDistribution(checkModeRange(parameters)),
      },
    ],
    example: { dist: 'triangular', min: 1, mode: 3, max: 10 },
  },
};
