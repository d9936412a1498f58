/**
 * Pieces several chart specs share: the subtitle lines (P10–P90 range, scenario), the value axis
 * (its domain fixed here, so label positions can be planned in pixels), and vertical marker rules
 * with labels that do not pile up (P10/P50/P90, the article's figures, published models).
 * Each returns plain Vega-Lite data.
 */
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';
import { formatRounded, readerRange } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import { axisLabels, logDomain, logTicks } from '../axis.js';
import type { Band } from '../bands.js';
import { BAND_OPACITY, COLORS, FONT_SIZE, WIDTH } from '../theme.js';

export type Layer = UnitSpec<Field> | LayerSpec<Field>;

/** `Scenario mission · 20,000 samples · seed 2024 · article step cost`: what a chart was drawn from. */
export function scenarioLine(result: Result): string {
  const { scenario, run } = result;
  return `Scenario ${scenario.name} · ${run.samples.toLocaleString('en-US')} samples · seed ${run.seed} · ${scenario.stepCost} step cost`;
}

/** `lo–hi` as `f` writes them, or one value when both read the same (`124k`, not `124k–124k`). */
export function span(lo: number, hi: number, f: (x: number) => string): string {
  const [a, b] = [f(lo), f(hi)];
  return a === b ? a : `${a}–${b}`;
}

/** `P10–P90: 10,600–41,300 H100s · median 20,800`. */
export function rangeLine(b: Band, unit: string, unitWords = unit): string {
  const f = (x: number) => formatRounded(x, unit);
  if (f(b.p10) === f(b.p90)) return `P10 = P50 = P90 = ${f(b.p50)} ${unitWords}`;
  return `P10–P90: ${readerRange(b.p10, b.p90, unit)} ${unitWords} · median ${f(b.p50)}`;
}

/** `Cost per video minute (USD/min)`, but `Training H100s`, not `Training H100s (H100s)`: the unit once. */
export function labelWithUnit(label: string, unit: string): string {
  return label.toLowerCase().includes(unit.toLowerCase()) ? label : `${label} (${unit})`;
}

/** A value axis decided in advance: its scale type, its domain and its length in pixels. */
export interface AxisPlan {
  log: boolean;
  domain: [number, number];
  length: number;
}

/**
 * The axis that shows all of `values`: on a log axis their extent padded by 15% each side, on a
 * linear axis by 4% of the span (from 0 when `zero` and every value is ≥ 0).
 */
export function planAxis(values: readonly number[], log: boolean, length: number, zero = false): AxisPlan {
  const finite = values.filter((v) => Number.isFinite(v));
  if (log) return { log, domain: logDomain(finite), length };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return { log, domain: [zero && lo >= 0 ? 0 : lo - pad, hi + pad], length };
  }
  const pad = (hi - lo) * 0.04;
  lo = zero && lo >= 0 ? 0 : lo - pad;
  hi += pad;
  return { log, domain: [lo, hi], length };
}

/** Where `x` lands on the axis, in pixels from its start. */
export function pixelOf(plan: AxisPlan, x: number): number {
  const [lo, hi] = plan.domain;
  const t = plan.log ? Math.log10(x / lo) / Math.log10(hi / lo) : (x - lo) / (hi - lo);
  return t * plan.length;
}

/** The value at `pixel` pixels from the axis start (the inverse of `pixelOf`). */
export function valueAtPixel(plan: AxisPlan, pixel: number): number {
  const [lo, hi] = plan.domain;
  const t = pixel / plan.length;
  return plan.log ? lo * (hi / lo) ** t : lo + t * (hi - lo);
}

/** The Vega-Lite scale of a planned axis. */
export function scaleOf(plan: AxisPlan) {
  return plan.log
    ? { type: 'log' as const, domain: plan.domain, nice: false }
    : { type: 'linear' as const, domain: plan.domain, nice: false, zero: false };
}

/** Axis properties for values in `unit` with a title; 1-2-5 ticks on a log axis. */
export function axisOf(plan: AxisPlan, unit: string, title: string) {
  const max = Math.max(...plan.domain.map(Math.abs));
  const ticks = plan.log ? { values: logTicks(...plan.domain) } : {};
  return { title, ...axisLabels(unit, max), ...ticks, labelOverlap: 'greedy' as const, labelFlush: false, grid: true };
}

/** Estimated width in pixels of a label in the chart font (DejaVu Sans averages ~0.62 em; bold a little more). */
export function labelWidth(text: string, fontSize: number = FONT_SIZE.mark, bold = false): number {
  return text.length * fontSize * (bold ? 0.66 : 0.6);
}

