import { numberParameter, type FamilyDefinition } from './family.js';
import { shortNumber } from '../src/format.js';
import type { Distribution } from './types.js';

/**
 * A point mass at `value`: quantile(u) = value for every u, cdf a step at value.
 * Domain: value finite. A bare number in a scenario compiles to this.
 *
 * @example fixedDistribution({ value: 120 }).quantile(0.3) // => 120
 */
export function fixedDistribution({ value }: { readonly value: number }): Distribution {
  const spec = Object.freeze({ dist: 'fixed' as const, value });
  return Object.freeze({
    family: 'fixed' as const,
    spec,
    support: Object.freeze([value, value] as const),
    quantile: (_u: number): number => value,
    cdf: (x: number): number => (x >= value ? 1 : 0),
    describe: (write = shortNumber): string => `fixed ${write(value)}`,
  });
}

export const fixedFamily: FamilyDefinition = {
  doc: {
    family: 'fixed',
    summary: 'A known value (no uncertainty). A bare number means the same.',
    parameters: { value: { domain: 'real', description: 'the value' } },
    sets: [
      {
        required: ['value'],
        optional: [],
        description: 'the value',
        constraints: [],
        build: (parameters) => fixedDistribution({ value: numberParameter(parameters, 'value') }),
      },
    ],
    example: { dist: 'fixed', value: 120 },
  },
};
