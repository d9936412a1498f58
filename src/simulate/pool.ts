/**
 * The sampler pool: up to W worker threads that serve runs one after another. Start it early (up to
 * one worker per core loads its code while the caller reads a scenario) and reuse it across runs (a
 * check of several baselines, a comparison, many seeds); close it when done. A run starts more threads
 * only as it needs them: never more than it has blocks of chunks to share, so a small run with a large
 * W starts few. W is at most 4 per core (maxWorkers). A run here is the pool's part:
 * the workers it uses, its session with them (pool-session.ts) and the statistics it asks of them
 * (run-statistics.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SoraError, show } from '../errors.js';
import type { Kernel } from '../kernel/kernel.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { packagePath } from '../paths.js';
import type { SamplingMethod } from '../sampling/methods.js';
import { choleskyFactor } from '../scenario/correlations.js';
import { assumptionHash } from '../scenario/hash.js';
import type { OutputRelation } from '../scenario/output-relations.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { DecileSummary } from '../stats/decile-medians.js';
import { percentilePlans, REPORTED_PERCENTILES } from '../stats/percentiles.js';
import type { RunColumnStats } from '../stats/types.js';
import { chunkCount } from './chunks.js';
import { checkMemoryBudget, DEFAULT_MEMORY_BYTES } from './memory.js';
import { blockChunksFor, PoolSession, type Progress } from './pool-session.js';
import type { RunSetup, WorkerCommand } from './protocol.js';
import { passWorkerHere } from './in-thread.js';
import { loadKernel } from './kernel-file.js';
import { inThreadRunner } from './pass-worker.js';
import { pilotsHere } from './pilots-here.js';
import { runStatistics } from './run-statistics.js';
import { workerExecArgv } from './worker-argv.js';

export { blockChunksFor, MAX_BLOCKS, type Progress } from './pool-session.js';

/** The worker, compiled and bundled into one file (scripts/bundle.mjs): TypeScript workers do not load on Node 20, and one file loads faster than its modules. */
export const WORKER_FILE = packagePath('dist', 'workers', 'sampler.bundle.js');
/** The most workers a pool may have: 4 per core, at least 8 (threads beyond the cores only queue, each costing tens of MB). */
export const WORKERS_PER_CORE = 4;
export const MIN_WORKER_CAP = 8;

export function maxWorkers(): number {
  return Math.max(MIN_WORKER_CAP, WORKERS_PER_CORE * availableParallelism());
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export interface RunRequest {
  /** Checked by the caller (checkResolvedScenario, as simulate does): workers rebuild its inputs without repeating the checks. */
  scenario: ResolvedScenario;
  seed: string;
  samples: number;
  /** The uniform stage (default mc). */
  method?: SamplingMethod | undefined;
  /** With sobol: which independent scramble this run is (default 0). */
  replicate?: number | undefined;
  /** The confidence level of the percentile intervals. */
  confidence: number;
  /** Which outputs are read through another's bins (src/scenario/output-relations.ts); default: none. */
  relations?: readonly OutputRelation[] | undefined;
  /** The order statistics each percentile reads, for n values (default: the reported percentiles, type 7: src/stats/percentiles.ts). */
  plans?: ((n: number) => ReturnType<typeof percentilePlans>) | undefined;
  /** The memory budget of the summaries and gathered values, in bytes (memory.ts). */
  memoryBytes?: number | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Receives the tornado's decile summaries of the run, one per worker in worker order (src/stats/decile-medians.ts). */
  onDeciles?: ((summaries: DecileSummary[]) => void) | undefined;
}

export function checkWorkerCount(workers: number): number {
  const max = maxWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > max) {
    const cores = availableParallelism();
    throw new SoraError(`the worker count must be a whole number from 1 to ${max}`, {
      path: 'workers',
      expected: `1 to ${max}: at most ${WORKERS_PER_CORE} per core (this machine has ${cores} core${cores === 1 ? '' : 's'}), at least ${MIN_WORKER_CAP} allowed; default one per core`,
      found: show(workers),
    });
  }
  return workers;
}

export class SamplerPool {
  readonly size: number;
  private readonly threads: Worker[];
  private busy = false;
  /** Passes over the sample the last run made, and their times in ms. */
  lastRun: { passes: number; passMs: number[] } | undefined;
  private closed = false;
  /** Why the pool stopped, if a worker failed (then it serves no more runs). */
  private failure: string | undefined;
  /** The run in progress, if any (close() ends it). */
  private session: PoolSession | undefined;
  /** This thread's kernel, for the runs' pilots (made on the first run). */
  private kernel: Kernel | undefined;

  private constructor(size: number) {
    this.size = size;
    this.threads = [];
    this.spawn(Math.min(size, defaultWorkerCount()));
  }

  /** Threads started so far (a run starts more, up to `size`, when it has the blocks for them). */
  get started(): number {
    return this.threads.length;
  }

  /** Starts threads until `count` are running. */
  private spawn(count: number): void {
    while (this.threads.length < count) {
      const thread = new Worker(WORKER_FILE, { execArgv: workerExecArgv() });
      // Idle workers do not keep the process alive; a run holds them (ref) until it ends.
      thread.unref();
      // Between runs too: a worker that fails to start or dies idle breaks the pool instead of the process.
      thread.on('error', (error) => this.fail(error.message));
      this.threads.push(thread);
    }
  }