/**
 * A subtitle's list (`Left out: a, b, c`) cut into lines no wider than `maxWidth` pixels, so a long
 * list does not widen the chart (which a phone then scales down until its text cannot be read).
 */
export function listLines(lead: string, items: readonly string[], maxWidth = WIDTH + 160): string[] {
  const lines: string[] = [];
  let line = lead;
  items.forEach((item, i) => {
    const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
    const next = line === lead || line === '' ? `${line}${piece}` : `${line} ${piece}`;
    if (line !== lead && line !== '' && labelWidth(next, FONT_SIZE.subtitle) > maxWidth) {
      lines.push(line);
      line = piece;
    } else line = next;
  });
  return [...lines, line];
}

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

/** What a marker shows, which sets its colour and dash: the article's figure, a published fact, a fixed reference. */
export type MarkerKind = 'article' | 'published' | 'reference';

/**
 * Where to put labels for `values` on a planned axis so that none is closer than `gap` pixels to the
 * next: each label's position, in data units, moved along the axis (upward on a y axis) as needed.
 */
export function spreadLabelValues(plan: AxisPlan, values: readonly number[], gap = FONT_SIZE.mark + 4): number[] {
  const pixels = values.map((v) => pixelOf(plan, v));
  const offsets = spreadOffsets(pixels, gap);
  return values.map((v, i) => (offsets[i] === 0 ? v : valueAtPixel(plan, pixels[i]! + offsets[i]!)));
}

export interface Marker {
  value: number;
  label: string;
  kind: MarkerKind;
}

const MARKER_STYLE: Record<MarkerKind, { color: string; dash: number[]; width: number }> = {
  article: { color: COLORS.article, dash: [2, 2], width: 2 },
  published: { color: COLORS.published, dash: [1, 3], width: 1.5 },
  reference: { color: COLORS.reference, dash: [6, 3], width: 1.5 },
};

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

/**
 * Vertical rules at `markers`, coloured by kind, labelled above the plot: each label in a lane
 * (laneLabels) with a leader line from the top of the plot up to it, so labels neither overprint each
 * other nor sit on the bars. Markers off the axis are drawn at its end with an arrow: ◀ below, ▶ above.
 */
