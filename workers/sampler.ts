/**
 * A sampling worker of the pool. It serves runs one after another; a run is set up once (its inputs
 * compiled into the kernel's quantile programs), then served pass by pass (src/simulate/pass-worker.ts):
 * counting passes over the whole run or a pilot prefix and, when the statistics need them, passes
 * that regenerate the same chunks and gather values (the per-chunk streams make regeneration exact).
 */
import { parentPort } from 'node:worker_threads';
import type { Distribution } from '../distributions/index.js';
import type { InputKey } from '../src/model/inputs.js';
import { scenarioUniforms } from '../src/sampling/copula.js';
import { compileInputs } from '../src/scenario/compile.js';
import { loadKernel } from '../src/simulate/kernel-file.js';
import { KernelChunks } from '../src/simulate/kernel-chunks.js';
import { PassWorker } from '../src/simulate/pass-worker.js';
import type { RunSetup, WorkerCommand, WorkerMessage } from '../src/simulate/protocol.js';
import { decileTransferables } from '../src/stats/decile-medians.js';
import { transferables } from '../src/stats/pass-collector.js';

const port = parentPort!;
const kernel = loadKernel();

/** Replies whose buffers total at most this are copied rather than transferred (see send). */
const COPY_LIMIT = 1 << 20;

/**
 * Posts a reply. Transferring a buffer detaches it, and once any buffer of a thread is detached V8
 * checks every typed-array access of that thread for detachment (the model ran ~20% slower): so
 * the passes' small replies are copied, and only a large one (a gathering pass's values, where a
 * copy would cost memory the budget counts on) is transferred.
 */
function send(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  const bytes = transfer.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  port.postMessage(message, bytes > COPY_LIMIT ? transfer : []);
}

/** The last scenario's compiled inputs: repeated runs of one scenario (checks, comparisons) compile once. */
let compiled: { hash: string; distributions: Record<InputKey, Distribution> } | undefined;
let worker: PassWorker | undefined;

function setup({ scenario, seed, method, replicate, factor }: RunSetup): void {
  if (compiled?.hash !== scenario.hash) {
    // The pool's caller checked these specs (simulate → checkResolvedScenario): rebuild them without the checks.
    compiled = { hash: scenario.hash, distributions: compileInputs(scenario, { accepted: true }) };
  }
  kernel.reset();
  const plainMonteCarlo = (method ?? 'mc') === 'mc' && !scenario.correlations;
  const chunks = new KernelChunks(kernel, {
    distributions: compiled.distributions,
    stepCost: scenario.stepCost,
    uniforms: scenarioUniforms(seed, scenario, factor, method, replicate),
    aleaSeed: plainMonteCarlo ? seed : undefined,
  });
  worker = new PassWorker(kernel, chunks);
}

port.on('message', (command: WorkerCommand) => {
  try {
    if (command.kind === 'setup') {
      setup(command.setup);
      send({ kind: 'ready' });
    } else if (command.kind === 'count') {
      const reply = worker!.count(command.pass, new Int32Array(command.counters));
      const transfer = reply.outputs.flatMap((o) => [...(o.bins ? [o.bins.pages.buffer as ArrayBuffer, o.bins.counts.buffer as ArrayBuffer] : []), ...(o.slots ?? []).map((s) => s.buffer as ArrayBuffer)]);
      send(reply, [...transfer, ...(reply.deciles ? decileTransferables(reply.deciles) : [])]);
    } else if (command.kind === 'gather') {
      const reply = worker!.gather(command.samples, command.blockChunks, command.blocks, command.plans, new Int32Array(command.counters));
      send(reply, reply.results.flatMap((result) => (result ? transferables(result) : [])));
    } else worker = undefined;
  } catch (error) {
    const e = error as Error;
    send({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  }
});
