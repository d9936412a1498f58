/**
 * The sampler pool: W worker threads that serve runs one after another. Start it early (its
 * workers load their modules while the caller reads a scenario) and reuse it across runs (a check
 * of several baselines, a comparison, many seeds); close it when done.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SoraError, show } from '../errors.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { packagePath } from '../paths.js';
import type { ColumnStats } from '../stats/types.js';
import { chunkCount } from './chunks.js';
import { CHUNKS_DONE, COUNTERS, type RunSetup, type WorkerCommand, type WorkerMessage } from './protocol.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { assumptionHash } from '../scenario/hash.js';

/** The worker, compiled and bundled into one file (scripts/bundle.mjs): TypeScript workers do not load on Node 20, and one file loads ~0.3 s faster than its ~300 modules. */
export const WORKER_FILE = packagePath('dist', 'workers', 'sampler.bundle.js');
export const MAX_WORKERS = 256;

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export interface Progress {
  chunksDone: number;
  chunks: number;
}

export interface RunRequest {
  scenario: ResolvedScenario;
  seed: string;
  samples: number;
  /** The confidence level of the percentile intervals. */
  confidence: number;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export function checkWorkerCount(workers: number): number {
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new SoraError(`the worker count must be a whole number from 1 to ${MAX_WORKERS}`, { path: 'workers', expected: 'e.g. 2', found: show(workers) });
  }
  return workers;
}

export class SamplerPool {
  readonly size: number;
  private readonly threads: Worker[];
  private busy = false;
  private closed = false;
  /** Why the pool stopped, if a worker failed (then it serves no more runs). */
  private failure: string | undefined;
  /** Rejects the run in progress, if any. */
  private abortRun: (() => void) | undefined;

  private constructor(size: number) {
    this.size = size;
    // Idle workers do not keep the process alive; a run holds them (ref) until it ends.
    this.threads = Array.from({ length: size }, () => {
      const thread = new Worker(WORKER_FILE);
      thread.unref();
      // Between runs too: a worker that fails to start or dies idle breaks the pool instead of the process.
      thread.on('error', (error) => this.fail(error.message));
      return thread;
    });
  }

  /** Starts `workers` threads (default: one per core). */
  static start(workers = defaultWorkerCount()): SamplerPool {
    return new SamplerPool(checkWorkerCount(workers));
  }

  /** Samples one run and summarises every output; one run at a time (await it before the next). */
  async run({ scenario, seed, samples, confidence, onProgress }: RunRequest): Promise<Record<OutputKey, ColumnStats>> {
    if (this.closed) throw new Error(this.failure ? `this sampler pool stopped after a worker failed: ${this.failure}` : 'this sampler pool is closed');
    if (this.busy) throw new Error('this sampler pool is already running: await one run before starting the next');
    // No chunks would mean no worker ever answers: a run that never settles.
    if (!(Number.isSafeInteger(samples) && samples >= 1)) throw new RangeError(`a run needs a positive whole number of samples, got ${samples}`);
    this.busy = true;
    const chunks = chunkCount(samples);
    const setup: RunSetup = {
      // Workers cache compiled inputs by this hash: recompute it, so an edited scenario is never served stale.
      scenario: { ...scenario, hash: assumptionHash(scenario.stepCost, scenario.inputs) },
      seed,
      samples,
      confidence,
      outputBuffers: Object.fromEntries(
        OUTPUT_KEYS.map((key) => [key, new SharedArrayBuffer(samples * Float64Array.BYTES_PER_ELEMENT)]),
      ) as Record<OutputKey, SharedArrayBuffer>,
      counters: new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT),
    };
    // A run needs no more workers than it has chunks; the others sit this one out.
    const active = this.threads.slice(0, Math.min(this.size, chunks));
    const counters = new Int32Array(setup.counters);
    const timer = onProgress ? setInterval(() => onProgress({ chunksDone: Atomics.load(counters, CHUNKS_DONE), chunks }), 100) : undefined;
    const stats = {} as Record<OutputKey, ColumnStats>;
    for (const thread of active) thread.ref();
    const listeners: [Worker, string, (...args: any[]) => void][] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        // close() during this run settles it (its workers are terminated and will never answer).
        this.abortRun = () => reject(new Error('the sampler pool was closed during a run'));
        let sampled = 0;
        let summarized = 0;
        const listen = (thread: Worker, event: string, handler: (...args: any[]) => void) => {
          thread.on(event, handler);
          listeners.push([thread, event, handler]);
        };
        for (const thread of active) {
          listen(thread, 'error', reject);
          listen(thread, 'exit', (code: number) => reject(new Error(`a sampling worker stopped with exit code ${code}`)));
          listen(thread, 'message', (message: WorkerMessage) => {
            switch (message.kind) {
              case 'sampled':
                if (++sampled === active.length) for (const t of active) t.postMessage({ kind: 'summarize' } satisfies WorkerCommand);
                break;
              case 'summary':
                stats[message.output] = message.stats;
                break;
              case 'summarized':
                if (++summarized === active.length) resolve();
                break;
              case 'error':
                reject(Object.assign(new Error(`sampling worker failed: ${message.message}`), { stack: message.stack }));
                break;
            }
          });
          thread.postMessage({ kind: 'sample', setup } satisfies WorkerCommand);
        }
      });
    } catch (error) {
      this.fail((error as Error).message); // a worker in an unknown state: this pool serves no more runs
      throw error;
    } finally {
      if (timer) clearInterval(timer);
      this.abortRun = undefined;
      for (const [thread, event, handler] of listeners) thread.off(event, handler);
      for (const thread of active) thread.unref();
      this.busy = false;
    }
    onProgress?.({ chunksDone: chunks, chunks });
    return stats;
  }

  private fail(reason: string): void {
    this.failure ??= reason;
    void this.close();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abortRun?.();
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}

/** Runs `work` on a pool of `workers` threads started now, and closes the pool after. */
export async function withPool<T>(workers: number | undefined, work: (pool: SamplerPool) => Promise<T>): Promise<T> {
  const pool = SamplerPool.start(workers ?? defaultWorkerCount());
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
