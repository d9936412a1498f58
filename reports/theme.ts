/**
 * The look every chart shares: one colour per kind of figure (the simulated band, the article's
 * figures, published models, fixed references), one font, readable sizes. Charts take their
 * `config` from here so an SVG, a PNG and the HTML page look alike.
 */
import type { Config } from 'vega-lite';
import { deepFrozen } from '../src/frozen.js';

/** Colours by meaning, the same in every chart. */
export const COLORS = deepFrozen({
  /** The simulated distribution: bands, medians, histograms. */
  simulated: '#2563eb',
  /** A second simulated quantity beside the first (training next to inference). */
  simulatedAlt: '#7c3aed',
  /** The article's printed figures. */
  article: '#ea580c',
  /** Published models and prices (reference/video-models.json). */
  published: '#059669',
  /** Fixed reference quantities (daily upload volumes). */
  reference: '#6b7280',
  /** Tornado: the input in its bottom and in its top decile. */
  inputLow: '#93c5fd',
  inputHigh: '#1e40af',
  text: '#1f2937',
  muted: '#4b5563',
} as const);

/** Opacity of a P10–P90 band. */
export const BAND_OPACITY = 0.22;

/**
 * The chart font: DejaVu Sans ships with the package (npm `dejavu-fonts-ttf`) and is what the PNG
 * renderer loads; browsers without it fall back to the next family.
 */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT = `${FONT_FAMILY}, Verdana, Arial, sans-serif`;

export const FONT_SIZE = deepFrozen({ title: 17, subtitle: 12.5, axisTitle: 12.5, axisLabel: 12, mark: 11.5, legend: 12 } as const);

/** Plot size of a standard chart (the axes and titles come on top). */
export const WIDTH = 640;
export const HEIGHT = 300;

/** The Vega-Lite config every chart carries. */
export function chartConfig(): Config {
  return {
    font: FONT,
    background: 'white',
    padding: 12,
    view: { stroke: null },
    title: {
      anchor: 'start',
      fontSize: FONT_SIZE.title,
      fontWeight: 'bold',
      color: COLORS.text,
      subtitleFontSize: FONT_SIZE.subtitle,
      subtitleColor: COLORS.muted,
      subtitlePadding: 6,
      offset: 14,
    },
    axis: {
      labelFontSize: FONT_SIZE.axisLabel,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: 'normal',
      titleColor: COLORS.text,
      labelColor: COLORS.text,
      gridColor: '#e5e7eb',
      domainColor: '#9ca3af',
      tickColor: '#9ca3af',
    },
    legend: {
      labelFontSize: FONT_SIZE.legend,
      titleFontSize: FONT_SIZE.legend,
      orient: 'bottom',
      direction: 'horizontal',
      titleFontWeight: 'normal',
      symbolStrokeWidth: 2,
      labelLimit: 0,
    },
    text: { fontSize: FONT_SIZE.mark, color: COLORS.text },
  };
}
