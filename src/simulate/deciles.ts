/**
 * The tornado's fold in a sampling worker's counting pass: marks each uncertain input's decile side
 * through the chunk hook (ChunkContext.onUniforms) and folds the headline outputs per chunk
 * (src/stats/decile-medians.ts). Only the counting pass folds: the passes that regenerate chunks do not.
 */
import type { OutputColumns } from '../model/compute.js';
import { INPUT_KEYS } from '../model/inputs.js';
import { CHUNK_SIZE } from '../sampling/uniforms.js';
import { DecileCounter } from '../stats/decile-medians.js';
import { TORNADO_OUTPUTS } from '../stats/tornado.js';
import type { ChunkContext } from './chunks.js';

export interface DecileFold {
  /** Folds the chunk just sampled (its first `length` samples). */
  add(length: number): void;
  /** Stops marking and returns the counter. */
  finish(): DecileCounter;
}

/** Starts folding deciles on `ctx` (its uncertain inputs, its output columns). */
export function startDeciles(ctx: ChunkContext): DecileFold {
  const inputs = INPUT_KEYS.filter((key) => ctx.distributions[key].family !== 'fixed');
  const counter = new DecileCounter(inputs, TORNADO_OUTPUTS.length, CHUNK_SIZE);
  const columns = TORNADO_OUTPUTS.map((key) => (ctx.outputs as OutputColumns)[key]);
  ctx.onUniforms = (input, uniforms, length) => counter.mark(input, uniforms, length);
  return {
    add: (length) => counter.add(columns, length),
    finish: () => {
      ctx.onUniforms = undefined;
      return counter;
    },
  };
}
