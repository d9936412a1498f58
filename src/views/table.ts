/**
 * Aligned text tables for the terminal that fit a width: columns two spaces apart, a rule under the
 * heads, cells padded by their width in terminal cells (wrap.ts).
 *
 * Fitting: a table wider than the width first wraps the heads of its number columns, then its prose
 * columns (down to a floor, breaking a long word if it must), then its other text columns (at
 * spaces only, never narrower than their longest word), widest column first; numbers are never
 * wrapped or cut. A table that still cannot
 * fit is printed as one block per row (its name, then `head: value` fields), which fits any width
 * a number fits in; so is a squeezed table that would take more lines than the blocks. Headers wrap
 * at spaces like text.
 */
import { cells, glue, longestWord, textWidth, wrapCell, wrapGlued } from './wrap.js';

export type Align = 'left' | 'right';

/**
 * `number`: never wrapped (the default for a right-aligned column); `text`: wrapped at spaces, never
 * narrower than its longest word (the default for a left-aligned one); `prose`: wrapped first, and
 * down to PROSE_FLOOR cells, breaking a longer word (descriptions, sources, settings).
 */
export type ColumnKind = 'number' | 'text' | 'prose';

export interface Column {
  head: string;
  align?: Align;
  kind?: ColumnKind;
}

/** Cells between two columns. */
const GAP = 2;
/** The narrowest a prose column is made (breaking words longer than this if it must). */
export const PROSE_FLOOR = 16;
/** A text value at most this wide stays on one line with its head in a row block. */
const SHORT_TEXT = 24;
/** Indents of a row block's fields and of their continuation lines. */
const FIELD_INDENT = '  ';
const CONTINUATION_INDENT = '    ';
const GLUE_SPACE = glue(' ');
/** Row blocks longer than this many lines are set apart by blank lines. */
const BLANK_AFTER = 3;

interface Sized {
  kind: ColumnKind;
  natural: number;
  min: number;
}

function kindOf(column: Column): ColumnKind {
  return column.kind ?? (column.align === 'right' ? 'number' : 'text');
}

function size(column: Column, cells: readonly string[]): Sized {
  const kind = kindOf(column);
  const natural = Math.max(textWidth(column.head), ...cells.map(textWidth));
  const headMin = longestWord(column.head);
  const cellMin = kind === 'number' ? Math.max(0, ...cells.map(textWidth)) : Math.max(0, ...cells.map(longestWord));
  const min = kind === 'prose' ? Math.min(natural, Math.max(headMin, PROSE_FLOOR)) : Math.max(headMin, cellMin);
  return { kind, natural, min };
}

/** Column widths that fit `width`, or undefined when even the narrowest do not. */
function fitWidths(sized: readonly Sized[], width: number): number[] | undefined {
  const gaps = GAP * (sized.length - 1);
  const widths = sized.map((s) => s.natural);
  const total = () => widths.reduce((a, b) => a + b, 0) + gaps;
  if (total() <= width) return widths;
  if (sized.reduce((a, s) => a + s.min, 0) + gaps > width) return undefined;
  let excess = total() - width;
  // First the heads of number columns (what a head has beyond its widest number: the head wraps), then prose, then text.
  for (const tier of ['number', 'prose', 'text'] as const) {
    while (excess > 0) {
      // The widest column of this tier that can still give a cell.
      let widest = -1;
      sized.forEach((s, i) => {
        if (s.kind === tier && widths[i]! > s.min && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]! -= 1;
      excess -= 1;
    }
  }
  return widths;
}

/** Pads `text` to `width` cells on the side its alignment leaves open. */
function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - cells(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The table drawn: each row as many lines as its tallest cell, columns GAP apart, a rule under the heads. */
function render(columns: readonly Column[], rows: readonly (readonly string[])[], widths: readonly number[]): string {
  const lines = (row: readonly string[]) => {
    const split = row.map((cell) => cell.split('\n'));
    const height = Math.max(1, ...split.map((cell) => cell.length));
    return Array.from({ length: height }, (_, k) =>
      columns.map((column, j) => pad(split[j]![k] ?? '', widths[j]!, column.align ?? 'left')).join(' '.repeat(GAP)).trimEnd(),
    );
  };
  const head = lines(columns.map((c) => c.head));
  const body = rows.flatMap(lines);
  const ruleWidth = Math.max(0, ...[...head, ...body].map(cells));
  return [...head, '─'.repeat(ruleWidth), ...body].join('\n');
}

/**
 * One block per row: its name (the cells up to the first headed column), then its fields in column
 * order — runs of short ones flowed as `head: value · head: value` (a number never split from its
 * head), each prose one on lines of its own — indented under the name.
 */
function rowBlocks(columns: readonly Column[], rows: readonly (readonly string[])[], width: number): string {
  const titleCells = columns.findIndex((c) => c.head !== '') + 1;
  const blocks = rows
    .map((row) => {
      const title = wrapCell(row.slice(0, titleCells).filter(Boolean).join('  '), width, true);
      const lines: string[] = [];
      let run: string[] = [];
      const flush = () => {
        if (run.length > 0) lines.push(wrapGlued(run.join(' · '), width, FIELD_INDENT, CONTINUATION_INDENT));
        run = [];
      };
      columns.slice(titleCells).forEach((column, j) => {
        const value = row[titleCells + j] ?? '';
        if (value === '') return;
        if (kindOf(column) === 'prose') {
          flush();
          const wrapped = wrapCell(`${column.head}: ${value}`, width - CONTINUATION_INDENT.length, true).split('\n');
          lines.push(wrapped.map((line, k) => `${k === 0 ? FIELD_INDENT : CONTINUATION_INDENT}${line}`).join('\n'));
        } else {
          // A number, or a short text, stays on one line with its head.
          const whole = kindOf(column) === 'number' || textWidth(value) <= SHORT_TEXT;
          run.push(`${glue(`${column.head}:`)}${GLUE_SPACE}${whole ? glue(value) : value}`);
        }
      });
      flush();
      return [title, ...lines].join('\n');
    });
  // Short blocks read apart by their indents; longer ones get a blank line between them.
  const short = blocks.every((block) => block.split('\n').length <= BLANK_AFTER);
  return blocks.join(short ? '\n' : '\n\n');
}

/**
 * A table of `rows` (one string per column) under `columns`' heads, fitting `width` cells
 * (Infinity: each column as wide as its widest cell).
 */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = Infinity): string {
  const sized = columns.map((column, j) => size(column, rows.map((row) => row[j] ?? '')));
  const widths = fitWidths(sized, width);
  if (!widths) return rowBlocks(columns, rows, width);
  const wrap = (text: string, j: number) => (widths[j]! < sized[j]!.natural ? wrapCell(text, widths[j]!, sized[j]!.kind === 'prose') : text);
  const table = render(
    columns.map((column, j) => ({ ...column, head: wrap(column.head, j) })),
    rows.map((row) => columns.map((_, j) => wrap(row[j] ?? '', j))),
    widths,
  );
  if (!Number.isFinite(width) || widths.every((w, j) => w === sized[j]!.natural)) return table;
  // Squeezed: whichever of the table and the row blocks takes fewer lines (a narrow prose column runs long).
  const blocks = rowBlocks(columns, rows, width);
  return blocks.split('\n').length < table.split('\n').length ? blocks : table;
}
