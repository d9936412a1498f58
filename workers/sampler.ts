/**
 * A sampling worker of the pool. It serves runs one after another; a run is a counting pass and
 * then one or two passes that regenerate the same chunks (the per-chunk streams make regeneration
 * exact). Each pass takes blocks of chunks off a shared counter; a chunk is sampled into scratch
 * columns of one chunk, folded into the pass's per-output summaries and dropped.
 */
import { parentPort } from 'node:worker_threads';
import type { Distribution } from '../distributions/index.js';
import { allocateOutputColumns } from '../src/model/compute.js';
import type { InputKey } from '../src/model/inputs.js';
import { OUTPUT_KEYS } from '../src/model/outputs.js';
import { scenarioUniforms } from '../src/sampling/copula.js';
import { CHUNK_SIZE } from '../src/sampling/uniforms.js';
import { compileInputs } from '../src/scenario/compile.js';
import { startDeciles } from '../src/simulate/deciles.js';
import { allocateInputColumns, chunkBounds, chunkCount, quantileLoops, sampleChunk, type ChunkContext } from '../src/simulate/chunks.js';
import { BLOCKS_DONE, NEXT_BLOCK, type RunSetup, type WorkerCommand, type WorkerMessage } from '../src/simulate/protocol.js';
import { decileTransferables } from '../src/stats/decile-medians.js';
import { OutputCounter } from '../src/stats/stream-count.js';
import { PassCollector, transferables, type PassResult } from '../src/stats/stream-select.js';

const port = parentPort!;

function send(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** The last scenario's compiled inputs: repeated runs of one scenario (checks, comparisons) compile once. */
let compiled: { hash: string; distributions: Record<InputKey, Distribution>; scratch: Record<InputKey, Float64Array>; loops: ChunkContext['loops'] } | undefined;
let run: { setup: RunSetup; ctx: ChunkContext } | undefined;

/** Samples every block this worker takes off `counters`, calling `fold` for each chunk, then `endBlock`. */
function eachBlock(counters: Int32Array, fold: (length: number) => void, endBlock?: (block: number) => void): void {
  const { setup, ctx } = run!;
  const chunks = chunkCount(setup.samples);
  for (let b = Atomics.add(counters, NEXT_BLOCK, 1); b < setup.blocks; b = Atomics.add(counters, NEXT_BLOCK, 1)) {
    const last = Math.min(chunks, (b + 1) * setup.blockChunks);
    for (let k = b * setup.blockChunks; k < last; k++) {
      sampleChunk(k, ctx);
      const [start, end] = chunkBounds(k, setup.samples);
      fold(end - start);
    }
    endBlock?.(b);
    Atomics.add(counters, BLOCKS_DONE, 1);
  }
}

function count(setup: RunSetup, counters: Int32Array): void {
  if (compiled?.hash !== setup.scenario.hash) {
    // The pool's caller checked these specs (simulate → checkResolvedScenario): rebuild them without the checks.
    const distributions = compileInputs(setup.scenario, { accepted: true });
    compiled = { hash: setup.scenario.hash, distributions, scratch: allocateInputColumns(distributions), loops: quantileLoops(distributions) };
  }
  const outputs = allocateOutputColumns(CHUNK_SIZE);
  run = {
    setup,
    ctx: {
      distributions: compiled.distributions,
      uniforms: scenarioUniforms(setup.seed, setup.scenario, setup.method, setup.replicate),
      stepCost: setup.scenario.stepCost,
      samples: setup.samples,
      outputs,
      scratch: compiled.scratch,
      loops: compiled.loops,
    },
  };
  const columns = OUTPUT_KEYS.map((key) => outputs[key]);
  const counterList = OUTPUT_KEYS.map((_, j) => new OutputCounter(setup.centres[j]!));
  const sums = new Float64Array(setup.sums);
  const stride = OUTPUT_KEYS.length;
  const deciles = startDeciles(run.ctx);
  eachBlock(
    counters,
    (length) => {
      for (let j = 0; j < columns.length; j++) counterList[j]!.add(columns[j]!, length);
      deciles.add(length);
    },
    (block) => {
      counterList.forEach((counter, j) => (sums[block * stride + j] = counter.takeBlockSum()));
    },
  );
  const summaries = counterList.map((counter) => counter.export());
  const decileSummary = deciles.finish().export();
  send({ kind: 'counted', summaries, deciles: decileSummary }, [...summaries.map((s) => s.bins.counts.buffer as ArrayBuffer), ...decileTransferables(decileSummary)]);
}

function pass(command: WorkerCommand & { kind: 'pass' }, counters: Int32Array): void {
  const { ctx, setup } = run!;
  const columns = OUTPUT_KEYS.map((key) => ctx.outputs[key]);
  const collectors = command.plans.map((plan) => (plan ? new PassCollector(plan) : null));
  const squares = new Float64Array(setup.squares);
  const stride = OUTPUT_KEYS.length;
  eachBlock(
    counters,
    (length) => {
      for (let j = 0; j < columns.length; j++) collectors[j]?.add(columns[j]!, length);
    },
    (block) => {
      collectors.forEach((collector, j) => collector && (squares[block * stride + j] = collector.takeBlockSquares()));
    },
  );
  const results: (PassResult | null)[] = collectors.map((collector) => collector?.finish() ?? null);
  send({ kind: 'passed', results }, results.flatMap((result) => (result ? transferables(result) : [])));
}

port.on('message', (command: WorkerCommand) => {
  try {
    if (command.kind === 'count') count(command.setup, new Int32Array(command.counters));
    else if (command.kind === 'pass') pass(command, new Int32Array(command.counters));
    else run = undefined;
  } catch (error) {
    const e = error as Error;
    send({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  }
});
