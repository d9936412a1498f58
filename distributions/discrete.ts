import { invalid, invalidRendered, listParameter, type CheckedParameters, type FamilyDefinition } from './family.js';
import { shortNumber, shortPercent } from '../src/format.js';
import type { Distribution } from './types.js';

export interface DiscreteParameters {
  /** The possible values, strictly increasing. */
  readonly values: readonly number[];
  /** Their probabilities, each > 0, summing to 1 (up to rounding). */
  readonly weights: readonly number[];
}

/**
 * A distribution on finitely many values: P(X = values[i]) = weights[i].
 * quantile(u) is the smallest value whose cumulative probability reaches u (binary search over a
 * precomputed cumulative table, the last entry set to exactly 1). Domain: values finite and
 * strictly increasing, weights > 0 summing to 1 (compileDistribution sorts, merges repeated
 * values, drops zero weights and normalises).
 *
 * @example discreteDistribution({ values: [1, 2], weights: [0.25, 0.75] }).quantile(0.3) // => 2
 */
export function discreteDistribution({ values, weights }: DiscreteParameters): Distribution {
  const count = values.length;
  const atoms = Float64Array.from(values);
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i += 1) {
    sum += weights[i]!;
    cumulative[i] = sum;
  }
  cumulative[count - 1] = 1;
  const last = count - 1;
  const spec = Object.freeze({ dist: 'discrete' as const, values: Object.freeze([...values]), weights: Object.freeze([...weights]) });
  return Object.freeze({
    family: 'discrete' as const,
    spec,
    support: Object.freeze([atoms[0]!, atoms[last]!] as const),
    quantile: (u: number): number => {
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! >= u) high = middle;
        else low = middle + 1;
      }
      return atoms[low]!;
    },
    cdf: (x: number): number => {
      // The number of atoms ≤ x, by binary search.
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (atoms[middle]! <= x) low = middle + 1;
        else high = middle;
      }
      return low === 0 ? 0 : cumulative[low - 1]!;
    },
    describe: (write = shortNumber): string =>
      count <= 6
        ? `discrete: ${values.map((value, i) => `${write(value)} (${shortPercent(weights[i]!)})`).join(', ')}`
        : `discrete, ${count} values in [${write(atoms[0]!)}, ${write(atoms[last]!)}]`,
    kernel: { family: 'discrete' as const, parameters: [count], atoms, cumulative },
  });
}

/**
 * The canonical form of values with weights: sorted by value, repeated values merged (weights
 * added), zero weights dropped, weights divided by their sum unless they already sum to 1
 * within 1e-12 (which makes the canonical form a fixed point: canonicalising it again changes nothing).
 */
export function canonicalDiscrete(values: readonly number[], weights: readonly number[]): DiscreteParameters {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const merged: { value: number; weight: number }[] = [];
  for (const i of order) {
    const value = values[i]!;
    const weight = weights[i]!;
    if (weight === 0) continue;
    const previous = merged[merged.length - 1];
    if (previous !== undefined && previous.value === value) previous.weight += weight;
    else merged.push({ value, weight });
  }
  const total = merged.reduce((sum, atom) => sum + atom.weight, 0);
  const divisor = Math.abs(total - 1) <= 1e-12 ? 1 : total;
  // A weight can underflow to 0 when divided; such values are dropped like zero weights.
  const kept = merged.map((atom) => ({ value: atom.value, weight: atom.weight / divisor })).filter((atom) => atom.weight > 0);
  return { values: kept.map((atom) => atom.value), weights: kept.map((atom) => atom.weight) };
}

/** Values with optional weights (equal when left out) → the canonical discrete distribution. */
function buildDiscrete(parameters: CheckedParameters): Distribution {
  const values = listParameter(parameters, 'values')!;
  const weights = listParameter(parameters, 'weights') ?? values.map(() => 1);
  if (weights.length !== values.length) {
    throw invalidRendered(
      'weights',
      'weights must have one entry per value',
      `${values.length} weights (one per value)`,
      `${weights.length} weights`,
    );
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) {
    throw invalid('weights', 'weights must not all be 0', 'at least one weight > 0', weights);
  }
  if (!Number.isFinite(total)) {
    throw invalid('weights', 'weights are too large to add up', 'weights whose sum is finite', weights);
  }
  return discreteDistribution(canonicalDiscrete(values, weights));
}

export const discreteFamily: FamilyDefinition = {
  doc: {
    family: 'discrete',
    summary: 'Finitely many values with given weights (equal weights when omitted); weights are normalised.',
    parameters: {
      values: { domain: 'real-list', description: 'the possible values, in any order' },
      weights: { domain: 'weight-list', description: 'relative weight of each value (same length as values)' },
    },
    sets: [
      {
        required: ['values'],
        optional: ['weights'],
        description: 'values and optional weights',
        constraints: ['weights has one entry per value', 'weights not all 0'],
        build: buildDiscrete,
      },
    ],
    example: { dist: 'discrete', values: [20, 30, 50], weights: [0.5, 0.3, 0.2] },
  },
};
