/**
 * A sampling worker of the pool. It waits for runs: on `sample` it takes chunks off the shared
 * counter and fills the shared output columns; on `summarize` (once every worker has sampled) it
 * takes outputs off the other counter and summarises them. It serves any number of runs.
 */
import { parentPort } from 'node:worker_threads';
import type { Distribution } from '../distributions/index.js';
import type { InputKey } from '../src/model/inputs.js';
import { OUTPUT_KEYS, type OutputKey } from '../src/model/outputs.js';
import { monteCarloUniforms } from '../src/sampling/uniforms.js';
import { compileInputs } from '../src/scenario/compile.js';
import { allocateInputColumns, chunkCount, sampleChunk } from '../src/simulate/chunks.js';
import { CHUNKS_DONE, NEXT_CHUNK, NEXT_OUTPUT, type RunSetup, type WorkerCommand, type WorkerMessage } from '../src/simulate/protocol.js';
import { REPORTED_PERCENTILES } from '../src/stats/percentiles.js';
import { summarizeColumn } from '../src/stats/summarize.js';

const port = parentPort!;

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

/** The last scenario's compiled inputs: repeated runs of one scenario (checks, comparisons) compile once. */
let compiled: { hash: string; distributions: Record<InputKey, Distribution>; scratch: Record<InputKey, Float64Array> } | undefined;
let run: { setup: RunSetup; outputs: Record<OutputKey, Float64Array>; counters: Int32Array } | undefined;

function sample(setup: RunSetup): void {
  if (compiled?.hash !== setup.scenario.hash) {
    const distributions = compileInputs(setup.scenario);
    compiled = { hash: setup.scenario.hash, distributions, scratch: allocateInputColumns(distributions) };
  }
  const outputs = Object.fromEntries(
    OUTPUT_KEYS.map((key) => [key, new Float64Array(setup.outputBuffers[key])]),
  ) as Record<OutputKey, Float64Array>;
  const counters = new Int32Array(setup.counters);
  run = { setup, outputs, counters };
  const ctx = {
    distributions: compiled.distributions,
    uniforms: monteCarloUniforms(setup.seed),
    stepCost: setup.scenario.stepCost,
    samples: setup.samples,
    outputs,
    scratch: compiled.scratch,
  };
  const chunks = chunkCount(setup.samples);
  for (let k = Atomics.add(counters, NEXT_CHUNK, 1); k < chunks; k = Atomics.add(counters, NEXT_CHUNK, 1)) {
    sampleChunk(k, ctx);
    Atomics.add(counters, CHUNKS_DONE, 1);
  }
  send({ kind: 'sampled' });
}

function summarize(): void {
  const { outputs, counters } = run!;
  for (let j = Atomics.add(counters, NEXT_OUTPUT, 1); j < OUTPUT_KEYS.length; j = Atomics.add(counters, NEXT_OUTPUT, 1)) {
    const output = OUTPUT_KEYS[j]!;
    send({ kind: 'summary', output, stats: summarizeColumn(outputs[output], REPORTED_PERCENTILES, run!.setup.confidence) });
  }
  run = undefined; // let the run's buffers go
  send({ kind: 'summarized' });
}

port.on('message', (command: WorkerCommand) => {
  try {
    if (command.kind === 'sample') sample(command.setup);
    else summarize();
  } catch (error) {
    const e = error as Error;
    send({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  }
});
