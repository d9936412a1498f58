import { describe, expect, it } from 'vitest';
import { FAMILY_DEFINITIONS } from '../../distributions/families.js';
import { invalid, invalidRendered, requireFiniteWidth, requireOrdered, showSet, showSets } from '../../distributions/family.js';
import { SoraError } from '../../src/errors.js';

describe('family helpers', () => {
  it('showSet writes a parameter set as people read it', () => {
    expect(showSet({ required: ['mean', 'sd'], optional: [] })).toBe('{mean, sd}');
    expect(showSet({ required: ['values'], optional: ['weights'] })).toBe('{values, weights?}');
    expect(showSets(FAMILY_DEFINITIONS.normal.doc)).toBe('{mean, sd} | {p5, p95} | {p10, p90} | {low, high, level?}');
  });

  it('invalid builds a SoraError with path, expected, rendered found and optional hint', () => {
    const error = invalid('p95', 'p95 must be greater than p5', 'a number > 3', 'x', 'swap them?');
    expect(error).toBeInstanceOf(SoraError);
    expect(error.details).toEqual({ path: 'p95', expected: 'a number > 3', found: '"x"', hint: 'swap them?' });
    expect(invalidRendered('', 'm', 'e', '{mean}').details).toEqual({ path: '', expected: 'e', found: '{mean}' });
  });

  it('requireOrdered blames the upper parameter; requireFiniteWidth rejects an overflowing width', () => {
    expect(() => requireOrdered(1, 2, 'min', 'max')).not.toThrow();
    expect(() => requireOrdered(2, 2, 'min', 'max')).toThrow(SoraError);
    try {
      requireOrdered(3, 2, 'p5', 'p95');
    } catch (error) {
      expect((error as SoraError).details.path).toBe('p95');
    }
    expect(() => requireFiniteWidth(-1e308, 1e308, 'max')).toThrow(SoraError);
    expect(() => requireFiniteWidth(-1e307, 1e307, 'max')).not.toThrow();
  });
});
