/**
 * The uniform stage: where the sample's randomness comes from. Chunk k of input j draws from its own
 * seedrandom stream named by (seed, input, k), so a result does not depend on how chunks are spread
 * over workers. It is one pluggable stage: Latin hypercube, Sobol points or a copula replace it
 * without touching the distributions (docs/engine.md).
 */
import { fillAleaUniforms } from './alea.js';
import { fillAleaStreams } from './alea-streams.js';
import { deepFrozen } from '../frozen.js';

export const GENERATOR = deepFrozen({ name: 'seedrandom.alea', version: '3.0.5' } as const);

/**
 * Bump when a scenario, seed and sample count would give different numbers than before: chunk size,
 * stream naming, the uniform or quantile stage, or the statistics. Baselines compare exactly only
 * within one engine version. Engine 4: one counting pass; percentiles from bins made fine where a
 * pilot puts them, within a stated bound (src/simulate/run-statistics.ts); moments merged per block
 * (Chan et al.); histogram edges at bin edges. The draws are engine 3's, bit for bit.
 */
export const ENGINE_VERSION = 'sora-mc-engine/4';

/** Fixed chunk size: a result is identical for any number of workers because chunks never change. */
export const CHUNK_SIZE = 1 << 13;

export interface UniformSource {
  /** Fills `target` with the uniforms of chunk `chunk` of input `input`. */
  fill(target: Float64Array, input: string, chunk: number): void;
  /** Optional: the same as fill() for each (targets[j], inputs[j]) of one chunk, done together when that is faster. */
  fillInputs?(targets: readonly Float64Array[], inputs: readonly string[], chunk: number): void;
}

/** The stream name of one (seed, input, chunk): stable across versions, recorded in the docs. */
export function streamName(seed: string, input: string, chunk: number): string {
  return `sora-mc/${seed}/${input}/${chunk}`;
}

/**
 * Plain Monte Carlo: independent uniforms from one alea stream per (seed, input, chunk). The stream
 * is seedrandom's alea, drawn by an equivalent loop (alea.ts: the same numbers, bit for bit, faster).
 */
export function monteCarloUniforms(seed: string): UniformSource {
  return {
    fill(target, input, chunk) {
      fillAleaUniforms(target, streamName(seed, input, chunk));
    },
    // The inputs' streams are independent: drawn side by side (alea-streams.ts), the same numbers.
    fillInputs(targets, inputs, chunk) {
      fillAleaStreams(targets, inputs.map((input) => streamName(seed, input, chunk)), targets[0]?.length ?? 0);
    },
  };
}
