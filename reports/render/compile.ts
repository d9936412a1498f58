/**
 * Vega-Lite → Vega: the compile step, separate from building specs (pure data) and from drawing.
 * Warnings the compiler raises are returned rather than printed, so tests can require none.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';
import { CollectingLogger } from './logger.js';

export interface Compiled {
  spec: VegaSpec;
  warnings: string[];
}

/** Compiles a Vega-Lite spec to Vega, collecting the compiler's warnings. */
export function toVega(spec: TopLevelSpec): Compiled {
  const logger = new CollectingLogger();
  const compiled = compile(spec, { logger });
  return { spec: compiled.spec, warnings: logger.messages };
}
