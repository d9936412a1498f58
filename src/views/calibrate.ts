/**
 * `sora-mc calibrate`: each fitted input's range beside the scenario's, the per-model values it
 * rests on, the method, and the verdict (exit 0 agrees, 1 differs).
 */
import type { FitUnit } from '../calibration/fit.js';
import type { CalibrateOutcome } from '../calibration/scenario-fit.js';
import { display } from '../paths.js';
import { significant } from '../format.js';
import { textTable } from './table.js';
import { wrapParagraph } from './wrap.js';

function units(list: readonly FitUnit[]): string {
  return list.map((u) => `${u.model} ${significant(u.value, 3)} (${u.runs} run${u.runs === 1 ? '' : 's'})`).join('; ');
}

export function calibrateText(outcome: CalibrateOutcome, width = Infinity): string {
  const rows = outcome.inputs.map(({ key, range, now, agrees }) => [
    key,
    range.fitted ? `${significant(range.p5, 3)}–${significant(range.p50, 3)}–${significant(range.p95, 3)}` : 'not fitted',
    range.fitted ? `${range.runs} figures of ${range.interval.n} models` : range.reason,
    now,
    outcome.marked ? (agrees ? 'agrees' : 'DIFFERS') : '',
  ]);
  const columns = [
    { head: 'input' }, { head: 'fitted P5–P50–P95', align: 'right' as const }, { head: 'from', kind: 'prose' as const },
    { head: `${outcome.scenario.name} now`, kind: 'prose' as const }, { head: '' },
  ];
  const table = textTable(columns, rows, width);
  const lines = [
    wrapParagraph(`Fit of ${outcome.scenario.name} (${display(outcome.scenario.origin)}) to ${display(outcome.calibration)}`, width, '', '  '),
    '',
    table,
    '',
    'What each model implies:',
    ...outcome.inputs.map(({ key }) => wrapParagraph(`${key}: ${units(outcome.fit.units.filter((u) => u.key === key))}`, width, '  ', '    ')),
    '',
    wrapParagraph('Method: each figure, run through the model at its own shape and setting, implies the input; each model contributes the ' +
      'mean of its figures on the log scale; the range is the 90% prediction interval for a new model (Student t, n − 1 degrees ' +
      'of freedom), written as the lognormal with that P5 and P95. Inference figures count on GPUs with the scenario’s peak only.', width, '', ''),
  ];
  const result: string[] = [];
  if (outcome.written) lines.push('', `wrote ${display(outcome.written)}`);
  if (!outcome.marked) result.push(`result: ${outcome.scenario.name} marks no input as fitted (basis: fitted); the fit is shown, nothing checked (exit 0)`);
  else if (outcome.exitCode === 0) result.push('result: every fitted input holds the range the set gives (exit 0)');
  else result.push(`result: ${outcome.inputs.filter((i) => !i.agrees).map((i) => i.key).join(', ')} differ from the set's fit (exit 1): sora-mc calibrate ${display(outcome.scenario.origin.replace(/^builtin:/, ''))} --out FILE writes the scenario refitted`);
  return [...lines, '', ...result.map((line) => wrapParagraph(line, width, '', '  '))].join('\n');
}

export function calibrateJson(outcome: CalibrateOutcome): unknown {
  return outcome;
}
