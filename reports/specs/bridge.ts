/**
 * The bridge chart: a horizontal waterfall on a log axis from the article's figure to the scenario's
 * simulated median (src/bridge/bridge.ts). On a log axis a bar's length is its factor's logarithm, so
 * the bars add up visually as the factors multiply. Groups that leave the output unchanged (factor
 * exactly 1) are listed in the subtitle instead of drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { startWords, type Bridge } from '../../src/bridge/bridge.js';
import { factor, formatRounded } from '../../src/format.js';
import { OUTPUTS } from '../../src/model/outputs.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { labelWithUnit } from './subtitle.js';

export interface BridgeRow {
  row: string;
  kind: 'start' | 'raises' | 'lowers' | 'end';
  from: number;
  to: number;
  /** The value after this row, as the label at the bar's end writes it. */
  label: string;
}

/** The rows the chart draws: start, every step that moves the output, the simulated median. */
export function bridgeRows(b: Bridge, floor: number): BridgeRow[] {
  const f = (x: number) => formatRounded(x, b.unit);
  const moving = b.steps.filter((s) => s.factor !== 1);
  return [
    { row: `Article: ${f(b.start)}`, kind: 'start', from: floor, to: b.start, label: f(b.start) },
    ...moving.map((s): BridgeRow => ({
      row: `${s.id === 'sampling' ? 'sampling: median vs product of medians' : s.label} ${factor(s.factor)}`,
      kind: s.factor > 1 ? 'raises' : 'lowers',
      from: s.from,
      to: s.to,
      label: f(s.to),
    })),
    { row: `Simulated median: ${f(b.end)}`, kind: 'end', from: floor, to: b.end, label: f(b.end) },
  ];
}

/** The step that moves the output most (largest |log factor|), the sampling step aside. */
export function largestStep(b: Bridge) {
  return b.steps.filter((s) => s.id !== 'sampling').reduce((a, s) => (Math.abs(Math.log(s.factor)) > Math.abs(Math.log(a.factor)) ? s : a));
}

/** The bridge's finding: `Training H100s: calibrated’s median is ×0.131 the article’s 4,211, most of it from training data (×0.125)`. */
export function bridgeFinding(b: Bridge): string {
  const name = OUTPUTS[b.output].words?.name ?? OUTPUTS[b.output].label;
  const top = largestStep(b);
  return `${name}: ${b.scenario}’s median is ${factor(b.end / b.start)} the article’s ${formatRounded(b.start, b.unit)}, the largest step ${top.label} (${factor(top.factor)})`;
}

export function bridgeSpec(b: Bridge, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  const layout = rowLayout(bridgeRows(b, 1).map((r) => r.row), wanted);
  const values = [b.start, b.end, ...b.steps.flatMap((s) => [s.from, s.to])];
  const base = planAxis(values, true, layout.width);
  // Room on the right for the value written at a bar's end (more when narrow: the label is as wide, the axis shorter),
  // and on the left, so that the first and last bars (drawn from the axis start) have length.
  const [lo, hi] = base.domain;
  const plan = { ...base, domain: [lo / (hi / lo) ** 0.08, hi * (hi / lo) ** (layout.narrow ? 0.3 : 0.12)] as [number, number] };
  const rows = bridgeRows(b, plan.domain[0]);
  const unchanged = b.steps.filter((s) => s.factor === 1).map((s) => s.label);
  const axis = rowAxis('row', rows.map((r) => r.row), layout, { bar: 16, step: 26 });
  const y = axis.y;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: bridgeFinding(b),
      subtitle: [
        `Start: ${startWords(b)} · each bar moves one group of inputs to ${b.scenario}’s medians (${b.stepCost} step cost)`,
        `The factors multiply: ${formatRounded(b.start, b.unit)} ${factor(b.end / b.start)} = ${formatRounded(b.end, b.unit)} · log scale, so bar lengths add`,
        ...(unchanged.length > 0 ? [`Unchanged (×1): ${unchanged.join(', ')}`] : []),
      ],
    },
    width: layout.width,
    height: { step: axis.step },
    config: chartConfig(),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: 16 },
        encoding: {
          y,
          x: { field: 'from', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, b.unit, `${labelWithUnit(OUTPUTS[b.output].label, b.unit)}, log scale`, layout) },
          x2: { field: 'to' },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['start', 'raises', 'lowers', 'end'], range: [COLORS.article, COLORS.inputHigh, COLORS.inputLow, COLORS.simulated] },
            legend: { title: null, orient: 'bottom', ...(layout.narrow ? { columns: 2 } : {}), labelExpr: "{start: 'the article', raises: 'raises it', lowers: 'lowers it', end: 'simulated median'}[datum.label]" },
          },
          tooltip: [
            { field: 'row', type: 'nominal', title: 'step' },
            { field: 'label', type: 'nominal', title: 'after' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: FONT_SIZE.mark, color: COLORS.text },
        encoding: { y, x: { field: 'right', type: 'quantitative' }, text: { field: 'label' } },
        transform: [{ calculate: 'max(datum.from, datum.to)', as: 'right' }],
      },
      ...axis.labels,
    ],
  };
}
