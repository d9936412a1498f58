/**
 * Chart 6b, beside each tornado: the first-order and total Sobol indices of one headline output
 * (reports/sobol.ts; src/sensitivity/saltelli.ts), with their bootstrap intervals as whiskers. One
 * row per uncertain input the output reads (total index above 0), largest total first; the share of
 * the variance of log(output) each input explains alone (first-order) and with its interactions (total).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutputKey } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import type { SensitivityAnalysis } from '../../src/sensitivity/saltelli.js';
import { outputLabel, outputSubject } from '../fleet-wording.js';
import { INPUT_LABELS } from '../input-labels.js';
import { chartConfig, COLORS, FONT_SIZE, WIDTH } from '../theme.js';
import { scenarioLine } from './subtitle.js';
import { listLines } from './text-width.js';

export const FIRST = 'first-order (alone)';
export const TOTAL = 'total (with interactions)';

export interface SobolRow {
  input: string;
  row: string;
  kind: typeof FIRST | typeof TOTAL;
  estimate: number;
  lower: number;
  upper: number;
  label: string;
}

const percent = (x: number) => `${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** Two rows (first-order, total) per input that `key` reads, largest total index first. */
export function sobolRows(analysis: SensitivityAnalysis, key: OutputKey): SobolRow[] {
  const output = analysis.outputs.find((o) => o.output === key);
  if (!output?.first || !output.total) return [];
  const { first, total } = output;
  const order = analysis.inputs.map((_, i) => i).filter((i) => total[i]!.upper > 0).sort((i, j) => total[j]!.estimate - total[i]!.estimate);
  return order.flatMap((i) => {
    const input = analysis.inputs[i]!;
    const row = INPUT_LABELS[input];
    return [
      { input, row, kind: FIRST, ...first[i]!, label: percent(first[i]!.estimate) },
      { input, row, kind: TOTAL, ...total[i]!, label: percent(total[i]!.estimate) },
    ];
  });
}

export function sobolSpec(result: Result, analysis: SensitivityAnalysis, key: OutputKey): TopLevelSpec {
  const rows = sobolRows(analysis, key);
  const output = analysis.outputs.find((o) => o.output === key)!;
  const read = new Set(rows.map((r) => r.input));
  const silent = analysis.inputs.filter((input) => !read.has(input)).map((input) => INPUT_LABELS[input]);
  const top = rows.find((r) => r.kind === TOTAL);
  const level = Math.round(analysis.confidence * 100);
  const lowest = Math.min(0, ...rows.map((r) => r.lower));
  const highest = Math.max(0.05, ...rows.map((r) => r.upper));
  const y = { field: 'row', type: 'nominal' as const, sort: [...new Set(rows.map((r) => r.row))], axis: { title: null, labelLimit: 0, labelFontSize: FONT_SIZE.axisLabel } };
  const x = { field: 'estimate', type: 'quantitative' as const, scale: { domain: [lowest, Math.min(1.05, highest * 1.15)], nice: false }, axis: { format: '.0%', title: `Share of the variance of ${output.scale === 'log' ? `log(${outputLabel(result, key)})` : outputLabel(result, key)}`, tickCount: 6 } };
  const color = { field: 'kind', type: 'nominal' as const, scale: { domain: [FIRST, TOTAL], range: [COLORS.inputLow, COLORS.inputHigh] }, legend: { title: null, orient: 'bottom' as const } };
  const yOffset = { field: 'kind', type: 'nominal' as const, sort: [FIRST, TOTAL], scale: { paddingInner: 0.1 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Which assumptions explain the spread of ${outputSubject(result, key)}?`,
      subtitle: [
        top ? `Largest: ${top.row}, ${top.label} of the variance (total index)` : 'No uncertain input moves it',
        scenarioLine(result),
        `Sobol indices, ${analysis.baseSamples.toLocaleString('en-US')} rows per Saltelli matrix · whiskers: ${level}% bootstrap intervals`,
        ...(analysis.correlationsIgnored.length > 0 ? ['Inputs drawn independently here: the scenario’s correlations are not applied'] : []),
        ...(silent.length > 0 ? listLines('Left out, not read by this output: ', silent) : []),
      ],
    },
    width: WIDTH,
    // The step is per index (yOffset band): two of them and the padding make a row about as tall as a tornado row.
    height: { step: 13 },
    config: chartConfig(),
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 } },
        encoding: {
          x,
          color,
          tooltip: [
            { field: 'row', type: 'nominal', title: 'input' },
            { field: 'kind', type: 'nominal', title: 'index' },
            { field: 'estimate', type: 'quantitative', title: 'estimate', format: '.1%' },
            { field: 'lower', type: 'quantitative', title: `${level}% interval from`, format: '.1%' },
            { field: 'upper', type: 'quantitative', title: 'to', format: '.1%' },
          ],
        },
      },
      { mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.2 }, encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: FONT_SIZE.mark - 1, color: COLORS.text },
        encoding: { x: { field: 'upper', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
