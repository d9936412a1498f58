/**
 * The sampler pool: up to W worker threads that serve runs one after another. Start it early (up to
 * one worker per core loads its modules while the caller reads a scenario) and reuse it across runs (a
 * check of several baselines, a comparison, many seeds); close it when done. A run starts more threads
 * only as it needs them: never more than it has blocks of chunks to share, so a small run with a large
 * W starts few. W is at most 4 per core (maxWorkers).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SoraError, show } from '../errors.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { packagePath } from '../paths.js';
import type { RunColumnStats } from '../stats/types.js';
import { chunkCount } from './chunks.js';
import type { SamplingMethod } from '../sampling/methods.js';
import { BLOCKS_DONE, COUNTERS, type RunSetup, type WorkerCommand, type WorkerMessage } from './protocol.js';
import { checkMemoryBudget, DEFAULT_MEMORY_BYTES, formatBytes, givenBytes } from './memory.js';
import { REPORTED_PERCENTILES } from '../stats/percentiles.js';
import { RunStatistics } from '../stats/stream-summary.js';
import type { DecileSummary } from '../stats/decile-medians.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { assumptionHash } from '../scenario/hash.js';
import { workerExecArgv } from './worker-argv.js';

/** The worker, compiled and bundled into one file (scripts/bundle.mjs): TypeScript workers do not load on Node 20, and one file loads ~0.3 s faster than its ~300 modules. */
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

export interface Progress {
  /** Chunks sampled so far, over all passes (a run samples every chunk two or three times). */
  chunksDone: number;
  /** Chunks to sample over all passes, as planned so far (a refining pass adds one more round). */
  chunks: number;
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
  /** The probabilities to estimate (type 7, each with its order-statistic interval); default REPORTED_PERCENTILES. */
  percentiles?: readonly number[] | undefined;
  /** Per output, a value near its distribution (the model at the inputs' medians): sums of deviations are taken about it. */
  centres?: Partial<Record<OutputKey, number>> | undefined;
  /** The memory budget of the summaries and gathered values, in bytes (memory.ts). */
  memoryBytes?: number | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Receives the tornado's decile summaries of the run, one per worker in worker order (src/stats/decile-medians.ts). */
  onDeciles?: ((summaries: DecileSummary[]) => void) | undefined;
}

/** At most this many blocks: per-block sums stay small (blocks × outputs × 2 doubles) for any sample count. */
export const MAX_BLOCKS = 4096;

