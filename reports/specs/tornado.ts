/**
 * A tornado chart for one output, centred on its simulated P50. For each uncertain input
 * that moves it (the Result's `sensitivity`, src/stats/tornado.ts), a bar runs from the output's
 * median when the input is in its bottom decile to its median when the input is in its top decile,
 * read from the sample itself. Widest swing first; inputs whose deciles do not move this output are
 * left out, and the subtitle says how many.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import type { OutputKey } from '../../src/model/outputs.js';
import { percentile } from '../../src/result/percentile.js';
import type { Result } from '../../src/result/types.js';
import { barsFor } from '../../src/stats/tornado.js';
import { wantsLogAxis } from '../axis.js';
import { band } from '../bands.js';
import { outputLabel, outputSubject } from '../fleet-wording.js';
import { formatInputValue, INPUT_LABELS, inputName } from '../input-labels.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { axisOf, planAxis, scaleOf, type AxisPlan } from './axis-plan.js';
import { labelWithUnit, span } from './subtitle.js';

export interface TornadoRow {
  input: string;
  /** `Sora parameters: ≤11.3B | ≥26.6B` (the input's deciles lie beyond its P10 and P90). */
  row: string;
  atLow: number;
  atHigh: number;
  swing: number;
}

const BOTTOM = 'input in its bottom 10%';
const TOP = 'input in its top 10%';

/** One row per uncertain input that moves `key`, widest swing first. */
export function tornadoRows(result: Result, key: OutputKey): TornadoRow[] {
  return barsFor(result.sensitivity, key).map((bar) => {
    const out = bar.outputs[key]!;
    return {
      input: bar.input,
      row: `${inputName(bar.input, result.scenario.inputs[bar.input])}: ≤${formatInputValue(bar.input, bar.inputLow)} | ≥${formatInputValue(bar.input, bar.inputHigh)}`,
      atLow: out.atLow,
      atHigh: out.atHigh,
      swing: Math.abs(out.atHigh - out.atLow),
    };
  });
}

/** The uncertain inputs left out of `key`'s tornado: their deciles do not move it detectably. */
export function unmovedInputs(result: Result, key: OutputKey): string[] {
  return result.sensitivity.tornado.filter((bar) => bar.outputs[key] === undefined).map((bar) => INPUT_LABELS[bar.input]);
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

export function tornadoSpec(result: Result, key: OutputKey, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  const stats = result.outputs[key];
  const median = percentile(stats, 0.5).value;
  const rows = tornadoRows(result, key);
  const layout = rowLayout(rows.map((r) => r.row), wanted);
  const unmoved = unmovedInputs(result, key);
  const b = band(stats);
  const f = (x: number) => formatRounded(x, stats.unit);
  // A bar's two halves: simulated P50 → the median given the input's bottom decile, P50 → the median
  // given its top decile (a half of zero length, a side that leaves the median where it is, is left out).
  const segments = rows.flatMap((r) =>
    [
      { row: r.row, end: BOTTOM, from: median, to: r.atLow, label: f(r.atLow) },
      { row: r.row, end: TOP, from: median, to: r.atHigh, label: f(r.atHigh) },
    ].filter((segment) => segment.to !== segment.from),
  );
  // Both halves on one side of the median (a discrete input, or one the output is not monotone in): the
  // nearer end's label would print over the farther one's, so only the farther end is labelled.
  const labelled = segments.filter((s) => {
    const other = segments.find((o) => o !== s && o.row === s.row);
    if (!other || (other.to > median) !== (s.to > median)) return true;
    return Math.abs(s.to - median) > Math.abs(other.to - median) || (s.to === other.to && s.end === TOP);
  });
  const values = [median, ...rows.flatMap((r) => [r.atLow, r.atHigh])];
  const plan = withLabelRoom(planAxis(values, wantsLogAxis(values, 1.5), layout.width), layout.narrow ? 0.22 : 0.12);
  const widest = rows[0];
  const axis = rowAxis('row', rows.map((r) => r.row), layout, { bar: 18, step: 30 });
  const y = axis.y;
  const color = {
    field: 'end',
    type: 'nominal' as const,
    scale: { domain: [BOTTOM, TOP], range: [COLORS.inputLow, COLORS.inputHigh] },
    legend: { title: null, orient: 'bottom' as const, ...(layout.narrow ? { direction: 'vertical' as const } : {}) },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: widest
        ? `${INPUT_LABELS[widest.input as keyof typeof INPUT_LABELS]} moves ${outputSubject(result, key)} most: its median runs from ${f(Math.min(widest.atLow, widest.atHigh))} to ${f(Math.max(widest.atLow, widest.atHigh))}`
        : `No uncertain input moves ${outputSubject(result, key)} detectably`,
      subtitle: [
        `Simulated P50: ${f(median)} (the centre line) · P10–P90: ${span(b.p10, b.p90, f)}`,
        'Each bar: the median when that input is in its bottom or top 10% of draws · widest swing first',
        ...(unmoved.length > 0 ? [`Left out, no detectable effect: ${unmoved.join(', ')}`] : []),
      ],
    },
    width: layout.width,
    height: { step: axis.step },
    config: chartConfig(),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: 18 },
        encoding: {
          y,
          x: { field: 'from', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, stats.unit, `${labelWithUnit(outputLabel(result, key), stats.unit)}${plan.log ? ', log scale' : ''}`, layout) },
          x2: { field: 'to' },
          color,
          tooltip: [
            { field: 'row', type: 'nominal', title: 'input' },
            { field: 'end', type: 'nominal', title: 'with the' },
            { field: 'label', type: 'nominal', title: outputLabel(result, key) },
          ],
        },
      },
      {
        data: { values: labelled },
        mark: { type: 'text', fontSize: FONT_SIZE.mark, color: COLORS.text, align: { expr: 'datum.to < datum.from ? "right" : "left"' }, dx: { expr: 'datum.to < datum.from ? -4 : 4' } },
        encoding: { y, x: { field: 'to', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        // The centre line; narrow, a tick per row, so that it does not run through the names written between the bars.
        data: { values: layout.narrow ? rows.map((r) => ({ at: median, row: r.row })) : [{ at: median, label: `simulated P50: ${f(median)}` }] },
        layer: [
          layout.narrow
            ? { mark: { type: 'tick', color: COLORS.text, thickness: 1.5, size: 24 }, encoding: { x: { field: 'at', type: 'quantitative' }, y } }
            : { mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 }, encoding: { x: { field: 'at', type: 'quantitative' } } },
        ],
      },
      ...axis.labels,
    ],
  };
}
