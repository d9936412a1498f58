/**
 * simulate()'s options, parsed once where they enter the library: sample count, seed, sampling method
 * (with what it asks of the sample count), memory budget, worker count and pool, each checked and
 * turned into the form the engine uses, so nothing further in checks them again. A bad value is a
 * SoraError naming its path (`samples`, or `--samples` when the caller gave it; `seed`, `method`,
 * `memory`, `workers`, `pool`); one from the scenario file names the file.
 */
import { SoraError } from '../errors.js';
import { parseSamplingMethod, type SamplingMethod } from '../sampling/methods.js';
import type { Scenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { checkMemoryBudget, checkMemoryBytes, DEFAULT_MEMORY_BYTES, parseMemory } from './memory.js';
import { checkWorkerCount, defaultWorkerCount, SamplerPool, type Progress } from './pool.js';
import { checkReplicateSamples } from './replicates.js';

export interface SimulateOptions {
  /** Override the scenario's sample count. */
  samples?: number | string;
  /** Override the scenario's seed. */
  seed?: string | number;
  /** The uniform stage: `mc` (default), `lhs` (Latin hypercube per chunk) or `sobol` (scrambled Sobol points in replicates); recorded in run.sampling. */
  method?: string | undefined;
  /** Worker threads (default: one per core). The result does not depend on it. */
  workers?: number | undefined;
  /** The memory budget of the statistics (bytes, or a size such as `512MB`); default DEFAULT_MEMORY_BYTES. */
  memory?: number | string | undefined;
  /** A started pool to run on (its size is the worker count); without one, simulate starts and closes its own. */
  pool?: SamplerPool | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

/** The options as the engine uses them. */
export interface CheckedOptions {
  samples: number;
  seed: string;
  method: SamplingMethod;
  memoryBytes: number;
  /** The pool to run on, or the worker count of one to start. */
  pool: SamplerPool | { workers: number };
  onProgress: ((progress: Progress) => void) | undefined;
}

/** Parses `options` against `scenario` (whose sample count and seed they override). */
export function parseSimulateOptions(scenario: Scenario, options: SimulateOptions): CheckedOptions {
  const fromFile = options.samples === undefined;
  const samples = parseSampleCount(options.samples ?? scenario.samples, 'samples');
  const seed = parseSeed(options.seed ?? scenario.seed, 'seed');
  const method = options.method === undefined ? 'mc' : parseSamplingMethod(options.method);
  // Refused before any worker starts: a sobol run splits its samples into replicates.
  if (method === 'sobol') {
    try {
      checkReplicateSamples(samples, fromFile ? 'samples' : '--samples');
    } catch (error) {
      throw error instanceof SoraError && fromFile ? error.inFile(scenario.resolved.origin) : error;
    }
  }
  const memoryBytes = options.memory === undefined ? DEFAULT_MEMORY_BYTES : typeof options.memory === 'number' ? checkMemoryBytes(options.memory) : parseMemory(options.memory);
  if (options.pool !== undefined && !(options.pool instanceof SamplerPool)) {
    throw new SoraError('the pool must be a SamplerPool', { path: 'pool', expected: 'SamplerPool.start(…)', found: typeof options.pool });
  }
  const pool = options.pool ?? { workers: checkWorkerCount(options.workers ?? defaultWorkerCount()) };
  checkMemoryBudget(memoryBytes, pool instanceof SamplerPool ? pool.size : pool.workers);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new SoraError('onProgress must be a function', { path: 'onProgress', expected: 'a function of { chunksDone, chunks }', found: typeof options.onProgress });
  }
  return { samples, seed, method, memoryBytes, pool, onProgress: options.onProgress };
}
