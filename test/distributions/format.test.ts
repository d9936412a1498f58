import { describe, expect, it } from 'vitest';
import { shortNumber, shortPercent, shortRange } from '../../src/format.js';

describe('shortNumber', () => {
  it.each([
    [0, '0'],
    [5, '5'],
    [0.5, '0.5'],
    [123.456, '123'],
    [0.00123456, '0.00123'],
    [999.4, '999'],
    [999.95, '1k'],
    [4200, '4.2k'],
    [-4200, '-4.2k'],
    [1.2345e10, '12.3B'],
    [1e10, '10B'],
    [999_999, '1M'],
    [1.5e12, '1.5T'],
    [9.99e14, '999T'],
    [1.2e18, '1.2e18'],
    [0.000025, '2.5e-5'],
    [Infinity, '∞'],
    [-Infinity, '-∞'],
    [Number.NaN, 'NaN'],
  ] as const)('%s → %s', (x, text) => {
    expect(shortNumber(x)).toBe(text);
  });
});

describe('shortPercent and shortRange', () => {
  it('formats probabilities and ranges', () => {
    expect(shortPercent(0.125)).toBe('12.5%');
    expect(shortPercent(1 / 3)).toBe('33.3%');
    expect(shortRange(4, 10)).toBe('4–10');
    expect(shortRange(-5, 10)).toBe('-5 to 10');
    expect(shortRange(1e3, 1e6)).toBe('1k–1M');
  });
});