  /** A pool of up to `workers` threads (default: one per core); at most one per core starts now, the rest as runs need them. */
  static start(workers = defaultWorkerCount()): SamplerPool {
    return new SamplerPool(checkWorkerCount(workers));
  }

  /** Samples one run and summarises every output; one run at a time (await it before the next). */
  async run(request: RunRequest): Promise<Record<OutputKey, RunColumnStats>> {
    this.refuseMisuse(request.samples);
    const memoryBytes = request.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    const chunks = chunkCount(request.samples);
    // A run needs no more workers than it has blocks; the others sit this one out (or are never started).
    const activeCount = Math.min(this.size, Math.ceil(chunks / blockChunksFor(chunks)));
    checkMemoryBudget(memoryBytes, activeCount);
    this.spawn(activeCount);
    const active = this.threads.slice(0, activeCount);
    const stats = await this.serve(active, request.onProgress, async (session) => {
      const { scenario, seed, method, replicate } = request;
      // Workers cache compiled inputs by this hash: recompute it, so an edited scenario is never served stale.
      const setup: RunSetup = {
        scenario: { ...scenario, hash: assumptionHash(scenario.stepCost, scenario.inputs, scenario.correlations) },
        seed,
        ...(method ? { method } : {}),
        ...(replicate ? { replicate } : {}),
        ...(scenario.correlations ? { factor: choleskyFactor(scenario.correlations.normal) } : {}),
      };
      // The workers set up while this thread makes the run's pilots (pilots-here.ts).
      const ready = session.send(() => ({ kind: 'setup', setup }));
      ready.catch(() => {}); // awaited before the workers' first pass, which rethrows
      try {
        this.kernel ??= loadKernel();
        const here = inThreadRunner(passWorkerHere(request, this.kernel));
        return await runStatistics(pilotsHere(request.samples, here, session.runner(), ready, (chunks) => session.passedHere(chunks)), {
          samples: request.samples,
          relations: request.relations,
          plans: request.plans ?? ((n) => percentilePlans(n, REPORTED_PERCENTILES, request.confidence)),
          memoryBytes,
          onDeciles: request.onDeciles,
        });
      } finally {
        // A run that failed in its pilots leaves the session only once the workers have answered its
        // setup: a late answer must not reach the next run's session as the reply to its own command.
        await ready.catch(() => {});
      }
    });
    return Object.fromEntries(OUTPUT_KEYS.map((key, j) => [key, stats[j]!])) as Record<OutputKey, RunColumnStats>;
  }

  /** A library user's misuse, as the other errors of simulate(): a SoraError with path, expected and found. */
  private refuseMisuse(samples: number): void {
    if (this.closed) {
      throw new SoraError('this sampler pool is closed', { path: 'pool', expected: 'an open pool (SamplerPool.start)', found: this.failure ? `a pool that stopped after a worker failed: ${this.failure}` : 'a pool its owner closed' });
    }
    if (this.busy) throw new SoraError('this sampler pool is already running', { path: 'pool', expected: 'an idle pool: await one run before starting the next', found: 'a run in progress' });
    // No chunks would mean no worker ever answers: a run that never settles.
    if (!(Number.isSafeInteger(samples) && samples >= 1)) throw new RangeError(`a run needs a positive whole number of samples, got ${samples}`);
  }

  /** Holds the active workers for one run's session: progress reports, failures, and the end of the run. */
  private async serve<T>(active: readonly Worker[], onProgress: ((progress: Progress) => void) | undefined, work: (session: PoolSession) => Promise<T>): Promise<T> {
    this.busy = true;
    const session = (this.session = new PoolSession(active));
    // A callback that throws ends the run with its error (thrown in a timer it would crash the process).
    const report = (progress: Progress) => {
      try {
        onProgress?.(progress);
      } catch (error) {
        session.fail(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const timer = onProgress ? setInterval(() => report(session.progress()), 100) : undefined;
    for (const thread of active) thread.ref();
    try {
      const result = await work(session);
      if (session.failed) throw session.failed;
      this.lastRun = { passes: session.passMs.length - 1, passMs: session.passMs.slice(1) };
      for (const thread of active) thread.postMessage({ kind: 'end' } satisfies WorkerCommand);
      const done = session.progress();
      report({ chunksDone: done.chunks, chunks: done.chunks });
      if (session.failed) throw session.failed;
      return result;
    } catch (error) {
      if (!(error instanceof SoraError)) this.fail((error as Error).message); // a worker in an unknown state: this pool serves no more runs
      else for (const thread of active) thread.postMessage({ kind: 'end' } satisfies WorkerCommand);
      throw error;
    } finally {
      if (timer) clearInterval(timer);
      this.session = undefined;
      session.close();
      for (const thread of active) thread.unref();
      this.busy = false;
    }
  }

  private fail(reason: string): void {
    if (!this.closed) this.failure ??= reason; // after close(), the owner closed it: no worker failed
    void this.close();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A worker that failed closes the pool too: say so, with its error, rather than 'closed'.
    this.session?.fail(new Error(this.failure ? `a sampling worker failed: ${this.failure}` : 'the sampler pool was closed during a run'));
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}

/** Runs `work` on a pool of up to `workers` threads started now, and closes the pool after. */
export async function withPool<T>(workers: number | undefined, work: (pool: SamplerPool) => Promise<T>): Promise<T> {
  const pool = SamplerPool.start(workers ?? defaultWorkerCount());
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
