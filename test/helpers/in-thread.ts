/**
 * The engine's statistics (src/simulate/run-statistics.ts) over a given column, in this thread: the
 * column is cut into the engine's chunks and each chunk copied into the kernel's memory as the first
 * output, as if drawn (every other output is 0). For tests of the statistics alone.
 */
import { OUTPUT_KEYS } from '../../src/model/outputs.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { chunkBounds } from '../../src/simulate/chunks.js';
import { inThreadRunner, PassWorker, type ChunkSource } from '../../src/simulate/pass-worker.js';
import { runStatistics } from '../../src/simulate/run-statistics.js';
import { DEFAULT_MEMORY_BYTES } from '../../src/simulate/memory.js';
import { CONFIDENCE, percentilePlans, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import type { ColumnStats } from '../../src/stats/types.js';
import { builtKernel } from './kernel.js';

export async function engineStatistics(column: Float64Array, memoryBytes = DEFAULT_MEMORY_BYTES): Promise<ColumnStats & { passes: number }> {
  const kernel = builtKernel();
  const columns = OUTPUT_KEYS.map(() => kernel.reserveF64(CHUNK_SIZE));
  let passes = 0;
  const source: ChunkSource = {
    outputColumns: columns,
    uncertain: [],
    onUniforms: undefined,
    sample(k, samples) {
      const [start, end] = chunkBounds(k, samples);
      kernel.f64(columns[0]!, end - start).set(column.subarray(start, end));
      return end - start;
    },
    output: (key) => kernel.f64(columns[OUTPUT_KEYS.indexOf(key)]!, CHUNK_SIZE),
  };
  const runner = inThreadRunner(new PassWorker(kernel, source));
  const counting = { ...runner, count: (...args: Parameters<typeof runner.count>) => (passes++, runner.count(...args)), gather: (...args: Parameters<typeof runner.gather>) => (passes++, runner.gather(...args)) };
  const stats = await runStatistics(counting, {
    samples: column.length,
    plans: (n) => percentilePlans(n, REPORTED_PERCENTILES, CONFIDENCE),
    memoryBytes,
  });
  return { ...stats[0]!, passes };
}
