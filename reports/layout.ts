/**
 * The width a chart is laid out for. A desktop chart keeps its row labels on the y axis; a phone
 * chart (narrow) puts them above the bars, shortens and wraps its labels and uses fewer ticks, so
 * that its text is drawn at full size in a phone's column instead of the whole chart being scaled
 * down until it cannot be read.
 */
import { WIDTH } from './theme.js';

export interface ChartLayout {
  /** Plot width in pixels (axes, labels and padding come on top). */
  width: number;
  narrow: boolean;
}

export const DESKTOP: ChartLayout = { width: WIDTH, narrow: false };

/** A plot of 260 px: with axis labels and padding about 330 px, inside a 360 px phone's column. */
export const PHONE: ChartLayout = { width: 260, narrow: true };

/** The page draws the phone layout in a column narrower than this (CSS px). */
export const NARROW_BELOW = 720;
