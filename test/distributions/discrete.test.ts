import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDiscrete, discreteDistribution, discreteFamily } from '../../distributions/discrete.js';
import { ALPHA, chiSquareTest, drawByQuantile, SAMPLE_SIZE } from '../helpers/ks.js';
import { buildFamily } from './build.js';
import { checkEdges, checkQuantileProperties, unitInterval } from './quantile-properties.js';

const CHI_SQUARE_NOTE = `chi-square at α = ${ALPHA}: fails by chance with probability 0.1% for a correct sampler; fixed seed, so deterministic`;

describe('discreteDistribution', () => {
  it(`draws each value with its weight, n = 20,000 (${CHI_SQUARE_NOTE})`, () => {
    const discrete = discreteDistribution({ values: [20, 30, 50, 80], weights: [0.5, 0.3, 0.15, 0.05] });
    const result = chiSquareTest(drawByQuantile(discrete.quantile, SAMPLE_SIZE, 'discrete-chi2'), [20, 30, 50, 80], [0.5, 0.3, 0.15, 0.05]);
    expect(result.rejected, `X² = ${result.statistic} > ${result.critical}, strays ${result.strays}`).toBe(false);
  });

  it(`compiled from unsorted values with repeats and unnormalised weights, draws the merged weights (${CHI_SQUARE_NOTE})`, () => {
    const discrete = buildFamily(discreteFamily, { values: [3, 1, 2, 1, 7], weights: [2, 1, 4, 1, 0] });
    expect(discrete.spec).toEqual({ dist: 'discrete', values: [1, 2, 3], weights: [0.25, 0.5, 0.25] });
    const result = chiSquareTest(drawByQuantile(discrete.quantile, SAMPLE_SIZE, 'discrete-chi2-merged'), [1, 2, 3], [0.25, 0.5, 0.25]);
    expect(result.rejected, `X² = ${result.statistic} > ${result.critical}, strays ${result.strays}`).toBe(false);
  });

  it('quantile(u) is the smallest value whose cumulative probability reaches u', () => {
    const discrete = discreteDistribution({ values: [1, 2, 4], weights: [0.25, 0.5, 0.25] });
    expect(discrete.quantile(1e-16)).toBe(1);
    expect(discrete.quantile(0.25)).toBe(1);
    expect(discrete.quantile(0.25 + 2 ** -54)).toBe(2);
    expect(discrete.quantile(0.75)).toBe(2);
    expect(discrete.quantile(0.76)).toBe(4);
    expect(discrete.quantile(1 - 2 ** -53)).toBe(4);
    expect([0.5, 1, 1.5, 2, 3.9, 4, 9].map(discrete.cdf)).toEqual([0, 0.25, 0.25, 0.75, 0.75, 1, 1]);
  });

  it('has the right spec, support and description', () => {
    const discrete = discreteDistribution({ values: [1, 2, 4], weights: [0.5, 0.3, 0.2] });
    expect(discrete.family).toBe('discrete');
    expect(discrete.support).toEqual([1, 4]);
    expect(discrete.describe()).toBe('discrete: 1 (50%), 2 (30%), 4 (20%)');
    const many = buildFamily(discreteFamily, { values: [1, 2, 3, 4, 5, 6, 7, 1e6] });
    expect(many.describe()).toBe('discrete, 8 values in [1, 1M]');
    expect(many.spec.weights).toEqual(new Array(8).fill(0.125));
  });

  it('a single value behaves as fixed', () => {
    const single = buildFamily(discreteFamily, { values: [5] });
    checkEdges(single);
    expect(single.quantile(0.3)).toBe(5);
    expect(single.support).toEqual([5, 5]);
  });

  it('property: canonicalDiscrete is a fixed point (compiling a spec again changes nothing)', () => {
    const atoms = fc.array(
      fc.tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(atoms, (pairs) => {
        fc.pre(pairs.some(([, weight]) => weight > 0));
        const once = canonicalDiscrete(pairs.map(([value]) => value), pairs.map(([, weight]) => weight));
        expect(canonicalDiscrete(once.values, once.weights)).toEqual(once);
        const spec = buildFamily(discreteFamily, { ...once }).spec as unknown as { values: number[]; weights: number[] };
        expect(buildFamily(discreteFamily, { values: spec.values, weights: spec.weights }).spec).toEqual({ dist: 'discrete', ...once });
        expect(once.values).toEqual([...new Set(once.values)].sort((a, b) => a - b));
        expect(Math.abs(once.weights.reduce((sum, w) => sum + w, 0) - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('property: quantile non-decreasing, one of the values with positive weight, F(Q(u)) ≥ u > F(previous value)', () => {
    const distributions = fc
      .array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })), {
        minLength: 1,
        maxLength: 20,
      })
      .filter((pairs) => pairs.some(([, weight]) => weight > 0))
      .map((pairs) => buildFamily(discreteFamily, { values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) }));
    checkQuantileProperties(distributions);
    fc.assert(
      fc.property(distributions, unitInterval, (discrete, u) => {
        const values = discrete.spec.values as number[];
        const x = discrete.quantile(u);
        const index = values.indexOf(x);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(discrete.cdf(x)).toBeGreaterThanOrEqual(u - 1e-15);
        if (index > 0) expect(discrete.cdf(values[index - 1]!)).toBeLessThan(u + 1e-15);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});
