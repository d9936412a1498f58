import { describe, expect, it } from 'vitest';
import { agree, compareExactly, exactTolerance } from '../../src/regress/exact.js';

describe('agree (the exact tier: 1e-12 relative)', () => {
  it('forgives rounding, not changes', () => {
    expect(agree(1.08e25, 1.08e25)).toBe(true);
    expect(agree(1.08e25, 1.08e25 * (1 + 5e-13))).toBe(true);
    expect(agree(1.08e25, 1.08e25 * (1 + 2e-12))).toBe(false);
    expect(agree(-3, -3 * (1 + 2e-12))).toBe(false);
  });

  it('0 agrees only with 0 (the scale has a tiny floor)', () => {
    expect(agree(0, 0)).toBe(true);
    expect(agree(0, 1e-200)).toBe(false);
    expect(exactTolerance(0)).toBeGreaterThan(0);
  });
});

describe('compareExactly', () => {
  it('names which of the estimate and its bounds differ', () => {
    const base = { p: 0.5, value: 10, lower: 9, upper: 11 };
    expect(compareExactly(base, { ...base })).toMatchObject({ verdict: 'holds', differs: [] });
    expect(compareExactly(base, { ...base, upper: 11.000001 })).toMatchObject({ verdict: 'moved', differs: ['upper'] });
    expect(compareExactly(base, { ...base, value: 10.1, lower: 9.1 })).toMatchObject({ verdict: 'moved', differs: ['value', 'lower'] });
  });
});
