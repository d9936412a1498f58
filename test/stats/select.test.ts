import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRanks } from '../../src/stats/select.js';

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
      { numRuns: 300 },
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
