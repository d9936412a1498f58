/** Messages between the sampler pool and its workers. */
import type { SamplingMethod } from '../sampling/methods.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { DecileSummary } from '../stats/decile-medians.js';
import type { SlotPlan } from '../stats/ordered-bins.js';
import type { OutputCount } from '../kernel/counter.js';
import type { PassPlan, PassResult } from '../stats/pass-collector.js';

/** One run, as every worker of the pool receives it before its passes. */
export interface RunSetup {
  scenario: ResolvedScenario;
  seed: string;
  /** The uniform stage: mc (default), lhs or sobol. */
  method?: SamplingMethod;
  /** With sobol: which independent scramble this run is (default 0). */
  replicate?: number;
  /** With correlations: the Cholesky factor of the normal-score matrix (src/sampling/copula.ts). */
  factor?: number[][];
}

/**
 * A counting pass over the run's first `samples` samples (the whole run, or a pilot prefix): every
 * chunk folded into each output's moments and, for the outputs marked `binned`, bins and the sub-bins
 * of `plans`; the tornado's deciles when asked. Block moments (n, mean, M2 per output) go to `moments`
 * at (block · outputs + output) · 3.
 */
export interface CountPass {
  samples: number;
  blockChunks: number;
  blocks: number;
  binned: boolean[];
  /** Per output: tally its distinct values while it has few (false: an output known constant, read from its moments). */
  tallied: boolean[];
  plans: (SlotPlan | null)[];
  deciles: boolean;
  moments: SharedArrayBuffer;
}

/**
 * Int32 counters of one pass, shared by every worker: [0] next block, [1] blocks done. Workers take
 * blocks with Atomics.add, so the split between workers varies from run to run but the result never does.
 */
export const NEXT_BLOCK = 0;
export const BLOCKS_DONE = 1;
export const COUNTERS = 2;

/**
 * Main → worker. `setup`: compile a run's inputs. `count`: a counting pass. `gather`: regenerate the
 * first `samples` samples and apply one plan per output (null: nothing to do). `end`: the run is over.
 */
export type WorkerCommand =
  | { kind: 'setup'; setup: RunSetup }
  | { kind: 'count'; pass: CountPass; counters: SharedArrayBuffer }
  | { kind: 'gather'; samples: number; blockChunks: number; blocks: number; plans: (PassPlan | null)[]; counters: SharedArrayBuffer }
  | { kind: 'end' };

export type { OutputCount };

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'counted'; outputs: OutputCount[]; deciles: DecileSummary | null }
  | { kind: 'passed'; results: (PassResult | null)[] }
  | { kind: 'error'; message: string; stack?: string };
