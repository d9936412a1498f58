/** Messages between the sampler pool and its workers. */
import type { OutputKey } from '../model/outputs.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { ColumnStats } from '../stats/types.js';

/** One run, as every worker of the pool receives it. */
export interface RunSetup {
  scenario: ResolvedScenario;
  seed: string;
  samples: number;
  /** The confidence level of the percentile intervals (recorded in the Result). */
  confidence: number;
  /** One SharedArrayBuffer of `samples` doubles per output. */
  outputBuffers: Record<OutputKey, SharedArrayBuffer>;
  /**
   * Int32 counters shared by every worker: [0] next chunk to sample, [1] chunks done,
   * [2] next output to summarise. Workers take work with Atomics.add, so the split between
   * workers varies from run to run but the result never does.
   */
  counters: SharedArrayBuffer;
}

export const NEXT_CHUNK = 0;
export const CHUNKS_DONE = 1;
export const NEXT_OUTPUT = 2;
export const COUNTERS = 3;

/** Main → worker: sample a run's chunks; then, once every worker has, summarise its outputs. */
export type WorkerCommand = { kind: 'sample'; setup: RunSetup } | { kind: 'summarize' };

export type WorkerMessage =
  | { kind: 'sampled' }
  | { kind: 'summary'; output: OutputKey; stats: ColumnStats }
  | { kind: 'summarized' }
  | { kind: 'error'; message: string; stack?: string };
