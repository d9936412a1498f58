/**
 * A run in the calling thread, without worker threads: for a few samples, starting a worker costs
 * more than the sampling (each worker boots Node and loads its code, ~0.1 s). The same kernel, chunks
 * and statistics as a pool worker's (pass-worker.ts), so the result is the same, byte for byte.
 */
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { scenarioUniforms } from '../sampling/copula.js';
import { compileInputs } from '../scenario/compile.js';
import { choleskyFactor } from '../scenario/correlations.js';
import { percentilePlans, REPORTED_PERCENTILES } from '../stats/percentiles.js';
import type { RunColumnStats } from '../stats/types.js';
import type { Kernel } from '../kernel/kernel.js';
import { KernelChunks } from './kernel-chunks.js';
import { loadKernel } from './kernel-file.js';
import { DEFAULT_MEMORY_BYTES } from './memory.js';
import { inThreadRunner, PassWorker } from './pass-worker.js';
import type { RunRequest } from './pool.js';
import { runStatistics } from './run-statistics.js';

/** Runs of at most this many samples, with no pool or worker count asked for, are sampled in the calling thread. */
export const IN_THREAD_SAMPLES = 1 << 17;

/** The passes of `request`'s run in this thread, on `kernel` (reset first). */
export function passWorkerHere(request: RunRequest, kernel: Kernel): PassWorker {
  const { scenario, seed, method, replicate } = request;
  kernel.reset();
  const chunks = new KernelChunks(kernel, {
    distributions: compileInputs(scenario, { accepted: true }),
    stepCost: scenario.stepCost,
    uniforms: scenarioUniforms(seed, scenario, scenario.correlations ? choleskyFactor(scenario.correlations.normal) : undefined, method, replicate),
    aleaSeed: (method ?? 'mc') === 'mc' && !scenario.correlations ? seed : undefined,
  });
  return new PassWorker(kernel, chunks);
}

/** pool.run's work, in this thread. */
export async function runInThread(request: RunRequest): Promise<Record<OutputKey, RunColumnStats>> {
  const stats = await runStatistics(inThreadRunner(passWorkerHere(request, loadKernel())), {
    samples: request.samples,
    relations: request.relations,
    plans: request.plans ?? ((n) => percentilePlans(n, REPORTED_PERCENTILES, request.confidence)),
    memoryBytes: request.memoryBytes ?? DEFAULT_MEMORY_BYTES,
    onDeciles: request.onDeciles,
  });
  request.onProgress?.({ chunksDone: 1, chunks: 1 });
  return Object.fromEntries(OUTPUT_KEYS.map((key, j) => [key, stats[j]!])) as Record<OutputKey, RunColumnStats>;
}
