import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelWidth, laneLabels, listLines, pixelOf, planAxis, rangeLine, span, spreadLabelValues, spreadOffsets, valueAtPixel } from '../../../reports/specs/parts.js';

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
    expect(rangeLine({ p10: 10_640, p50: 20_840, p90: 41_300 }, 'H100s')).toBe('P10–P90: 10,640–41,300 H100s · median 20,840');
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

describe('laneLabels', () => {
  const place = (pixels: number[], widths: number[], length = 640) => {
    const lanes = laneLabels(pixels, widths, length);
    const spans = lanes.map((l, i) => (l.side === 'right' ? [pixels[i]!, pixels[i]! + widths[i]! + 4] : [pixels[i]! - widths[i]! - 4, pixels[i]!]) as [number, number]);
    return { lanes, spans };
  };

  it('stacks labels of close rules in lanes, and puts a label that covers another rule above that rule’s label', () => {
    const { lanes } = place([100, 110, 400], [120, 120, 50]);
    // 100's label runs right over the rule at 110: it goes above 110's label, whose leader stops at its lane.
    expect(lanes[1]!.lane).toBe(0);
    expect(lanes[0]!.lane).toBe(1);
    expect(lanes[2]).toEqual({ lane: 0, side: 'right' });
  });

  it('runs a label left when it would run past the axis end', () => {
    expect(place([620], [100]).lanes[0]).toEqual({ lane: 0, side: 'left' });
  });

  it('never lets two labels of one lane overlap (random rules)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 640 }), fc.integer({ min: 10, max: 250 })), { minLength: 1, maxLength: 12 }), (rules) => {
        const { lanes, spans } = place(rules.map((r) => r[0]), rules.map((r) => r[1]));
        for (let i = 0; i < rules.length; i++) {
          for (let j = i + 1; j < rules.length; j++) {
            if (lanes[i]!.lane !== lanes[j]!.lane) continue;
            expect(spans[i]![1] <= spans[j]![0] || spans[j]![1] <= spans[i]![0]).toBe(true);
          }
        }
      }),
    );
  });
});

describe('listLines', () => {
  it('cuts a list into lines no wider than asked, every item once and in order (a lone item wider than that keeps its own line)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !t.includes(',')), { maxLength: 30 }), fc.integer({ min: 150, max: 900 }), (items, width) => {
        const lines = listLines('Left out: ', items, width);
        expect(lines.join(' ')).toBe(`Left out: ${items.join(', ')}`);
        // A line holding more than one item fits; one item alone (with the lead, on the first line) may not.
        for (const line of lines) if (line.split(', ').length > 1) expect(labelWidth(line, 12.5)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('keeps a short list on one line and breaks a long one between items', () => {
    expect(listLines('Left out: ', ['a', 'b'])).toEqual(['Left out: a, b']);
    const lines = listLines('Left out: ', Array.from({ length: 12 }, (_, i) => `Input number ${i}`), 400);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(labelWidth(line, 12.5)).toBeLessThanOrEqual(400);
    expect(lines.join(' ')).toBe(`Left out: ${Array.from({ length: 12 }, (_, i) => `Input number ${i}`).join(', ')}`);
  });
});
