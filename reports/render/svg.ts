/**
 * Vega → SVG with Vega's headless renderer (no browser, no canvas): the chart as a string, plus
 * every warning the compiler and the dataflow raised.
 */
import { parse, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { toVega } from './compile.js';
import { CollectingLogger } from './logger.js';

export interface RenderedSvg {
  svg: string;
  warnings: string[];
}

/** Draws a Vega-Lite spec as SVG. */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const compiled = toVega(spec);
  const logger = new CollectingLogger();
  const view = new View(parse(compiled.spec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    return { svg, warnings: [...compiled.warnings, ...logger.messages] };
  } finally {
    view.finalize();
  }
}
