/** `sora-mc run`: the headline outputs of a Result as a table (P10, P50, P90 with intervals). */
import { readerNumber, readerRange } from '../format.js';
import { HEADLINE_OUTPUTS, OUTPUTS } from '../model/outputs.js';
import { percentile } from '../result/percentile.js';
import type { Result } from '../result/types.js';
import { outputLabel } from '../../reports/fleet-wording.js';
import { textTable } from './table.js';
import { wrapParagraph } from './wrap.js';

/** The headline label, with the run length where the output depends on it. */
export function headlineLabel(result: Result, key: (typeof HEADLINE_OUTPUTS)[number]): string {
  if (key !== 'trainH100s') return outputLabel(result, key);
  const days = result.scenario.inputs.trainDays;
  return days.spec.dist === 'fixed' ? `${OUTPUTS[key].label} (${days.p50}-day run)` : OUTPUTS[key].label;
}

/** The sampling method when it is not plain Monte Carlo: ` (scrambled Sobol, 8 replicates)`. */
function samplingWords(run: Result['run']): string {
  if (run.sampling === 'monte-carlo') return '';
  if (run.sampling === 'latin-hypercube') return ' (Latin hypercube)';
  return ` (scrambled Sobol, ${run.replicates} replicates)`;
}

export function runText(result: Result, written?: string, besideReport = false, width = Infinity): string {
  const rows = HEADLINE_OUTPUTS.map((key) => {
    const stats = result.outputs[key];
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((p) => readerNumber(percentile(stats, p).value, stats.unit));
    const median = percentile(stats, 0.5);
    // An interval that falls short of 95% (too few samples) says what it covers instead.
    const covers = median.coverage === undefined ? '' : ` (covers ${Math.floor(median.coverage * 100)}%)`;
    const interval = `${readerRange(median.lower, median.upper, stats.unit)}${covers}`;
    return [headlineLabel(result, key), p10!, p50!, p90!, stats.unit, interval];
  });
  const { run, scenario } = result;
  const interval = HEADLINE_OUTPUTS.some((key) => percentile(result.outputs[key], 0.5).coverage !== undefined) ? 'P50 interval' : 'P50 95% CI';
  const lines = [
    wrapParagraph(`${scenario.name}: ${run.samples.toLocaleString('en-US')} samples${samplingWords(run)}, seed ${run.seed}, ${scenario.stepCost} step cost, ${run.workers} worker${run.workers === 1 ? '' : 's'}, ${(run.elapsedMs / 1000).toFixed(2)} s`, width, '', '  '),
    '',
    textTable([{ head: 'output' }, ...['P10', 'P50', 'P90'].map((head) => ({ head, align: 'right' as const })), { head: 'unit' }, { head: interval }], rows, width),
  ];
  if (run.precision) lines.push('', wrapParagraph(`precision: ${run.precision.statement}; batches ${run.precision.trace.map((b) => b.samples.toLocaleString('en-US')).join(', ')}`, width, '', '  '));
  if (written) lines.push('', wrapParagraph(`Result written to ${written}${besideReport ? " (the folder holds a report: its own result.json, the one its charts were drawn from, is left as it was)" : ''}`, width, '', '  '));
  return lines.join('\n');
}
