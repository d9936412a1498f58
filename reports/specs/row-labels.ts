/**
 * Row charts (a bar per row: the bridge, tornado, Sobol, what-if, comparison, reality check): on a
 * desktop each row's name is a y-axis label beside its bar; laid out narrow, the axis draws no labels
 * and each name is written above its bar, wrapped to the plot's width, so the plot keeps the whole
 * width of a phone's column and the names stay at full size.
 */
import type { ChartLayout } from '../layout.js';
import { COLORS, FONT_SIZE } from '../theme.js';
import type { Layer } from './layer.js';
import { labelWidth, wrapWords } from './text-width.js';

const LINE = FONT_SIZE.axisLabel + 3;

export interface RowAxisOptions {
  /** The bar's height in pixels. */
  bar: number;
  /** The row step on a desktop. */
  step: number;
  /** Desktop: the widest a y-axis label may be (0: no limit). */
  labelLimit?: number;
  /** Narrow: the text written above a row (default: the row's name). */
  above?: (row: string) => string;
}

export interface RowAxis {
  /** The y encoding every layer shares. */
  y: { field: string; type: 'nominal'; sort: string[]; axis: Record<string, unknown> };
  /** Pixels per row. */
  step: number;
  /** Narrow: the layer writing each row's name above its bar; none on a desktop. */
  labels: Layer[];
}

/** The y axis of a row chart with rows `rows` (in order) in field `field`. */
export function rowAxis(field: string, rows: readonly string[], layout: ChartLayout, options: RowAxisOptions): RowAxis {
  if (!layout.narrow) {
    return {
      y: { field, type: 'nominal', sort: [...rows], axis: { title: null, labelLimit: options.labelLimit ?? 0, labelFontSize: FONT_SIZE.axisLabel } },
      step: options.step,
      labels: [],
    };
  }
  const wrapped = rows.map((row) => wrapWords((options.above ?? ((r: string) => r))(row), layout.width, FONT_SIZE.axisLabel));
  const lines = Math.max(1, ...wrapped.map((w) => w.length));
  // Every label padded at the front to the same number of lines, so one offset puts each label's last line just above its bar.
  const values = rows.map((row, i) => ({ [field]: row, rowLines: [...new Array<string>(lines - wrapped[i]!.length).fill(''), ...wrapped[i]!] }));
  const y = { field, type: 'nominal' as const, sort: [...rows], axis: { title: null, labels: false, ticks: false, domain: false } };
  return {
    y,
    step: options.bar + lines * LINE + 8,
    labels: [
      {
        data: { values },
        mark: { type: 'text', align: 'left', baseline: 'bottom', x: 0, dy: -(options.bar / 2 + 3) - (lines - 1) * LINE, lineHeight: LINE, fontSize: FONT_SIZE.axisLabel, color: COLORS.text },
        encoding: { y, text: { field: 'rowLines' } },
      },
    ],
  };
}

/** The widest a desktop chart may be in all (the report's column at 1280 px, less the chart's padding). */
export const DESKTOP_CHART_WIDTH = 900;

/**
 * A row chart's layout with room for its row names: on a desktop the plot gives up width to the
 * names (down to 400 px), so the whole chart fits the report's column unscaled; narrow layouts are
 * unchanged (names go above the bars).
 */
export function rowLayout(names: readonly string[], layout: ChartLayout, reserve = 0): ChartLayout {
  if (layout.narrow) return layout;
  const widest = Math.max(0, ...names.map((n) => labelWidth(n, FONT_SIZE.axisLabel)));
  return { ...layout, width: Math.max(400, Math.min(layout.width, DESKTOP_CHART_WIDTH - widest - reserve - 16)) };
}
