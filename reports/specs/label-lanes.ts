/**
 * Where labels go so that none prints over another: spread along an axis (labels beside points) or
 * stacked in lanes above the plot (labels of vertical rules), planned in pixels on a planned axis.
 */
import { FONT_SIZE } from '../theme.js';
import { pixelOf, valueAtPixel, type AxisPlan } from './axis-plan.js';

/**
 * Offsets that keep labels written along vertical rules at least `gap` pixels apart: each label
 * moves right just enough to clear the one before it (labels keep the order of their rules).
 */
export function spreadOffsets(pixels: readonly number[], gap: number): number[] {
  const order = pixels.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const offsets = new Array<number>(pixels.length).fill(0);
  let last = -Infinity;
  for (const { p, i } of order) {
    const placed = Math.max(p, last + gap);
    offsets[i] = placed - p;
    last = placed;
  }
  return offsets;
}

/**
 * Where to put labels for `values` on a planned axis so that none is closer than `gap` pixels to the
 * next: each label's position, in data units, moved along the axis (upward on a y axis) as needed.
 */
export function spreadLabelValues(plan: AxisPlan, values: readonly number[], gap = FONT_SIZE.mark + 4): number[] {
  const pixels = values.map((v) => pixelOf(plan, v));
  const offsets = spreadOffsets(pixels, gap);
  return values.map((v, i) => (offsets[i] === 0 ? v : valueAtPixel(plan, pixels[i]! + offsets[i]!)));
}

/** Labelled points with `labelAt`, the value each label is drawn at, spread so labels do not overlap. */
export function spreadLabels<T extends { value: number }>(plan: AxisPlan, points: readonly T[]): (T & { labelAt: number })[] {
  const at = spreadLabelValues(plan, points.map((p) => p.value));
  return points.map((p, i) => ({ ...p, labelAt: at[i]! }));
}

/** A label placed in a lane above the plot: its lane (0 nearest the plot) and which side of its rule it runs. */
export interface LanePlacement {
  lane: number;
  side: 'left' | 'right';
}

/**
 * Lanes for labels of rules at `pixels` (along an axis of `length` pixels), `widths` wide: each label
 * runs right from its rule (left, when it would run past the axis end) and takes the lowest lane where
 * it keeps `gap` pixels from every label already there and no leader line crosses it: a label whose
 * span covers another rule goes above that rule's label (a leader stops at its own label's lane).
 * Each label runs to a side it fits on, where both fit the one that covers fewer rules; labels are placed covered-first (a topological
 * order; in a cycle, two labels covering each other's rules, the one covering fewer goes first).
 */
export function laneLabels(pixels: readonly number[], widths: readonly number[], length: number, gap = 8): LanePlacement[] {
  const n = pixels.length;
  const spanOf = (p: number, w: number, side: 'left' | 'right'): [number, number] => (side === 'right' ? [p, p + w + 4] : [p - w - 4, p]);
  const rulesUnder = (span: [number, number], self: number) => pixels.filter((q, k) => k !== self && q >= span[0] - gap && q <= span[1] + gap).length;
  // A side the label fits on (inside the axis); where both fit, the one running over fewer other rules.
  const sides = pixels.map((p, i): 'left' | 'right' => {
    const [rightFits, leftFits] = [p + widths[i]! + 4 <= length, p - widths[i]! - 4 >= 0];
    if (rightFits && leftFits) return rulesUnder(spanOf(p, widths[i]!, 'left'), i) < rulesUnder(spanOf(p, widths[i]!, 'right'), i) ? 'left' : 'right';
    return leftFits && !rightFits ? 'left' : 'right';
  });
  const spans = pixels.map((p, i) => spanOf(p, widths[i]!, sides[i]!));
  const covers = (i: number, k: number) => i !== k && pixels[k]! >= spans[i]![0] - gap && pixels[k]! <= spans[i]![1] + gap;
  const lanes: [number, number][][] = [];
  const laneOf = new Array<number>(n).fill(-1);
  const result = new Array<LanePlacement>(n);
  const waiting = new Set(pixels.map((_, i) => i));
  while (waiting.size > 0) {
    const open = [...waiting];
    // Ready: every rule it covers is placed; in a cycle, the label covering fewest waiting rules (then the rightmost).
    const waitingUnder = (i: number) => open.filter((k) => covers(i, k)).length;
    const i = open.sort((a, b) => waitingUnder(a) - waitingUnder(b) || pixels[b]! - pixels[a]!)[0]!;
    waiting.delete(i);
    const span = spans[i]!;
    const placedCovered = pixels.map((_, k) => k).filter((k) => laneOf[k]! >= 0 && covers(i, k));
    let lane = placedCovered.length > 0 ? Math.max(...placedCovered.map((k) => laneOf[k]!)) + 1 : 0;
    while ((lanes[lane] ?? []).some(([a, b]) => span[1] + gap > a && span[0] < b + gap)) lane++;
    while (lanes.length <= lane) lanes.push([]);
    lanes[lane]!.push(span);
    laneOf[i] = lane;
    result[i] = { lane, side: sides[i]! };
  }
  return result;
}
