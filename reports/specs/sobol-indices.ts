/**
 * Beside a tornado: the Sobol indices of one headline output (reports/sobol-indices.ts;
 * src/sensitivity/saltelli.ts). One row per uncertain input with a detectable effect, largest first:
 * a bar for its total index (the share of the variance of log(output) it explains with its
 * interactions) with the bootstrap interval as a whisker, and a tick at its first-order index (the
 * share it explains alone).
 *
 * What is shown is what the estimate supports: indices are shares, so estimates and intervals are
 * clipped to 0–100% (a finite design strays slightly outside); a first-order index is at most its
 * total, so a first-order estimate above the total (sampling noise) is shown at the total; an input
 * whose total-index interval reaches 0 has no detectable effect and is listed as such, not drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { InputKey } from '../../src/model/inputs.js';
import type { OutputKey } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import type { SensitivityAnalysis } from '../../src/sensitivity/saltelli.js';
import type { SobolIndex } from '../../src/stats/sobol-indices.js';
import type { InputAssumption } from '../../src/scenario/types.js';
import { outputLabel, outputSubject } from '../fleet-wording.js';
import { INPUT_LABELS, inputName } from '../input-labels.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { wrappedTitle } from './axis-plan.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { labelWidth } from './text-width.js';

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

/** A share in whole percent, `<1%` below one: finer digits would claim more than the intervals support. */
const percent = (x: number) => (x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);

const clip = (x: number) => Math.min(1, Math.max(0, x));

function clipped(index: SobolIndex): SobolIndex {
  return { estimate: clip(index.estimate), lower: clip(index.lower), upper: clip(index.upper) };
}

/** Whether an input's total index is detectably above 0 (its interval excludes 0). */
export function detectable(total: SobolIndex): boolean {
  return total.lower > 0;
}

/**
 * Two rows (first-order, total) per input with a detectable effect on `key`, largest total first,
 * clipped to what is estimable: every value in 0–1, the first-order index at most the total.
 */
export function sobolRows(analysis: SensitivityAnalysis, key: OutputKey, inputs?: Partial<Record<InputKey, InputAssumption>>): SobolRow[] {
  const output = analysis.outputs.find((o) => o.output === key);
  if (!output?.first || !output.total) return [];
  const { first, total } = output;
  const order = analysis.inputs.map((_, i) => i).filter((i) => detectable(total[i]!)).sort((i, j) => total[j]!.estimate - total[i]!.estimate);
  return order.flatMap((i) => {
    const input = analysis.inputs[i]!;
    const row = inputs?.[input] ? inputName(input, inputs[input]) : INPUT_LABELS[input];
    const t = clipped(total[i]!);
    const raw = clipped(first[i]!);
    const f = { estimate: Math.min(raw.estimate, t.estimate), lower: Math.min(raw.lower, t.estimate), upper: Math.min(raw.upper, t.upper) };
    return [
      { input, row, kind: FIRST, ...f, label: percent(f.estimate) },
      { input, row, kind: TOTAL, ...t, label: percent(t.estimate) },
    ];
  });
}

/** The inputs whose effect on `key` is not detectable (their total-index interval reaches 0). */
export function undetectedInputs(analysis: SensitivityAnalysis, key: OutputKey): InputKey[] {
  const output = analysis.outputs.find((o) => o.output === key);
  if (!output?.total) return [];
  return analysis.inputs.filter((_, i) => !detectable(output.total![i]!));
}

/**
 * The Sobol chart of `key`. `alsoFor`: other outputs whose indices are the same within their
 * intervals (the report draws one chart for them all and says so).
 */
