import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pixelOf, planAxis } from '../../../reports/specs/axis-plan.js';
import { laneLabels, spreadLabelValues, spreadOffsets } from '../../../reports/specs/label-lanes.js';

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
