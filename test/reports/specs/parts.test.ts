import { describe, expect, it } from 'vitest';
import { pixelOf, planAxis, rangeLine, span, spreadLabelValues, spreadOffsets, valueAtPixel } from '../../../reports/specs/parts.js';

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

describe('spreadOffsets', () => {
  it('leaves labels that are far apart alone', () => {
    expect(spreadOffsets([10, 100, 50], 14)).toEqual([0, 0, 0]);
  });

  it('moves labels right just enough to keep them a gap apart, in the order of their rules', () => {
    const offsets = spreadOffsets([100, 102, 101], 14);
    const placed = [100, 102, 101].map((p, i) => p + offsets[i]!);
    expect(placed).toEqual([100, 128, 114]);
  });
});

describe('rangeLine', () => {
  it('reads the P10–P90 range and the median', () => {
    expect(rangeLine({ p10: 10_640, p50: 20_840, p90: 41_300 }, 'H100s')).toBe('P10–P90: 10,600–41,300 H100s · median 20,800');
  });

  it('says when the three are equal', () => {
    expect(rangeLine({ p10: 5.04, p50: 5.04, p90: 5.04 }, 'min')).toBe('P10 = P50 = P90 = 5.04 min');
  });
});

describe('span', () => {
  it('writes one value when both ends read the same', () => {
    const f = (x: number) => String(Math.round(x));
    expect(span(1, 2, f)).toBe('1–2');
    expect(span(1.2, 1.4, f)).toBe('1');
  });
});

describe('spreadLabelValues', () => {
  it('moves labels of nearby values apart along the axis, in data units', () => {
    const plan = planAxis([0, 500_000], false, 300, true);
    const [a, b] = spreadLabelValues(plan, [4211, 10_528], 15);
    expect(a).toBe(4211);
    expect(pixelOf(plan, b!) - pixelOf(plan, a!)).toBeCloseTo(15, 9);
  });
});
