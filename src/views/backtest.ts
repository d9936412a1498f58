/**
 * `sora-mc backtest`: the fit as a terminal table and as Markdown — each figure's band with the
 * scenario's ranges (in sample, or out of sample against another set) beside its band held out
 * (ranges refitted without the figure's model) — and the summary lines under both.
 */
import type { Backtest, BacktestRow, FitKind, Prediction, RatioSummary } from '../calibration/backtest.js';
import { rounded } from '../format.js';
import { escapeMarkdown } from '../../reports/markdown.js';
import { textTable, type Align } from './table.js';

const FIT_WORDS: Record<FitKind, string> = { 'in-sample': 'in sample', 'held-out': 'held out', 'out-of-sample': 'out of sample' };

function head(result: Backtest): string[] {
  const own = FIT_WORDS[result.rangesFrom === 'another set' ? 'out-of-sample' : 'in-sample'];
  return ['figure', 'model', 'setting', 'measured', `${own}: P5–P50–P95`, 'meas. / P50', 'inside', 'held out: P5–P50–P95', 'meas. / P50', 'inside'];
}
const ALIGN: Align[] = ['left', 'left', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'left'];

function band(p: Prediction): string[] {
  return [`${rounded(p.p5)}–${rounded(p.p50)}–${rounded(p.p95)}`, `${rounded(p.ratio, 2)}×`, p.inside ? 'yes' : 'no'];
}

function cells(row: BacktestRow): string[] {
  const unit = row.kind === 'inference' ? 'GPU-s' : 'GPU-h';
  const held = 'unavailable' in row.heldOut ? ['—', '', ''] : band(row.heldOut);
  return [
    row.kind,
    `${row.model}${row.thirdParty ? ' *' : ''}${row.counted ? '' : ' †'}`,
    row.setting,
    `${rounded(row.measured)} ${unit}`,
    ...band(row),
    ...held,
  ];
}

/** One summary in words, e.g. `transformer step cost, inference, held out: 11 of 11 inside P5–P95, geometric mean 0.97×, spread ×1.20`. */
export function summaryLine(s: RatioSummary): string {
  const unavailable = s.unavailable > 0 ? `; ${s.unavailable} not predictable held out` : '';
  return `${s.stepCost} step cost, ${s.kind}, ${FIT_WORDS[s.fit]}: ${s.inside} of ${s.count} inside P5–P95, ` +
    `measured / predicted geometric mean ${s.geometricMean.toPrecision(3)}×, geometric spread ×${s.geometricSpread.toFixed(2)}${unavailable}`;
}

/** What the two kinds of figures mean for this backtest, in a sentence each. */
export function fitExplanation(result: Backtest): string[] {
  const name = result.scenario.name;
  const lines: string[] = [];
  if (result.rangesFrom === 'this set') {
    lines.push(`In sample: ${name}'s ranges (${result.refitted.join(', ')}) were fitted from these figures by sora-mc calibrate. Held out: each model's figures predicted from ranges refitted without any of its figures — the test of a prediction for a new model.`);
  } else if (result.rangesFrom === 'another set') {
    lines.push(`Out of sample: ${name}'s ranges were fitted from another calibration set; none of these figures was used.`);
  } else {
    lines.push(`In sample: ${name}'s ranges are not fitted by sora-mc calibrate but were chosen with these figures in view, so nothing here is held out.`);
  }
  const unavailable = result.rows.filter((r) => r.counted && 'unavailable' in r.heldOut);
  if (result.rangesFrom === 'this set' && unavailable.length > 0) {
    const reason = (unavailable.find((r) => 'unavailable' in r.heldOut)!.heldOut as { unavailable: string }).unavailable;
    lines.push(`— ${unavailable.length} figures cannot be predicted held out (e.g. ${reason}).`);
  }
  const other = result.rows.filter((r) => !r.counted);
  if (other.length > 0) lines.push(`† ${other.length} figures on other GPUs are shown, not counted: ${other[0]!.notCounted}.`);
  return lines;
}

function footer(result: Backtest): string[] {
  return [
    ...result.summaries.map(summaryLine),
    ...fitExplanation(result),
    `Bands: ${result.samples.toLocaleString('en-US')} draws of the scenario's remaining inputs (seed ${result.seed}); * marks a third-party figure. Inference is GPU-seconds for one clip (wall seconds × GPUs).`,
  ];
}

export function backtestText(result: Backtest): string {
  const widths = [null, null, 30, null, null, null, null, null, null, null];
  const table = textTable(head(result), result.rows.map(cells), ALIGN, widths);
  return [`Backtest of ${result.scenario.name} (${result.scenario.origin}) against the published figures`, '', table, '', ...footer(result)].join('\n');
}

export function backtestMarkdown(result: Backtest): string {
  const e = escapeMarkdown;
  const columns = head(result);
  const lines = [
    `| ${columns.join(' | ')} |`,
    `| ${ALIGN.map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...result.rows.map((row) => `| ${cells(row).map(e).join(' | ')} |`),
  ];
  return [`### Backtest of ${e(result.scenario.name)}`, '', ...lines, '', ...footer(result).map((l) => `- ${e(l)}`), ''].join('\n');
}