export function sobolSpec(result: Result, analysis: SensitivityAnalysis, key: OutputKey, wanted: ChartLayout = DESKTOP, alsoFor: readonly OutputKey[] = []): TopLevelSpec {
  const rows = sobolRows(analysis, key, result.scenario.inputs);
  const layout = rowLayout(rows.map((r) => r.row), wanted);
  const output = analysis.outputs.find((o) => o.output === key)!;
  const undetected = undetectedInputs(analysis, key).map((input) => INPUT_LABELS[input]);
  const totals = rows.filter((r) => r.kind === TOTAL);
  const top = totals[0];
  const level = Math.round(analysis.confidence * 100);
  const subject = [key, ...alsoFor].map((k) => outputSubject(result, k));
  const subjects = subject.length > 1 ? `${subject.slice(0, -1).join(', ')} and ${subject.at(-1)}` : subject[0]!;
  // Labels read `48%`, or `48% (30% alone)` where interactions add more than five points.
  const labelled = totals.map((t) => {
    const f = rows.find((r) => r.kind === FIRST && r.input === t.input)!;
    return { ...t, text: t.estimate - f.estimate > 0.05 ? `${t.label} (${f.label} alone)` : t.label };
  });
  const axis = rowAxis('row', totals.map((r) => r.row), layout, { bar: 16, step: 26 });
  const y = axis.y;
  // The axis runs past 100% only as far as the labels after the whiskers need; its ticks stop at 100%.
  const end = Math.max(1, ...labelled.map((t) => t.upper + (labelWidth(t.text) + 10) / layout.width));
  const ticks = Array.from({ length: layout.narrow ? 5 : 11 }, (_, i) => i / (layout.narrow ? 4 : 10));
  const x = {
    field: 'estimate',
    type: 'quantitative' as const,
    scale: { domain: [0, end], nice: false },
    axis: { format: '.0%', values: ticks, title: wrappedTitle(`Share of the variance of ${output.scale === 'log' ? `log(${outputLabel(result, key)})` : outputLabel(result, key)}`, layout.width, layout), grid: true },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: top
        ? `${INPUT_LABELS[top.input as InputKey]} explains about ${top.label} of the spread of ${subjects}`
        : `No uncertain input has a detectable effect on ${subjects}`,
      subtitle: [
        `Bar: total Sobol index (alone and through interactions), whisker its ${level}% bootstrap interval; tick: first-order index (alone)`,
        `${analysis.baseSamples.toLocaleString('en-US')} rows per Saltelli matrix; values clipped to 0–100%, first-order at most total`,
        ...(alsoFor.length > 0 ? [`The same inputs explain ${alsoFor.map((k) => outputSubject(result, k)).join(' and ')} by the same shares (within the intervals): one chart for all`] : []),
        ...(analysis.correlationsIgnored.length > 0 ? ['Inputs drawn independently here: the scenario’s correlations are not applied'] : []),
        ...(undetected.length > 0 ? [`No detectable effect (interval reaches 0): ${undetected.join(', ')}`] : []),
      ],
    },
    width: layout.width,
    height: { step: axis.step },
    config: chartConfig(),
    layer: [
      {
        data: { values: totals },
        mark: { type: 'bar', height: 16, color: COLORS.inputLow },
        encoding: {
          y,
          x,
          tooltip: [
            { field: 'row', type: 'nominal', title: 'input' },
            { field: 'estimate', type: 'quantitative', title: 'total index', format: '.1%' },
            { field: 'lower', type: 'quantitative', title: `${level}% interval from`, format: '.1%' },
            { field: 'upper', type: 'quantitative', title: 'to', format: '.1%' },
          ],
        },
      },
      {
        data: { values: rows.filter((r) => r.kind === FIRST) },
        mark: { type: 'tick', color: COLORS.inputHigh, thickness: 3, size: 16 },
        encoding: { y, x: { field: 'estimate', type: 'quantitative' }, tooltip: [{ field: 'estimate', type: 'quantitative', title: 'first-order index', format: '.1%' }] },
      },
      {
        data: { values: totals },
        mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
      },
      {
        data: { values: labelled },
        mark: { type: 'text', align: 'left', dx: 5, fontSize: FONT_SIZE.mark, color: COLORS.text },
        encoding: { y, x: { field: 'upper', type: 'quantitative' }, text: { field: 'text' } },
      },
      ...axis.labels,
    ],
  };
}
