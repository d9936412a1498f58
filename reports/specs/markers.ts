/**
 * Vertical marker rules with their labels: the article's figures, published facts and fixed
 * references (labelled in lanes above the plot), and a distribution's P10, P50 and P90.
 */
import { formatRounded } from '../../src/format.js';
import type { Band } from '../bands.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { COLORS, FONT_SIZE } from '../theme.js';
import { pixelOf, type AxisPlan } from './axis-plan.js';
import { laneLabels } from './label-lanes.js';
import type { Layer } from './layer.js';
import { labelWidth, wrapWords } from './text-width.js';

/**
 * What a marker shows, which sets its colour and dash: the simulated median or another percentile
 * (labelled in bold), the article's figure, a published fact, a fixed reference.
 */
export type MarkerKind = 'median' | 'percentile' | 'article' | 'published' | 'reference';

export interface Marker {
  value: number;
  label: string;
  /** A shorter label for a narrow chart (default: the label). */
  short?: string;
  kind: MarkerKind;
}

const MARKER_STYLE: Record<MarkerKind, { color: string; dash: number[]; width: number }> = {
  median: { color: COLORS.simulated, dash: [1, 0], width: 2.5 },
  percentile: { color: COLORS.simulated, dash: [5, 3], width: 1.5 },
  article: { color: COLORS.article, dash: [2, 2], width: 2 },
  published: { color: COLORS.published, dash: [1, 3], width: 1.5 },
  reference: { color: COLORS.reference, dash: [6, 3], width: 1.5 },
};

/** One line of lane text. */
export const LANE_LINE = FONT_SIZE.mark + 4;

export interface MarkerOptions {
  layout?: ChartLayout;
}

/**
 * Vertical rules at `markers`, coloured by kind, labelled above the plot: each label in a lane
 * (laneLabels) with a leader line from the top of the plot up to it, so labels neither overprint each
 * other nor sit on the bars. A label wider than the plot allows is wrapped onto lines (a lane is as tall
 * as its tallest label). Markers off the axis are drawn at its end with an arrow: ◀ below, ▶ above.
 */
export function verticalMarkers(markers: readonly Marker[], plan: AxisPlan, options: MarkerOptions = {}): Layer[] {
  if (markers.length === 0) return [];
  const layout = options.layout ?? DESKTOP;
  const [lo, hi] = plan.domain;
  const shown = markers.map((m) => {
    const label = layout.narrow ? m.short ?? m.label : m.label;
    if (m.value < lo) return { ...m, at: lo, label: `◀ ${label}` };
    if (m.value > hi) return { ...m, at: hi, label: `${label} ▶` };
    return { ...m, at: m.value, label };
  });
  // A label may take at most 60% of the plot's width on one line: longer ones wrap.
  const widest = Math.max(plan.length * 0.6, 120);
  const bold = (m: Marker) => m.kind === 'median' || m.kind === 'percentile';
  const lines = shown.map((m) => wrapWords(m.label, widest, FONT_SIZE.mark, bold(m)));
  const widths = lines.map((l, i) => Math.max(...l.map((line) => labelWidth(line, FONT_SIZE.mark, bold(shown[i]!)))));
  const places = laneLabels(shown.map((m) => pixelOf(plan, m.at)), widths, plan.length);
  const laneCount = Math.max(...places.map((p) => p.lane)) + 1;
  const laneLines = Array.from({ length: laneCount }, (_, lane) => Math.max(1, ...places.map((p, i) => (p.lane === lane ? lines[i]!.length : 1))));
  // A lane's text sits above the lanes below it; its lines run upward from its baseline (the lowest line nearest the plot).
  const laneBottom = laneLines.map((_, lane) => -6 - laneLines.slice(0, lane).reduce((sum, n) => sum + n * LANE_LINE, 0));
  const values = shown.map((m, i) => ({
    ...m,
    ...MARKER_STYLE[m.kind],
    bold: bold(m),
    lines: lines[i]!,
    // The leader reaches the label's lowest line; the text's middle-baseline first line sits LANE_LINE / 2 above the lane's bottom.
    laneY: laneBottom[places[i]!.lane]! - (lines[i]!.length - 1) * LANE_LINE,
    leaderY: laneBottom[places[i]!.lane]!,
    side: places[i]!.side,
  }));
  const rule: Layer = {
    data: { values },
    mark: { type: 'rule' },
    encoding: {
      x: { field: 'at', type: 'quantitative' },
      color: { field: 'color', type: 'nominal', scale: null },
      strokeDash: { field: 'dash', type: 'nominal', scale: null },
      strokeWidth: { field: 'width', type: 'quantitative', scale: null },
      tooltip: [{ field: 'label', type: 'nominal' }],
    },
  };
  return [
    rule,
    {
      // Leader lines, from the top of the plot up to each label (rows of their own, without the marker's kind).
      data: { values: leaderSegments(values, shown.map((m) => pixelOf(plan, m.at)), widths) },
      mark: { type: 'rule', strokeWidth: 1, opacity: 0.7 },
      encoding: {
        x: { field: 'at', type: 'quantitative' },
        y: { field: 'y1', type: 'quantitative', scale: null },
        y2: { field: 'y2' },
        color: { field: 'color', type: 'nominal', scale: null },
      },
    },
    // Two text layers: the simulated percentiles' labels in bold, the others in the regular weight.
    ...[true, false].flatMap((weight): Layer[] => {
      const these = values.filter((v) => v.bold === weight);
      if (these.length === 0) return [];
      return [{
        data: { values: these },
        mark: {
          type: 'text',
          baseline: 'middle',
          lineHeight: LANE_LINE,
          align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
          dx: { expr: "datum.side === 'left' ? -3 : 3" },
          fontSize: FONT_SIZE.mark,
          fontWeight: weight ? 'bold' : 'normal',
        },
        encoding: {
          x: { field: 'at', type: 'quantitative' },
          y: { field: 'laneY', type: 'quantitative', scale: null },
          color: { field: 'color', type: 'nominal', scale: null },
          text: { field: 'lines' },
        },
      }];
    }),
  ];
}

