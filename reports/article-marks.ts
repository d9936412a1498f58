/**
 * The article's printed figures for each output a chart shows, taken from src/article/figures.ts
 * (the printed value per figure and case, and the output each figure speaks to). Outputs the article gives no figure for (the cost per
 * video minute) get none: nothing is invented.
 */
import { articleFigures, type FigureRow } from '../src/article/figures.js';
import type { OutputKey } from '../src/model/outputs.js';

export interface ArticleMark {
  value: number;
  /** As the article prints it, e.g. `4,211`. */
  text: string;
  /** A short label for a chart, e.g. `article 4,211 (conservative)`. */
  label: string;
  note?: string;
}

function toMark(row: FigureRow): ArticleMark {
  const mark: ArticleMark = {
    value: row.printed,
    text: row.printedText,
    label: row.case === 'both' ? `article ${row.printedText}` : `article ${row.printedText} (${row.case})`,
  };
  if (row.note !== undefined) mark.note = row.note;
  return mark;
}

/** The article's figures for `key`, in the article's order (conservative before optimistic). */
export function articleMarks(key: OutputKey): ArticleMark[] {
  return articleFigures().filter((row) => row.output === key).map(toMark);
}

/** The article's figure named `figure` (the first case when it prints two). */
export function articleFigure(figure: string): FigureRow {
  const row = articleFigures().find((r) => r.figure === figure);
  if (!row) throw new Error(`the article has no figure named ${figure}`);
  return row;
}