export function verticalMarkers(markers: readonly Marker[], plan: AxisPlan, _height?: number): Layer[] {
  if (markers.length === 0) return [];
  const [lo, hi] = plan.domain;
  const shown = markers.map((m) => {
    if (m.value < lo) return { ...m, at: lo, label: `◀ ${m.label}` };
    if (m.value > hi) return { ...m, at: hi, label: `${m.label} ▶` };
    return { ...m, at: m.value };
  });
  const lane = FONT_SIZE.mark + 5;
  const places = laneLabels(shown.map((m) => pixelOf(plan, m.at)), shown.map((m) => labelWidth(m.label)), plan.length);
  const values = shown.map((m, i) => ({
    ...m,
    ...MARKER_STYLE[m.kind],
    laneY: -6 - places[i]!.lane * lane,
    side: places[i]!.side,
  }));
  return [
    {
      data: { values },
      mark: { type: 'rule' },
      encoding: {
        x: { field: 'at', type: 'quantitative' },
        color: { field: 'color', type: 'nominal', scale: null },
        strokeDash: { field: 'dash', type: 'nominal', scale: null },
        strokeWidth: { field: 'width', type: 'quantitative', scale: null },
        tooltip: [{ field: 'label', type: 'nominal' }],
      },
    },
    {
      // Leader lines, from the top of the plot up to each label (rows of their own, without the marker's kind).
      data: { values: values.map((v) => ({ at: v.at, laneY: v.laneY, color: v.color })) },
      mark: { type: 'rule', strokeWidth: 1, opacity: 0.7 },
      encoding: {
        x: { field: 'at', type: 'quantitative' },
        y: { field: 'laneY', type: 'quantitative', scale: null },
        y2: { value: 0 },
        color: { field: 'color', type: 'nominal', scale: null },
      },
    },
    {
      data: { values },
      mark: {
        type: 'text',
        baseline: 'middle',
        align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
        dx: { expr: "datum.side === 'left' ? -3 : 3" },
        fontSize: FONT_SIZE.mark,
      },
      encoding: {
        x: { field: 'at', type: 'quantitative' },
        y: { field: 'laneY', type: 'quantitative', scale: null },
        color: { field: 'color', type: 'nominal', scale: null },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

/**
 * P10, P50 and P90 as rules in the simulated colour (the median solid and thicker), labelled at the
 * top: P10 to the left of its rule, P90 to the right, both one line down; the median on the first
 * line, on whichever side has room.
 */
export function percentileMarkers(b: Band, unit: string, plan: AxisPlan): Layer[] {
  const f = (x: number) => formatRounded(x, unit);
  const labels = { p10: `P10 ${f(b.p10)}`, p50: `P50 ${f(b.p50)}`, p90: `P90 ${f(b.p90)}` };
  const [x10, x50, x90] = [b.p10, b.p50, b.p90].map((v) => pixelOf(plan, v)) as [number, number, number];
  const room = labelWidth(labels.p50, FONT_SIZE.mark, true) + 8;
  const medianSide = x90 - x50 >= room || x50 - x10 < room ? 'right' : 'left';
  const line = FONT_SIZE.mark + 4;
  const values = [
    { value: b.p10, label: labels.p10, y: 4 + line, side: 'left', median: false },
    { value: b.p90, label: labels.p90, y: 4 + line, side: 'right', median: false },
    { value: b.p50, label: labels.p50, y: 4, side: medianSide, median: true },
  ];
  return [
    {
      data: { values },
      mark: { type: 'rule', color: COLORS.simulated },
      encoding: {
        x: { field: 'value', type: 'quantitative' },
        strokeWidth: { condition: { test: 'datum.median', value: 2.5 }, value: 1.5 },
        strokeDash: { condition: { test: 'datum.median', value: [1, 0] }, value: [5, 3] },
        tooltip: [{ field: 'label', type: 'nominal' }],
      },
    },
    {
      data: { values },
      mark: {
        type: 'text',
        baseline: 'top',
        align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
        dx: { expr: "datum.side === 'left' ? -4 : 4" },
        color: COLORS.simulated,
        fontSize: FONT_SIZE.mark,
        fontWeight: 'bold',
      },
      encoding: {
        x: { field: 'value', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative', scale: null },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

/** How a band chart's x field reads in tooltips. */
export interface XField {
  field: string;
  format: string;
  title: string;
}

/**
 * The median line of a P10–P90 band over a driver, with a tooltip reading the driver and the
 * band's three percentiles (`valueFormat` is a d3 format, `valueTitle` what follows P10/P50/P90).
 */
export function medianLine(rows: readonly object[], x: XField, valueFormat: string, valueTitle = ''): Layer {
  const suffix = valueTitle ? ` ${valueTitle}` : '';
  return {
    data: { values: [...rows] },
    mark: { type: 'line', color: COLORS.simulated, strokeWidth: 2.5 },
    encoding: {
      x: { field: x.field, type: 'quantitative' },
      y: { field: 'p50', type: 'quantitative' },
      tooltip: [
        { field: x.field, type: 'quantitative', format: x.format, title: x.title },
        ...(['p10', 'p50', 'p90'] as const).map((field) => ({
          field,
          type: 'quantitative' as const,
          format: valueFormat,
          title: `${field.toUpperCase()}${suffix}`,
        })),
      ],
    },
  };
}

/** Labelled points with `labelAt`, the value each label is drawn at, spread so labels do not overlap. */
export function spreadLabels<T extends { value: number }>(plan: AxisPlan, points: readonly T[]): (T & { labelAt: number })[] {
  const at = spreadLabelValues(plan, points.map((p) => p.value));
  return points.map((p, i) => ({ ...p, labelAt: at[i]! }));
}

/** A band's P10, median and P90 as labelled values, for labels at the end of a band chart. */
export function bandEnds(b: Band, format: (x: number) => string): { value: number; label: string }[] {
  return [
    { value: b.p10, label: `P10 ${format(b.p10)}` },
    { value: b.p50, label: `median ${format(b.p50)}` },
    { value: b.p90, label: `P90 ${format(b.p90)}` },
  ];
}

/** The P10–P90 band of rows with fields p10 and p90 over `x`, filled in `color`. */
export function bandArea(rows: readonly object[], x: object, y: object, color: string = COLORS.simulated): Layer {
  return {
    data: { values: [...rows] },
    mark: { type: 'area', color, opacity: BAND_OPACITY },
    encoding: { x, y: { field: 'p10', type: 'quantitative', ...y }, y2: { field: 'p90' } },
  } as Layer;
}
