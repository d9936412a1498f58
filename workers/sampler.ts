/**
 * A sampling worker. Phase 1: take chunks off the shared counter and fill the shared output columns.
 * Phase 2 (after every worker has sampled): take outputs off the other counter and summarise them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OUTPUT_KEYS, type OutputKey } from '../src/model/outputs.js';
import { monteCarloUniforms } from '../src/sampling/uniforms.js';
import { compileInputs } from '../src/scenario/resolve.js';
import { allocateInputColumns, chunkCount, sampleChunk } from '../src/simulate/chunks.js';
import { CHUNKS_DONE, NEXT_CHUNK, NEXT_OUTPUT, type WorkerMessage, type WorkerSetup } from '../src/simulate/protocol.js';
import { summarizeColumn } from '../src/stats/summarize.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const counters = new Int32Array(setup.counters);
const outputs = Object.fromEntries(
  OUTPUT_KEYS.map((key) => [key, new Float64Array(setup.outputBuffers[key])]),
) as Record<OutputKey, Float64Array>;

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

function sample(): void {
  const ctx = {
    distributions: compileInputs(setup.scenario),
    uniforms: monteCarloUniforms(setup.seed),
    stepCost: setup.stepCost,
    samples: setup.samples,
    outputs,
    scratch: allocateInputColumns(),
  };
  const chunks = chunkCount(setup.samples);
  for (let k = Atomics.add(counters, NEXT_CHUNK, 1); k < chunks; k = Atomics.add(counters, NEXT_CHUNK, 1)) {
    sampleChunk(k, ctx);
    Atomics.add(counters, CHUNKS_DONE, 1);
  }
  send({ kind: 'sampled' });
}

function summarize(): void {
  for (let j = Atomics.add(counters, NEXT_OUTPUT, 1); j < OUTPUT_KEYS.length; j = Atomics.add(counters, NEXT_OUTPUT, 1)) {
    const output = OUTPUT_KEYS[j]!;
    send({ kind: 'summary', output, stats: summarizeColumn(outputs[output]) });
  }
  send({ kind: 'summarized' });
}

function guarded(work: () => void): void {
  try {
    work();
  } catch (error) {
    const e = error as Error;
    send({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  }
}

port.on('message', () => guarded(summarize));
guarded(sample);
