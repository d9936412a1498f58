import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedDistribution } from '../../distributions/fixed.js';
import { checkEdges, checkQuantileProperties } from './quantile-properties.js';

describe('fixedDistribution', () => {
  it('returns its value for every u', () => {
    const fixed = fixedDistribution({ value: 120 });
    for (const u of [Number.MIN_VALUE, 1e-16, 0.5, 1 - 2 ** -53]) expect(fixed.quantile(u)).toBe(120);
  });

  it('has a step CDF, a one-point support, its spec and description', () => {
    const fixed = fixedDistribution({ value: 1.5e9 });
    expect(fixed.family).toBe('fixed');
    expect(fixed.spec).toEqual({ dist: 'fixed', value: 1.5e9 });
    expect(fixed.support).toEqual([1.5e9, 1.5e9]);
    expect(fixed.cdf(1.5e9 - 1)).toBe(0);
    expect(fixed.cdf(1.5e9)).toBe(1);
    expect(fixed.describe()).toBe('fixed 1.5B');
  });

  it('property: constant quantile within its support', () => {
    checkEdges(fixedDistribution({ value: -3 }));
    checkQuantileProperties(fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => fixedDistribution({ value })));
  });
});
