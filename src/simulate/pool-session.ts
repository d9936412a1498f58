/**
 * One run's conversation with the pool's workers: every pass is a command sent to each active worker
 * and answered by each (in worker order), with a shared counter of the pass's blocks; the session
 * listens for failures (a worker's error or exit rejects the pass), reports progress, and turns the
 * passes the statistics ask for (run-statistics.ts: PassRunner) into commands.
 */
import type { Worker } from 'node:worker_threads';
import { OUTPUT_KEYS } from '../model/outputs.js';
import type { PassPlan, PassResult } from '../stats/pass-collector.js';
import { chunkCount } from './chunks.js';
import { BLOCKS_DONE, COUNTERS, type CountPass, type WorkerCommand, type WorkerMessage } from './protocol.js';
import type { PassRunner } from './run-statistics.js';

export interface Progress {
  /** Chunks sampled so far, over all passes (a run samples most chunks once, a pilot's again). */
  chunksDone: number;
  /** Chunks to sample over all passes, as planned so far (a pass the statistics add later adds its chunks). */
  chunks: number;
}

/** At most this many blocks: per-block moments stay small (blocks × outputs × 3 doubles) for any sample count. */
export const MAX_BLOCKS = 4096;

/** Chunks per block: depends on the sample count only, so that the moments merge the same way for any worker count. */
export function blockChunksFor(chunks: number): number {
  return Math.max(1, Math.ceil(chunks / MAX_BLOCKS));
}

export class PoolSession {
  private counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
  private waiting: { replies: WorkerMessage[]; received: number; resolve: (replies: WorkerMessage[]) => void; reject: (error: Error) => void } | undefined;
  private readonly listeners: [Worker, string, (...args: any[]) => void][] = [];
  private failure: Error | undefined;
  private planned = 0;
  private done = 0;
  private current = { blockChunks: 1, chunks: 0 };
  /** Passes made and the milliseconds each took. */
  readonly passMs: number[] = [];

  constructor(private readonly active: readonly Worker[]) {
    active.forEach((thread, i) => {
      const listen = (event: string, handler: (...args: any[]) => void) => {
        thread.on(event, handler);
        this.listeners.push([thread, event, handler]);
      };
      listen('error', (error: Error) => this.fail(error));
      listen('exit', (code: number) => this.fail(new Error(`a sampling worker stopped with exit code ${code}`)));
      listen('message', (message: WorkerMessage) => {
        if (message.kind === 'error') return this.fail(Object.assign(new Error(`sampling worker failed: ${message.message}`), { stack: message.stack }));
        const waiting = this.waiting;
        if (!waiting) return;
        waiting.replies[i] = message;
        if (++waiting.received === active.length) waiting.resolve(waiting.replies);
      });
    });
  }

  /** Rejects the pass in progress and every later one with `error`. */
  fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  /** Sends every active worker a command and waits for all their replies (in worker order). */
  send(command: (counters: SharedArrayBuffer) => WorkerCommand): Promise<WorkerMessage[]> {
    this.counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
    if (this.failure) return Promise.reject(this.failure);
    const sent = command(this.counters.buffer as SharedArrayBuffer);
    const started = performance.now();
    return new Promise<WorkerMessage[]>((resolve, reject) => {
      this.waiting = { replies: [], received: 0, resolve, reject };
      for (const thread of this.active) thread.postMessage(sent);
    }).finally(() => {
      this.waiting = undefined;
      this.passMs.push(performance.now() - started);
    });
  }

  /** Counts `chunks` sampled outside the workers (a pilot in the calling thread) as done. */
  passedHere(chunks: number): void {
    this.done += chunks;
  }

  progress(): Progress {
    const running = Math.min(this.current.chunks, Atomics.load(this.counters, BLOCKS_DONE) * this.current.blockChunks);
    return { chunksDone: this.done + running, chunks: Math.max(this.planned, this.done + running) };
  }

  /** The passes of a run, as run-statistics.ts asks for them. */
  runner(): PassRunner {
    const pass = async <T>(samples: number, command: (blockChunks: number, blocks: number, counters: SharedArrayBuffer) => WorkerCommand, read: (replies: WorkerMessage[], blocks: number) => T): Promise<T> => {
      const chunks = chunkCount(samples);
      const blockChunks = blockChunksFor(chunks);
      const blocks = Math.ceil(chunks / blockChunks);
      this.current = { blockChunks, chunks };
      const replies = await this.send((counters) => command(blockChunks, blocks, counters));
      this.done += chunks;
      this.current = { blockChunks: 1, chunks: 0 };
      return read(replies, blocks);
    };
    return {
      workers: this.active.length,
      expect: (chunks) => (this.planned += chunks),
      count: (request) => {
        let moments!: SharedArrayBuffer;
        return pass(
          request.samples,
          (blockChunks, blocks, counters) => {
            moments = new SharedArrayBuffer(blocks * OUTPUT_KEYS.length * 3 * Float64Array.BYTES_PER_ELEMENT);
            const countPass: CountPass = { ...request, blockChunks, blocks, moments };
            return { kind: 'count', pass: countPass, counters };
          },
          (replies, blocks) => {
            const counted = replies as Extract<WorkerMessage, { kind: 'counted' }>[];
            return { outputs: counted.map((m) => m.outputs), deciles: counted.map((m) => m.deciles), moments: new Float64Array(moments), blocks };
          },
        );
      },
      gather: (samples: number, plans: (PassPlan | null)[]) =>
        pass(
          samples,
          (blockChunks, blocks, counters) => ({ kind: 'gather', samples, blockChunks, blocks, plans, counters }),
          (replies) => (replies as Extract<WorkerMessage, { kind: 'passed' }>[]).map((m) => m.results as (PassResult | null)[]),
        ),
    };
  }

  /** Stops listening. */
  close(): void {
    for (const [thread, event, handler] of this.listeners) thread.off(event, handler);
  }
}
