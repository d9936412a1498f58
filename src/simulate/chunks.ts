/**
 * Sampling one chunk: uniforms → input values (each input through its quantile function) → the
 * model → output columns. Workers run this; it is plain code so tests can run it directly.
 */
import type { Distribution } from '../../distributions/index.js';
import { computeColumns, type InputColumns, type OutputColumns, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { CHUNK_SIZE, type UniformSource } from '../sampling/uniforms.js';
import { quantileLoop, type QuantileLoop } from './quantile-loop.js';

/** Sample indices [start, end) of chunk k in a run of n samples. */
export function chunkBounds(k: number, samples: number): [number, number] {
  return [k * CHUNK_SIZE, Math.min(samples, (k + 1) * CHUNK_SIZE)];
}

export function chunkCount(samples: number): number {
  return Math.ceil(samples / CHUNK_SIZE);
}

/**
 * Scratch input columns for one chunk, reused from chunk to chunk. A fixed input's column is
 * filled here once; sampleChunk only redraws the uncertain ones.
 */
export function allocateInputColumns(distributions: Readonly<Record<InputKey, Distribution>>): Record<InputKey, Float64Array> {
  return Object.fromEntries(
    INPUT_KEYS.map((key) => {
      const column = new Float64Array(CHUNK_SIZE);
      const distribution = distributions[key];
      if (distribution.family === 'fixed') column.fill(distribution.quantile(0.5));
      return [key, column];
    }),
  ) as Record<InputKey, Float64Array>;
}

export interface ChunkContext {
  distributions: Readonly<Record<InputKey, Distribution>>;
  uniforms: UniformSource;
  stepCost: StepCostModel;
  samples: number;
  /** Output columns of at least one chunk's length: chunk k's outputs go to [0, its length). */
  outputs: OutputColumns;
  /** Scratch space from allocateInputColumns(distributions). */
  scratch: Record<InputKey, Float64Array>;
  /** Each uncertain input's quantile loop (quantileLoops(distributions)). */
  loops: Partial<Record<InputKey, QuantileLoop>>;
  /** Sees each uncertain input's final uniforms before its quantile stage (the tornado's deciles: src/stats/decile-medians.ts). */
  onUniforms?: ((input: InputKey, uniforms: Float64Array, length: number) => void) | undefined;
}

/** A quantile loop for every uncertain input (quantile-loop.ts). */
export function quantileLoops(distributions: Readonly<Record<InputKey, Distribution>>): Partial<Record<InputKey, QuantileLoop>> {
  const loops: Partial<Record<InputKey, QuantileLoop>> = {};
  for (const key of INPUT_KEYS) if (distributions[key].family !== 'fixed') loops[key] = quantileLoop(distributions[key].quantile);
  return loops;
}

/** Draws chunk k's inputs and writes its outputs to the start of the output columns. */
export function sampleChunk(k: number, ctx: ChunkContext): void {
  const [start, end] = chunkBounds(k, ctx.samples);
  const length = end - start;
  const inputs = {} as Record<InputKey, Float64Array>;
  const uncertain: InputKey[] = [];
  for (const key of INPUT_KEYS) {
    inputs[key] = ctx.scratch[key].subarray(0, length);
    if (ctx.distributions[key].family !== 'fixed') uncertain.push(key);
  }
  // All uncertain inputs' uniforms at once where the source can (faster, the same numbers), then their quantiles.
  if (ctx.uniforms.fillInputs) ctx.uniforms.fillInputs(uncertain.map((key) => inputs[key]), uncertain, k);
  else for (const key of uncertain) ctx.uniforms.fill(inputs[key], key, k);
  if (ctx.onUniforms) for (const key of uncertain) ctx.onUniforms(key, inputs[key], length);
  for (const key of uncertain) ctx.loops[key]!(inputs[key], length);
  computeColumns(inputs as InputColumns, ctx.outputs, length, ctx.stepCost);
}
