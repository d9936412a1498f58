/**
 * `sora-mc backtest`: the fit as a terminal table, as Markdown, and the summary lines under both:
 * per step-cost model, the geometric mean and spread of measured / predicted and how many figures
 * fall inside their P5–P95 bands.
 */
import type { Backtest, BacktestRow, RatioSummary } from '../calibration/backtest.js';
import { rounded } from '../format.js';
import { escapeMarkdown } from '../../reports/markdown.js';
import { textTable, type Column } from './table.js';
import { wrapParagraph } from './wrap.js';

const HEAD = ['figure', 'model', 'setting', 'measured', 'predicted P5–P50–P95', 'measured / P50', 'in P5–P95'];

function cells(row: BacktestRow): string[] {
  const unit = row.kind === 'inference' ? 'GPU-s' : 'GPU-h';
  return [
    row.kind,
    `${row.model}${row.thirdParty ? ' *' : ''}`,
    row.setting,
    `${rounded(row.measured)} ${unit}`,
    `${rounded(row.p5)}–${rounded(row.p50)}–${rounded(row.p95)}`,
    `${rounded(row.ratio, 2)}×`,
    row.inside ? 'yes' : 'no',
  ];
}

/** One summary in words, e.g. `transformer step cost, inference: geometric mean 1.01×, spread ×1.20, 8 of 9 inside P5–P95`. */
export function summaryLine(s: RatioSummary): string {
  return `${s.stepCost} step cost, ${s.kind}: measured / predicted geometric mean ${s.geometricMean.toPrecision(3)}×, ` +
    `geometric spread ×${s.geometricSpread.toFixed(2)}, ${s.inside} of ${s.count} inside P5–P95`;
}

function footer(result: Backtest): string[] {
  const inside = result.rows.filter((r) => r.inside).length;
  return [
    `${inside} of ${result.rows.length} published figures (${Math.round(result.insideShare * 100)}%) inside their P5–P95 bands under ${result.scenario.name}'s ${result.scenario.stepCost} step cost.`,
    ...result.summaries.map(summaryLine),
    `Bands: ${result.samples.toLocaleString('en-US')} draws of the scenario's remaining inputs (seed ${result.seed}); * marks a third-party figure. Inference is GPU-seconds for one clip (wall seconds × GPUs).`,
  ];
}

const COLUMNS: Column[] = HEAD.map((head, i) => ({
  head,
  align: i >= 3 && i <= 5 ? 'right' : 'left',
  ...(head === 'setting' ? { kind: 'prose' as const } : {}),
}));

export function backtestText(result: Backtest, width = Infinity): string {
  const table = textTable(COLUMNS, result.rows.map(cells), width);
  const title = `Backtest of ${result.scenario.name} (${result.scenario.origin}) against the published figures`;
  return [wrapParagraph(title, width, '', '  '), '', table, '', ...footer(result).map((line) => wrapParagraph(line, width, '', '  '))].join('\n');
}

export function backtestMarkdown(result: Backtest): string {
  const e = escapeMarkdown;
  const lines = [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (i >= 3 && i <= 5 ? '---:' : '---')).join(' | ')} |`,
    ...result.rows.map((row) => `| ${cells(row).map(e).join(' | ')} |`),
  ];
  return [`### Backtest of ${e(result.scenario.name)}`, '', ...lines, '', ...footer(result).map((l) => `- ${e(l)}`), ''].join('\n');
}
