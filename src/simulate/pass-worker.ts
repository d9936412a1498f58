/**
 * The passes of one thread over a run's chunks: counting passes (kernel counter and deciles) and
 * gathering passes (src/stats/stream-select.ts), each over the blocks it takes off a shared counter.
 * A pool worker runs one (workers/sampler.ts); `inThreadRunner` runs one in the calling thread.
 */
import { OutputsCounter } from '../kernel/counter.js';
import { KernelDeciles } from '../kernel/deciles.js';
import type { Kernel } from '../kernel/kernel.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import type { InputKey } from '../model/inputs.js';
import { CHUNK_SIZE } from '../sampling/uniforms.js';
import { PassCollector, type PassPlan, type PassResult } from '../stats/pass-collector.js';
import { TORNADO_OUTPUTS } from '../stats/tornado.js';
import { chunkCount } from './chunks.js';
import { blockChunksFor } from './pool-session.js';
import { BLOCKS_DONE, COUNTERS, NEXT_BLOCK, type CountPass, type WorkerMessage } from './protocol.js';
import type { PassRunner } from './run-statistics.js';

/** Where a pass's chunks come from: drawn (KernelChunks) or, in tests, given. */
export interface ChunkSource {
  /** Each output column's address in the kernel's memory (OUTPUT_KEYS order). */
  readonly outputColumns: readonly number[];
  /** Puts chunk k of a run of `samples` in the columns; returns its length. */
  sample(k: number, samples: number): number;
  /** A view of an output's column. */
  output(key: OutputKey): Float64Array;
  /** The uncertain inputs, and a hook that sees each one's uniforms (at their address) before its quantiles. */
  readonly uncertain: readonly InputKey[];
  onUniforms: ((input: InputKey, address: number, length: number) => void) | undefined;
}

export class PassWorker {
  constructor(private readonly kernel: Kernel, private readonly source: ChunkSource) {}

  private eachBlock(samples: number, blockChunks: number, blocks: number, counters: Int32Array, fold: (length: number) => void, endBlock?: (block: number) => void): void {
    const chunks = chunkCount(samples);
    for (let b = Atomics.add(counters, NEXT_BLOCK, 1); b < blocks; b = Atomics.add(counters, NEXT_BLOCK, 1)) {
      const last = Math.min(chunks, (b + 1) * blockChunks);
      for (let k = b * blockChunks; k < last; k++) fold(this.source.sample(k, samples));
      endBlock?.(b);
      Atomics.add(counters, BLOCKS_DONE, 1);
    }
  }

  count(pass: CountPass, counters: Int32Array): Extract<WorkerMessage, { kind: 'counted' }> {
    const { kernel, source } = this;
    const counter = new OutputsCounter(kernel, source.outputColumns, { binned: pass.binned, tallied: pass.tallied, plans: pass.plans });
    const deciles = pass.deciles ? new KernelDeciles(kernel, source.uncertain, TORNADO_OUTPUTS.length, CHUNK_SIZE) : null;
    const tornadoColumns = TORNADO_OUTPUTS.map((key) => source.outputColumns[OUTPUT_KEYS.indexOf(key)]!);
    source.onUniforms = deciles ? (input, address, length) => deciles.mark(input, address, length) : undefined;
    const moments = new Float64Array(pass.moments);
    const stride = 3 * OUTPUT_KEYS.length;
    try {
      this.eachBlock(
        pass.samples,
        pass.blockChunks,
        pass.blocks,
        counters,
        (length) => {
          counter.add(length);
          deciles?.add(tornadoColumns, length);
        },
        (block) => counter.takeBlock(moments, block * stride),
      );
    } finally {
      source.onUniforms = undefined;
    }
    return { kind: 'counted', outputs: counter.finish(), deciles: deciles?.export() ?? null };
  }

  gather(samples: number, blockChunks: number, blocks: number, plans: readonly (PassPlan | null)[], counters: Int32Array): Extract<WorkerMessage, { kind: 'passed' }> {
    const collectors = plans.map((plan) => (plan ? new PassCollector(plan) : null));
    this.eachBlock(samples, blockChunks, blocks, counters, (length) => {
      collectors.forEach((collector, j) => collector?.add(this.source.output(OUTPUT_KEYS[j]!), length));
    });
    return { kind: 'passed', results: collectors.map((collector): PassResult | null => collector?.finish() ?? null) };
  }
}

/** The passes of run-statistics.ts run by one PassWorker in this thread (small runs, tests). */
export function inThreadRunner(worker: PassWorker): PassRunner {
  const counters = () => new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
  const shape = (samples: number) => {
    const chunks = chunkCount(samples);
    const blockChunks = blockChunksFor(chunks);
    return { blockChunks, blocks: Math.ceil(chunks / blockChunks) };
  };
  return {
    workers: 1,
    expect: () => {},
    count: async (request) => {
      const { blockChunks, blocks } = shape(request.samples);
      const moments = new SharedArrayBuffer(blocks * OUTPUT_KEYS.length * 3 * 8);
      const reply = worker.count({ ...request, blockChunks, blocks, moments }, counters());
      return { outputs: [reply.outputs], deciles: [reply.deciles], moments: new Float64Array(moments), blocks };
    },
    gather: async (samples, plans) => {
      const { blockChunks, blocks } = shape(samples);
      return [worker.gather(samples, blockChunks, blocks, plans, counters()).results];
    },
  };
}
