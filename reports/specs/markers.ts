/**
 * Vertical marker rules with their labels: the article's figures, published facts and fixed
 * references (labelled in lanes above the plot), and a distribution's P10, P50 and P90.
 */
import { formatRounded } from '../../src/format.js';
import type { Band } from '../bands.js';
import { COLORS, FONT_SIZE } from '../theme.js';
import { pixelOf, type AxisPlan } from './axis-plan.js';
import { laneLabels } from './label-lanes.js';
import type { Layer } from './layer.js';
import { labelWidth } from './text-width.js';

/** What a marker shows, which sets its colour and dash: the article's figure, a published fact, a fixed reference. */
export type MarkerKind = 'article' | 'published' | 'reference';

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
