/**
 * Chart 6: a tornado chart for one output. Each uncertain input is moved from its P10 to its P90
 * with every other input at its median (the Result's `sensitivity`); a bar runs from the output at
 * the input's P10 to the output at its P90, across the line of all inputs at their medians. Widest
 * swing first; inputs that do not move this output are listed as such.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import { OUTPUTS, type OutputKey } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import { barsFor } from '../../src/stats/tornado.js';
import { wantsLogAxis } from '../axis.js';
import { band } from '../bands.js';
import { formatInputValue, INPUT_LABELS } from '../input-labels.js';
import { chartConfig, COLORS, FONT_SIZE, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf, scenarioLine, span, type AxisPlan } from './parts.js';

export interface TornadoRow {
  input: string;
  /** `Sora parameters: 11.3B → 26.6B`. */
  row: string;
  atLow: number;
  atHigh: number;
  swing: number;
}

/** One row per uncertain input, widest swing of `key` first; inputs that leave it unmoved last, at the median. */
export function tornadoRows(result: Result, key: OutputKey): TornadoRow[] {
  const median = result.sensitivity.atMedians[key];
  const moving = barsFor(result.sensitivity, key);
  const still = result.sensitivity.tornado.filter((bar) => !moving.includes(bar));
  return [...moving, ...still].map((bar) => {
    const out = bar.outputs[key] ?? { atLow: median, atHigh: median };
    return {
      input: bar.input,
      row: `${INPUT_LABELS[bar.input]}: ${formatInputValue(bar.input, bar.inputLow)} → ${formatInputValue(bar.input, bar.inputHigh)}`,
      atLow: out.atLow,
      atHigh: out.atHigh,
      swing: Math.abs(out.atHigh - out.atLow),
    };
  });
}

/** The axis widened by `share` of its length at each end, so value labels at bar ends fit. */
function withLabelRoom(plan: AxisPlan, share: number): AxisPlan {
  const [lo, hi] = plan.domain;
  if (plan.log) {
    const factor = (hi / lo) ** share;
    return { ...plan, domain: [lo / factor, hi * factor] };
  }
  const pad = (hi - lo) * share;
  return { ...plan, domain: [lo - pad, hi + pad] };
}

export function tornadoSpec(result: Result, key: OutputKey): TopLevelSpec {
  const stats = result.outputs[key];
  const median = result.sensitivity.atMedians[key];
  const rows = tornadoRows(result, key);
  const b = band(stats);
  const f = (x: number) => formatRounded(x, stats.unit);
  // A bar's two halves: median → output at the input's P10, median → output at its P90 (a half of
  // zero length, e.g. a discrete input whose P10 is its median, is left out).
  const segments = rows.flatMap((r) =>
    [
      { row: r.row, end: 'input at its P10', from: median, to: r.atLow, label: f(r.atLow) },
      { row: r.row, end: 'input at its P90', from: median, to: r.atHigh, label: f(r.atHigh) },
    ].filter((segment) => segment.to !== segment.from),
  );
  const unmoved = rows.filter((r) => r.swing === 0).map((r) => ({ row: r.row, at: median, label: 'no effect' }));
  const values = [median, ...rows.flatMap((r) => [r.atLow, r.atHigh])];
  const plan = withLabelRoom(planAxis(values, wantsLogAxis(values, 1.5), WIDTH), 0.12);
  const widest = rows[0];
  const y = { field: 'row', type: 'nominal' as const, sort: rows.map((r) => r.row), axis: { title: null, labelLimit: 0, labelFontSize: FONT_SIZE.axisLabel } };
  const color = {
    field: 'end',
    type: 'nominal' as const,
    scale: { domain: ['input at its P10', 'input at its P90'], range: [COLORS.inputLow, COLORS.inputHigh] },
    legend: { title: null, orient: 'bottom' as const },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Which assumptions move ${OUTPUTS[key].words?.subject ?? stats.label} most?`,
      subtitle: [
        `Simulated P10–P90: ${span(b.p10, b.p90, f)} · all inputs at their medians: ${f(median)}`,
        widest && widest.swing > 0
          ? `Widest swing: ${INPUT_LABELS[widest.input as keyof typeof INPUT_LABELS]}, ${span(Math.min(widest.atLow, widest.atHigh), Math.max(widest.atLow, widest.atHigh), f)}`
          : 'No uncertain input moves it',
        scenarioLine(result),
        'Each input moved from its P10 to its P90, all others at their medians · widest swing first',
      ],
    },
    width: WIDTH,
    height: { step: 30 },
    config: chartConfig(),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: 18 },
        encoding: {
          y,
          x: { field: 'from', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, stats.unit, `${stats.label} (${stats.unit})${plan.log ? ', log scale' : ''}`) },
          x2: { field: 'to' },
          color,
          tooltip: [
            { field: 'row', type: 'nominal', title: 'input' },
            { field: 'end', type: 'nominal', title: 'with the' },
            { field: 'label', type: 'nominal', title: stats.label },
          ],
        },
      },
      {
        data: { values: segments },
        mark: { type: 'text', fontSize: FONT_SIZE.mark, color: COLORS.text, align: { expr: 'datum.to < datum.from ? "right" : "left"' }, dx: { expr: 'datum.to < datum.from ? -4 : 4' } },
        encoding: { y, x: { field: 'to', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: unmoved },
        mark: { type: 'text', fontSize: FONT_SIZE.mark, color: COLORS.muted, align: 'left', dx: 6, fontStyle: 'italic' },
        encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ at: median, label: `all at medians: ${f(median)}` }] },
        layer: [
          { mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 }, encoding: { x: { field: 'at', type: 'quantitative' } } },
        ],
      },
    ],
  };
}
