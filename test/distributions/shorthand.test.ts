import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, parseRange } from '../../distributions/shorthand.js';

describe('parseQuantity', () => {
  it.each([
    ['10', 10],
    ['1.5', 1.5],
    ['.25', 0.25],
    ['-3', -3],
    ['+7', 7],
    ['10e9', 1e10],
    ['1E-3', 0.001],
    ['2.5k', 2500],
    ['0.1M', 100000],
    ['10B', 1e10],
    ['1.5T', 1.5e12],
    ['1.5e3k', 1.5e6],
    ['0.3B', 3e8],
  ] as const)('%s → %s', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['', 'abc', '10 B', '10b', '1e', '1..2', '0x10', '10bn', 'NaN', 'Infinity'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('property: reads back any finite double written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseQuantity(String(x))).toBe(x === 0 ? 0 : x);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('parseRange', () => {
  it('reads "a to b"', () => {
    expect(parseRange('10B to 30B')).toEqual({ low: 1e10, high: 3e10 });
    expect(parseRange('10e9 to 30e9')).toEqual({ low: 1e10, high: 3e10 });
    expect(parseRange('  1  TO  2 ')).toEqual({ low: 1, high: 2 });
    expect(parseRange('-1 to 5')).toEqual({ low: -1, high: 5 });
  });

  it.each(['10 to', 'to 5', '10-30', '10 until 30', '10to30', '1 to 2 to 3'])('rejects %j', (text) => {
    expect(parseRange(text)).toBeUndefined();
  });
});