/** Chunks per block: depends on the sample count only, so that the sums fold the same way for any worker count. */
export function blockChunksFor(chunks: number): number {
  return Math.max(1, Math.ceil(chunks / MAX_BLOCKS));
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

function memoryError(budget: number, why: string): SoraError {
  return new SoraError('the memory budget is too small for the exact percentiles of this run', {
    path: 'memory',
    expected: 'a budget that holds the values around every reported percentile',
    found: `${givenBytes(budget)}: ${why}`,
    hint: 'raise it, e.g. --memory 1GB',
  });
}

export class SamplerPool {
  readonly size: number;
  private readonly threads: Worker[];
  private busy = false;
  /** Passes over the sample the last run made (2, or 3 when the gather needed refining), and their times in ms. */
  lastRun: { passes: number; passMs: number[]; gathered: number } | undefined;
  private closed = false;
  /** Why the pool stopped, if a worker failed (then it serves no more runs). */
  private failure: string | undefined;
  /** Rejects the run in progress, if any. */
  private abortRun: (() => void) | undefined;

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

  /**
   * Samples one run and summarises every output; one run at a time (await it before the next).
   * Passes: count (every chunk folded into mergeable summaries), optionally refine, then gather
   * (chunks regenerated; only values in the bins that hold wanted ranks are kept). See src/stats/stream-*.ts.
   */
  async run({ scenario, seed, samples, method, replicate, confidence, percentiles = REPORTED_PERCENTILES, centres, memoryBytes = DEFAULT_MEMORY_BYTES, onProgress, onDeciles }: RunRequest): Promise<Record<OutputKey, RunColumnStats>> {
    // A library user's misuse, as the other errors of simulate(): a SoraError with path, expected and found.
    if (this.closed) {
      throw new SoraError('this sampler pool is closed', { path: 'pool', expected: 'an open pool (SamplerPool.start)', found: this.failure ? `a pool that stopped after a worker failed: ${this.failure}` : 'a pool its owner closed' });
    }
    if (this.busy) throw new SoraError('this sampler pool is already running', { path: 'pool', expected: 'an idle pool: await one run before starting the next', found: 'a run in progress' });
    // No chunks would mean no worker ever answers: a run that never settles.
    if (!(Number.isSafeInteger(samples) && samples >= 1)) throw new RangeError(`a run needs a positive whole number of samples, got ${samples}`);
    const chunks = chunkCount(samples);
    const blockChunks = blockChunksFor(chunks);
    const blocks = Math.ceil(chunks / blockChunks);
    // A run needs no more workers than it has blocks; the others sit this one out (or are never started).
    const activeCount = Math.min(this.size, blocks);
    checkMemoryBudget(memoryBytes, activeCount);
    this.spawn(activeCount);
    const active = this.threads.slice(0, activeCount);
    this.busy = true;
    const centreList = OUTPUT_KEYS.map((key) => {
      const centre = centres?.[key];
      return centre !== undefined && Number.isFinite(centre) ? centre : 0;
    });
    const setup: RunSetup = {
      // Workers cache compiled inputs by this hash: recompute it, so an edited scenario is never served stale.
      scenario: { ...scenario, hash: assumptionHash(scenario.stepCost, scenario.inputs, scenario.correlations) },
      seed,
      samples,
      ...(method ? { method } : {}),
      ...(replicate ? { replicate } : {}),
      confidence,
      blockChunks,
      blocks,
      centres: centreList,
      sums: new SharedArrayBuffer(blocks * OUTPUT_KEYS.length * Float64Array.BYTES_PER_ELEMENT),
      squares: new SharedArrayBuffer(blocks * OUTPUT_KEYS.length * Float64Array.BYTES_PER_ELEMENT),
    };
    let passes = 2;
    let passIndex = 0;
    let counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
    const progress = (): Progress => ({
      chunksDone: passIndex * chunks + Math.min(chunks, Atomics.load(counters, BLOCKS_DONE) * blockChunks),
      chunks: passes * chunks,
    });
    // A callback that throws ends the run with its error (thrown in a timer it would crash the process).
    const timer = onProgress
      ? setInterval(() => {
          try {
            onProgress(progress());
          } catch (error) {
            aborted ??= error instanceof Error ? error : new Error(String(error));
            fail(aborted);
          }
        }, 100)
      : undefined;
    for (const thread of active) thread.ref();
    const listeners: [Worker, string, (...args: any[]) => void][] = [];
    let waiting: { replies: WorkerMessage[]; received: number; resolve: (replies: WorkerMessage[]) => void; reject: (error: Error) => void } | undefined;
    const fail = (error: Error) => waiting?.reject(error);
    let aborted: Error | undefined;
    /** Sends every active worker a command and waits for all their replies (in worker order). */
    const exchange = (command: (counters: SharedArrayBuffer) => WorkerCommand): Promise<WorkerMessage[]> => {
      counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
      if (aborted) return Promise.reject(aborted);
      const sent = command(counters.buffer as SharedArrayBuffer);
      return new Promise((resolve, reject) => {
        waiting = { replies: [], received: 0, resolve, reject };
        for (const thread of active) thread.postMessage(sent);
      });
    };
    try {
      // close() during this run settles it: its workers are terminated and will never answer.
      this.abortRun = () => {
        // A worker that failed closes the pool too: say so, with its error, rather than 'closed'.
        aborted = new Error(this.failure ? `a sampling worker failed: ${this.failure}` : 'the sampler pool was closed during a run');
        fail(aborted);
      };
      active.forEach((thread, i) => {
        const listen = (event: string, handler: (...args: any[]) => void) => {
          thread.on(event, handler);
          listeners.push([thread, event, handler]);
        };
        listen('error', fail);
        listen('exit', (code: number) => fail(new Error(`a sampling worker stopped with exit code ${code}`)));
        listen('message', (message: WorkerMessage) => {
          if (message.kind === 'error') return fail(Object.assign(new Error(`sampling worker failed: ${message.message}`), { stack: message.stack }));
          if (!waiting) return;
          waiting.replies[i] = message;
          if (++waiting.received === active.length) waiting.resolve(waiting.replies);
        });
      });
      const passMs: number[] = [];
      let passStarted = performance.now();
      const timed = async (command: (counters: SharedArrayBuffer) => WorkerCommand) => {
        const replies = await exchange(command);
        passMs.push(performance.now() - passStarted);
        passStarted = performance.now();
        return replies;
      };
      const counted = await timed((c) => ({ kind: 'count', setup, counters: c }));
      const summaries = counted.map((m) => (m as Extract<WorkerMessage, { kind: 'counted' }>).summaries);
      onDeciles?.(counted.map((m) => (m as Extract<WorkerMessage, { kind: 'counted' }>).deciles));
      const statistics = new RunStatistics(summaries, new Float64Array(setup.sums), blocks, centreList, percentiles, confidence);
      const passResults = (replies: WorkerMessage[]) => replies.map((m) => (m as Extract<WorkerMessage, { kind: 'passed' }>).results);
      // Gathered values are held by the workers and, concatenated bin by bin, by the main thread: ~20 bytes a value at the peak.
      const summaryBytes = statistics.summaryBytes * (active.length + 1);
      const gatherLimit = Math.max(0, memoryBytes - summaryBytes) / 20;
      if (summaryBytes > memoryBytes) throw memoryError(memoryBytes, `the outputs' bin counts alone take ${formatBytes(summaryBytes)}`);
      if (statistics.gatherSize() > gatherLimit) {
        passes = 3;
        passIndex = 1;
        const plans = statistics.refinePlans();
        statistics.applyRefine(passResults(await timed((c) => ({ kind: 'pass', plans, counters: c }))));
        if (statistics.gatherSize() > gatherLimit) {
          throw memoryError(memoryBytes, `${statistics.gatherSize().toLocaleString('en-US')} tied or nearly tied values lie where the percentiles fall`);
        }
      }
      passIndex = passes - 1;
      const plans = statistics.gatherPlans();
      const gathered = await timed((c) => ({ kind: 'pass', plans, counters: c }));
      const stats = statistics.finish(passResults(gathered), new Float64Array(setup.squares), blocks);
      passMs.push(performance.now() - passStarted); // the main thread's selection
      this.lastRun = { passes, passMs, gathered: statistics.gatherSize() };
      for (const thread of active) thread.postMessage({ kind: 'end' } satisfies WorkerCommand);
      passIndex = passes;
      onProgress?.({ chunksDone: passes * chunks, chunks: passes * chunks });
      return Object.fromEntries(OUTPUT_KEYS.map((key, j) => [key, stats[j]!])) as Record<OutputKey, RunColumnStats>;
    } catch (error) {
      if (!(error instanceof SoraError)) this.fail((error as Error).message); // a worker in an unknown state: this pool serves no more runs
      else for (const thread of active) thread.postMessage({ kind: 'end' } satisfies WorkerCommand);
      throw error;
    } finally {
      if (timer) clearInterval(timer);
      this.abortRun = undefined;
      for (const [thread, event, handler] of listeners) thread.off(event, handler);
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
    this.abortRun?.();
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
