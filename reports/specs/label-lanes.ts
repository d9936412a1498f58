/**
 * Where labels go so that none prints over another: spread along an axis (labels beside points) or
 * stacked in lanes above the plot (labels of vertical rules), planned in pixels on a planned axis.
 */
import { FONT_SIZE } from '../theme.js';
import { pixelOf, valueAtPixel, type AxisPlan } from './axis-plan.js';

/**
 * Offsets that keep labels written along vertical rules at least `gap` pixels apart: each label
 * moves right (up, on a y axis) just enough to clear the one before it, keeping the order of their
 * rules, and to keep `gap / 2` pixels from every obstacle (a rule the labels must not sit on).
 */
export function spreadOffsets(pixels: readonly number[], gap: number, obstacles: readonly number[] = []): number[] {
  const order = pixels.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const offsets = new Array<number>(pixels.length).fill(0);
  const blocked = [...obstacles].sort((a, b) => a - b);
  let last = -Infinity;
  for (const { p, i } of order) {
    let placed = Math.max(p, last + gap);
    for (const o of blocked) if (Math.abs(placed - o) < gap / 2) placed = o + gap / 2;
    offsets[i] = placed - p;
    last = placed;
  }
  return offsets;
}

/**
 * Where to put labels for `values` on a planned axis so that none is closer than `gap` pixels to the
 * next, nor than `gap / 2` to an obstacle value: each label's position, in data units, moved along the
 * axis (upward on a y axis) as needed.
 */
export function spreadLabelValues(plan: AxisPlan, values: readonly number[], gap = FONT_SIZE.mark + 4, obstacles: readonly number[] = []): number[] {
  const pixels = values.map((v) => pixelOf(plan, v));
  const offsets = spreadOffsets(pixels, gap, obstacles.map((o) => pixelOf(plan, o)));
  return values.map((v, i) => (offsets[i] === 0 ? v : valueAtPixel(plan, pixels[i]! + offsets[i]!)));
}

/** Labelled points with `labelAt`, the value each label is drawn at, spread so labels neither overlap nor sit on an obstacle. */
export function spreadLabels<T extends { value: number }>(plan: AxisPlan, points: readonly T[], obstacles: readonly number[] = []): (T & { labelAt: number })[] {
  const at = spreadLabelValues(plan, points.map((p) => p.value), undefined, obstacles);
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
  // A rule is under a label when it runs through the label's text or within 2 px of it (the text starts 3 px from its own rule).
  const near = 2;
  const rulesUnder = (span: [number, number], self: number) => pixels.filter((q, k) => k !== self && q >= span[0] - near && q <= span[1] + near).length;
  // A side the label fits on (inside the axis); where both fit, the one running over fewer other rules.
  const sides = pixels.map((p, i): 'left' | 'right' => {
    const [rightFits, leftFits] = [p + widths[i]! + 4 <= length, p - widths[i]! - 4 >= 0];
    if (rightFits && leftFits) return rulesUnder(spanOf(p, widths[i]!, 'left'), i) < rulesUnder(spanOf(p, widths[i]!, 'right'), i) ? 'left' : 'right';
    return leftFits && !rightFits ? 'left' : 'right';
  });
  const fits = (i: number, side: 'left' | 'right') => (side === 'right' ? pixels[i]! + widths[i]! + 4 <= length : pixels[i]! - widths[i]! - 4 >= 0);
  const spans = pixels.map((p, i) => spanOf(p, widths[i]!, sides[i]!));
  const covers = (i: number, k: number) => i !== k && pixels[k]! >= spans[i]![0] - near && pixels[k]! <= spans[i]![1] + near;
  // Two labels running toward each other over each other's rules cannot both sit above the other:
  // one of them turns to run the same way as the other, where it fits.
  for (let pass = 0; pass < n; pass++) {
    let turned = false;
    for (let i = 0; i < n && !turned; i++) {
      for (let k = 0; k < n && !turned; k++) {
        if (!(covers(i, k) && covers(k, i))) continue;
        for (const j of [k, i]) {
          const other: 'left' | 'right' = sides[j] === 'left' ? 'right' : 'left';
          if (fits(j, other)) {
            sides[j] = other;
            spans[j] = spanOf(pixels[j]!, widths[j]!, other);
            turned = true;
            break;
          }
        }
      }
    }
    if (!turned) break;
  }
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
