/** `sora-mc reproduce`: every article figure beside the computed value and whether they agree. */
import { articleFigures, type FigureRow } from '../article/figures.js';
import { significant } from '../format.js';
import { textTable } from './table.js';

const MARK: Record<FigureRow['agreement'], string> = {
  match: 'yes',
  'last-digit': 'yes, to the last digit*',
  differs: 'NO*',
};

function computedText(row: FigureRow): string {
  const digits = 'significant' in row.precision ? row.precision.significant + 2 : 5;
  const x = row.computed;
  return Math.abs(x) >= 1e5 ? x.toExponential(digits - 1).replace('e+', 'e') : significant(x, digits);
}

export function reproduceJson() {
  return articleFigures();
}

export function reproduceText(): string {
  const rows = articleFigures();
  const table = textTable(
    ['figure', 'case', 'article prints', 'computed', 'unit', 'agrees'],
    rows.map((r) => [r.figure, r.case, r.printedText, computedText(r), r.unit, MARK[r.agreement]]),
    ['left', 'left', 'right', 'right'],
  );
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `* ${r.figure}${r.case === 'both' ? '' : ` (${r.case})`}: ${r.note}`);
  const matched = rows.filter((r) => r.agreement !== 'differs').length;
  const summary = `${matched} of ${rows.length} figures agree with the article at its printed precision.`;
  return [table, '', summary, ...notes].join('\n');
}