interface Placed {
  at: number;
  laneY: number;
  leaderY: number;
  side: 'left' | 'right';
  color: string;
}

/**
 * Each label's leader, from the top of the plot (y 0) up to its label, as segments that stop short of
 * any lower label it would otherwise run through (two labels running toward each other over each
 * other's rules cannot both be above the other; the leader breaks around the lower one instead of
 * crossing its text).
 */
export function leaderSegments(values: readonly Placed[], pixels: readonly number[], widths: readonly number[]): { at: number; y1: number; y2: number; color: string }[] {
  const half = LANE_LINE / 2 + 1;
  return values.flatMap((v, k) => {
    const blocks = values
      .map((o, i) => ({ o, i }))
      .filter(({ o, i }) => {
        if (i === k || o.leaderY <= v.leaderY) return false;
        const [a, b] = o.side === 'right' ? [pixels[i]! + 1, pixels[i]! + widths[i]! + 5] : [pixels[i]! - widths[i]! - 5, pixels[i]! - 1];
        return pixels[k]! >= a - 1 && pixels[k]! <= b + 1;
      })
      .map(({ o }) => [o.laneY - half, o.leaderY + half] as [number, number])
      .sort((p, q) => q[1] - p[1]);
    const segments: { at: number; y1: number; y2: number; color: string }[] = [];
    let from = 0;
    for (const [top, bottom] of blocks) {
      if (bottom < from) segments.push({ at: v.at, y1: from, y2: Math.max(bottom, v.leaderY), color: v.color });
      from = Math.min(from, top);
    }
    if (from > v.leaderY) segments.push({ at: v.at, y1: from, y2: v.leaderY, color: v.color });
    return segments;
  });
}

/** P10, P50 and P90 of a band as markers: drawn with the others, their labels in the lanes above the plot. */
export function percentileMarkerList(b: Band, unit: string): Marker[] {
  const f = (x: number) => formatRounded(x, unit);
  return [
    { value: b.p10, label: `P10 ${f(b.p10)}`, kind: 'percentile' },
    { value: b.p50, label: `P50 ${f(b.p50)}`, kind: 'median' },
    { value: b.p90, label: `P90 ${f(b.p90)}`, kind: 'percentile' },
  ];
}
