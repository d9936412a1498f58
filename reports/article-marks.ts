/**
 * The article's printed figures for each output a chart shows, taken from src/article/figures.ts
 * (the printed value per figure and case). Outputs the article gives no figure for (the cost per
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

/** Which of the article's figures speaks to which output. */
const FIGURE_OF: Partial<Record<OutputKey, string>> = {
  trainH100s: 'H100s for one month',
  trainFlops: 'Training compute',
  crossoverMinutes: 'Inference/training crossover',
  videoMinutesPerGpuHour: 'Video per H100-hour',
  inferenceH100sPeak: 'Inference fleet, peak',
  inferenceH100sAverage: 'Inference fleet, average',
  flopsPerVideoMinute: 'Per unit output: Sora minute',
  ditImageFlops: 'Per unit output: DiT-XL image',
  aiMinutesPerDay: 'AI video minutes per day',
  stepFlops: 'Per-step inference',
};

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
  const figure = FIGURE_OF[key];
  if (figure === undefined) return [];
  return articleFigures().filter((row) => row.figure === figure).map(toMark);
}

/** The article's figure named `figure` (the first case when it prints two). */
export function articleFigure(figure: string): FigureRow {
  const row = articleFigures().find((r) => r.figure === figure);
  if (!row) throw new Error(`the article has no figure named ${figure}`);
  return row;
}
