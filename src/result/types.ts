/**
 * The Result: the one JSON document every consumer reads (reports, the regression check, library
 * users). It holds the resolved scenario, how the sample was drawn, and per-output statistics.
 * Reports and the regression check never resample.
 */
import type { DistributionSpec } from '../../distributions/types.js';
import type { StepCostModel } from '../model/compute.js';
import type { InputKey } from '../model/inputs.js';
import type { OutputKey } from '../model/outputs.js';

export const RESULT_FORMAT = 'sora-mc/result' as const;
export const RESULT_FORMAT_VERSION = 1 as const;

/** One input as the scenario resolved it. */
export interface InputAssumption {
  /** Canonical distribution parameters (`{ dist: 'fixed', value }` for a fixed input). */
  spec: DistributionSpec;
  /** The distribution in words, e.g. `lognormal, 90% in [10B, 30B]`. */
  description: string;
  /** Where the range comes from, as the scenario file cites it; `article` when left at its article value. */
  source: string;
  /** The input's own 10th, 50th and 90th percentiles. */
  p10: number;
  p50: number;
  p90: number;
}

export interface ResolvedScenario {
  name: string;
  description: string;
  /** `builtin:<name>` or the file path it was loaded from. */
  origin: string;
  /** sha256 of the resolved scenario's canonical JSON: changes whenever any assumption changes. */
  hash: string;
  stepCost: StepCostModel;
  /** Every input of the catalogue, resolved (inputs a scenario does not name are fixed at their article value). */
  inputs: Record<InputKey, InputAssumption>;
}

export interface PercentileEstimate {
  /** The probability, e.g. 0.1 for P10. */
  p: number;
  /** The sample quantile (type 7: linear interpolation between order statistics, as numpy and R's default). */
  value: number;
  /** Distribution-free 95% confidence interval for the true quantile, from order statistics. */
  lower: number;
  upper: number;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface OutputStats {
  unit: string;
  label: string;
  /** Samples in the statistics (non-finite samples are counted in `nonFinite` and excluded). */
  n: number;
  nonFinite: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentiles: PercentileEstimate[];
  /** Bins spaced evenly in log10(x) when `scale` is `log`, else in x; all samples fall in a bin. */
  histogram: { scale: 'log' | 'linear'; bins: HistogramBin[] };
}

/** One-at-a-time sensitivity: each uncertain input moved from its P10 to its P90, the rest at medians. */
export interface TornadoBar {
  input: InputKey;
  inputLow: number;
  inputHigh: number;
  /** Output at the input's P10 and P90. */
  outputs: Partial<Record<OutputKey, { atLow: number; atHigh: number }>>;
}

export interface Sensitivity {
  method: string;
  /** Outputs with every input at its median. */
  atMedians: Record<OutputKey, number>;
  tornado: TornadoBar[];
}

export interface RunInfo {
  seed: string;
  samples: number;
  workers: number;
  chunkSize: number;
  sampling: 'monte-carlo';
  generator: { name: string; version: string };
  /**
   * The sampling engine's version: changes only when the same scenario, seed and sample count would
   * give different numbers (chunking, stream names, quantile or interval method).
   */
  engine: string;
  elapsedMs: number;
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
