/** Plain aligned text tables for the terminal (cli-table3 with borders drawn as spaces and rules). */
import Table from 'cli-table3';

export type Align = 'left' | 'right';

/**
 * @param widths optional column widths; a column given one wraps its text at word boundaries
 */
export function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  widths: readonly (number | null)[] = [],
): string {
  const table = new Table({
    head: [...head],
    ...(widths.length > 0 ? { colWidths: head.map((_, i) => widths[i] ?? null), wordWrap: true } : {}),
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '─', 'mid-mid': '─', right: '', 'right-mid': '', middle: '',
    },
  });
  table.push(...rows.map((row) => [...row]));
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}
