/** Messages between the sampler pool and its workers. */
import type { SamplingMethod } from '../sampling/methods.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { DecileSummary } from '../stats/decile-medians.js';
import type { CountSummary } from '../stats/stream-count.js';
import type { PassPlan, PassResult } from '../stats/stream-select.js';

/** One run, as every worker of the pool receives it. */
export interface RunSetup {
  scenario: ResolvedScenario;
  seed: string;
  samples: number;
  /** The uniform stage: mc (default), lhs or sobol. */
  method?: SamplingMethod;
  /** With sobol: which independent scramble this run is (default 0). */
  replicate?: number;
  /** The confidence level of the percentile intervals (recorded in the Result). */
  confidence: number;
  /** Chunks per block: a block is the unit of work a worker takes, and of the per-block sums. */
  blockChunks: number;
  blocks: number;
  /** Per output (OUTPUT_KEYS order), the centre its sums of deviations are taken about. */
  centres: number[];
  /** Float64 per (block, output) at block · outputs + output: Σ(x − centre) in the counting pass. */
  sums: SharedArrayBuffer;
  /** The same layout: Σ(x − mean)² in the gathering pass. */
  squares: SharedArrayBuffer;
}

/**
 * Int32 counters of one pass, shared by every worker: [0] next block, [1] blocks done. Workers take
 * blocks with Atomics.add, so the split between workers varies from run to run but the result never does.
 */
export const NEXT_BLOCK = 0;
export const BLOCKS_DONE = 1;
export const COUNTERS = 2;

/**
 * Main → worker. `count`: sample every block, fold each chunk into per-output summaries and the
 * block sums. `pass`: regenerate every block and apply one plan per output (null: nothing to do).
 */
export type WorkerCommand =
  | { kind: 'count'; setup: RunSetup; counters: SharedArrayBuffer }
  | { kind: 'pass'; plans: (PassPlan | null)[]; counters: SharedArrayBuffer }
  | { kind: 'end' };

export type WorkerMessage =
  | { kind: 'counted'; summaries: CountSummary[]; deciles: DecileSummary }
  | { kind: 'passed'; results: (PassResult | null)[] }
  | { kind: 'error'; message: string; stack?: string };
