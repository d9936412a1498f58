import { describe, expect, it } from 'vitest';
import { agreement, lastDigitUnit, roundTo } from '../../src/article/precision.js';

describe('roundTo', () => {
  it('rounds to significant digits and decimals', () => {
    expect(roundTo(1.08e25, { significant: 2 })).toBeCloseTo(1.1e25, -10);
    expect(roundTo(4211.3, { decimals: 0 })).toBe(4211);
    expect(roundTo(0.38994, { decimals: 1 })).toBe(0.4);
    expect(roundTo(38.168e6, { significant: 3 })).toBe(38.2e6);
  });
});

describe('agreement', () => {
  it('matches when the rounded value is the printed one', () => {
    expect(agreement(15.267e6, 15.3e6, { significant: 3 })).toBe('match');
  });
  it('allows one unit in the last printed digit, and says so', () => {
    expect(lastDigitUnit(38.1e6, { significant: 3 })).toBeCloseTo(0.1e6, 3);
    expect(agreement(38.168e6, 38.1e6, { significant: 3 })).toBe('last-digit');
  });
  it('differs beyond that', () => {
    expect(agreement(123.7e3, 89e3, { significant: 2 })).toBe('differs');
    expect(agreement(38.25e6, 38.1e6, { significant: 3 })).toBe('differs');
  });
});
