/** `sora-mc reproduce`: every article figure beside the computed value and whether they agree. */
import { articleFigures, type FigureRow } from '../article/figures.js';
import { significant } from '../format.js';
import { textTable } from './table.js';
import { wrapParagraph } from './wrap.js';

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

export function reproduceText(width = Infinity): string {
  const rows = articleFigures();
  const table = textTable(
    [{ head: 'figure' }, { head: 'case' }, { head: 'article prints', align: 'right' }, { head: 'computed', align: 'right' }, { head: 'unit' }, { head: 'agrees' }],
    rows.map((r) => [r.figure, r.case, r.printedText, computedText(r), r.unit, MARK[r.agreement]]),
    width,
  );
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => wrapParagraph(`${r.figure}${r.case === 'both' ? '' : ` (${r.case})`}: ${r.note}`, width, '* ', '  '));
  const matched = rows.filter((r) => r.agreement !== 'differs').length;
  const summary = `${matched} of ${rows.length} figures agree with the article at its printed precision.`;
  return [table, '', wrapParagraph(summary, width), ...notes].join('\n');
}
