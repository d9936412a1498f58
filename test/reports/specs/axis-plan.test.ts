import { describe, expect, it } from 'vitest';
import { pixelOf, planAxis, valueAtPixel } from '../../../reports/specs/axis-plan.js';

describe('axis plans', () => {
  it('map values to pixels and back', () => {
    for (const plan of [planAxis([3, 3000], true, 600), planAxis([3, 3000], false, 600)]) {
      for (const x of [3, 47, 3000]) expect(valueAtPixel(plan, pixelOf(plan, x))).toBeCloseTo(x, 9);
      expect(pixelOf(plan, 3)).toBeGreaterThan(0);
      expect(pixelOf(plan, 3000)).toBeLessThan(600);
    }
  });

  it('start a linear axis at zero when asked and the values allow', () => {
    expect(planAxis([10, 20], false, 100, true).domain[0]).toBe(0);
    expect(planAxis([-10, 20], false, 100, true).domain[0]).toBeLessThan(-10);
  });

  it('give a single value some room', () => {
    const [lo, hi] = planAxis([5, 5], false, 100).domain;
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
  });
});
