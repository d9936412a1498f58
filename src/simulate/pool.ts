/**
 * The worker pool: starts W workers on shared output columns, waits until they have sampled every
 * chunk, then lets them summarise the outputs. Reports progress through a callback.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { packagePath } from '../paths.js';
import type { ColumnStats } from '../stats/summarize.js';
import type { Scenario } from '../scenario/resolve.js';
import { chunkCount } from './chunks.js';
import { CHUNKS_DONE, type WorkerMessage, type WorkerSetup } from './protocol.js';

/** Compiled worker entry: workers always run from dist/ (TypeScript workers do not load on Node 20). */
export const WORKER_FILE = packagePath('dist', 'workers', 'sampler.js');

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export interface PoolRun {
  stats: Record<OutputKey, ColumnStats>;
}

export interface Progress {
  chunksDone: number;
  chunks: number;
}

/** Samples `scenario` with `workers` threads; resolves with each output's statistics. */
export async function runPool(
  scenario: Scenario,
  workers: number,
  onProgress?: (progress: Progress) => void,
): Promise<PoolRun> {
  const { samples, seed } = scenario;
  const outputBuffers = Object.fromEntries(
    OUTPUT_KEYS.map((key) => [key, new SharedArrayBuffer(samples * Float64Array.BYTES_PER_ELEMENT)]),
  ) as Record<OutputKey, SharedArrayBuffer>;
  const counters = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const setup: WorkerSetup = { scenario: scenario.resolved, stepCost: scenario.resolved.stepCost, seed, samples, outputBuffers, counters };
  const chunks = chunkCount(samples);
  const threads = Array.from({ length: Math.max(1, Math.min(workers, chunks)) }, () => new Worker(WORKER_FILE, { workerData: setup }));
  const stats = {} as Record<OutputKey, ColumnStats>;
  const progressTimer = onProgress
    ? setInterval(() => onProgress({ chunksDone: Atomics.load(new Int32Array(counters), CHUNKS_DONE), chunks }), 100)
    : undefined;

  try {
    await new Promise<void>((resolve, reject) => {
      let sampled = 0;
      let summarized = 0;
      for (const thread of threads) {
        thread.on('error', reject);
        thread.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a sampling worker stopped with exit code ${code}`));
        });
        thread.on('message', (message: WorkerMessage) => {
          switch (message.kind) {
            case 'sampled':
              if (++sampled === threads.length) for (const t of threads) t.postMessage({ kind: 'summarize' });
              break;
            case 'summary':
              stats[message.output] = message.stats;
              break;
            case 'summarized':
              if (++summarized === threads.length) resolve();
              break;
            case 'error':
              reject(Object.assign(new Error(`sampling worker failed: ${message.message}`), { stack: message.stack }));
              break;
          }
        });
      }
    });
  } finally {
    if (progressTimer) clearInterval(progressTimer);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  onProgress?.({ chunksDone: chunks, chunks });
  return { stats };
}
