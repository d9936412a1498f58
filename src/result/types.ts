/**
 * The Result: the one JSON document every consumer reads (reports, the regression check, library
 * users). It holds the resolved scenario, how the sample was drawn, and per-output statistics.
 * Reports and the regression check never resample.
 */
import type { OutputKey } from '../model/outputs.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { OutputStats } from '../stats/types.js';
import type { Sensitivity } from '../stats/tornado.js';

export type { InputAssumption, ResolvedScenario } from '../scenario/types.js';
export type { ColumnStats, HistogramBin, OutputStats, PercentileEstimate } from '../stats/types.js';
export type { Sensitivity, TornadoBar } from '../stats/tornado.js';

export const RESULT_FORMAT = 'sora-mc/result' as const;
/** 2: the tornado is conditional medians around the simulated P50 (sensitivity.resolution; no atMedians). */
export const RESULT_FORMAT_VERSION = 2 as const;

export interface RunInfo {
  seed: string;
  samples: number;
  workers: number;
  chunkSize: number;
  sampling: 'monte-carlo' | 'latin-hypercube' | 'scrambled-sobol';
  /** With scrambled-sobol: the independent scrambles the percentile intervals come from (src/simulate/replicates.ts). */
  replicates?: number;
  generator: { name: string; version: string };
  /**
   * The sampling engine's version: changes only when the same scenario, seed and sample count would
   * give different numbers (chunking, stream names, quantile or interval method).
   */
  engine: string;
  elapsedMs: number;
  /** With --precision: the target, whether it was met, and every batch (src/simulate/precision.ts). */
  precision?: PrecisionTrace;
}

/** How a run to precision went: one entry per batch, the last one the Result's sample. */
export interface PrecisionTrace {
  /** The target relative half-width of the 95% intervals (0.005 for 0.5%). */
  target: number;
  /** The percentiles of every headline output it applies to. */
  percentiles: number[];
  maxSamples: number;
  met: boolean;
  trace: { samples: number; worst: { output: string; p: number; relativeHalfWidth: number }; met: boolean }[];
  /** The outcome in words. */
  statement: string;
}

export interface Result {
  format: typeof RESULT_FORMAT;
  formatVersion: typeof RESULT_FORMAT_VERSION;
  tool: { name: 'sora-mc'; version: string };
  scenario: ResolvedScenario;
  run: RunInfo;
  method: { quantile: string; interval: string; confidence: number };
  outputs: Record<OutputKey, OutputStats>;
  sensitivity: Sensitivity;
}
