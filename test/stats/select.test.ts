import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBins, makeBinning } from '../../src/stats/bins.js';
import { selectRanks, selectRanksBinned } from '../../src/stats/select.js';

describe('selectRanks', () => {
  it('finds the same order statistics as a full sort, for any array and ranks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (values, rawRanks) => {
          const ranks = rawRanks.map((r) => r % values.length);
          const sorted = Float64Array.from(values).sort();
          const found = selectRanks(Float64Array.from(values), ranks);
          for (const r of ranks) expect(Object.is(found.get(r), sorted[r]) || found.get(r) === sorted[r]).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20241125 }, // fixed: the same cases every run
    );
  });

  it('handles ranks at both ends and a one-element array', () => {
    expect(selectRanks(Float64Array.of(3, 1, 2), [0, 2]).get(2)).toBe(3);
    expect(selectRanks(Float64Array.of(7), [0]).get(0)).toBe(7);
  });

  it('rejects a rank outside the array', () => {
    expect(() => selectRanks(Float64Array.of(1, 2), [2])).toThrow(RangeError);
  });
});

describe('selectRanksBinned', () => {
  it('finds the same order statistics as a full sort, leaving the column untouched', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.constantFrom(1, 2, 2, 3)),
          { minLength: 2, maxLength: 3000 },
        ),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (values, rawRanks) => {
          const column = Float64Array.from(values);
          const before = column.slice();
          const sorted = column.slice().sort();
          const ranks = rawRanks.map((r) => r % values.length);
          const min = sorted[0]!;
          const max = sorted.at(-1)!;
          if (min === max) return;
          const binning = makeBinning(min, max);
          const found = selectRanksBinned(column, ranks, binning, countBins(column, binning));
          for (const r of ranks) expect(found.get(r) === sorted[r], `rank ${r}`).toBe(true); // -0 and 0 rank alike
          expect(column).toEqual(before);
        },
      ),
      { numRuns: 300, seed: 20241125 }, // fixed: the same cases every run
    );
  });

  it('skips NaN and infinities', () => {
    const column = Float64Array.of(5, NaN, 1, Infinity, 3, -Infinity);
    const binning = makeBinning(1, 5);
    const found = selectRanksBinned(column, [0, 1, 2], binning, countBins(column, binning));
    expect([found.get(0), found.get(1), found.get(2)]).toEqual([1, 3, 5]);
  });
});
