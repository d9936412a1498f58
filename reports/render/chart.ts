/**
 * One chart from spec to files: Vega-Lite compiled by Vega-Lite, drawn to SVG by Vega's headless
 * renderer, trimmed to what it draws, rasterised to PNG by resvg (in the background: `drawChart`
 * returns while the PNG is still being made, so a report's charts rasterise in parallel).
 */
import type { TopLevelSpec } from 'vega-lite';
import { trimSvg } from './crop.js';
import { renderPngAsync } from './png.js';
import { renderSvg } from './svg.js';

export interface ChartDrawing {
  svg: string;
  /** The PNG, still being rasterised. */
  png: Promise<Uint8Array>;
  /** Warnings from compiling and drawing (none for a well-made spec). */
  warnings: string[];
}

export async function drawChart(spec: TopLevelSpec): Promise<ChartDrawing> {
  const drawn = await renderSvg(spec);
  const svg = trimSvg(drawn.svg);
  const png = renderPngAsync(svg);
  png.catch(() => undefined); // awaited by the caller; keeps an early failure from going unhandled meanwhile
  return { svg, png, warnings: drawn.warnings };
}
