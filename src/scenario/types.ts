/** What the scenario stage hands on: every input resolved to a distribution, with its source and quantiles. */
import type { DistributionSpec } from '../../distributions/types.js';
import type { StepCostModel } from '../model/compute.js';
import type { InputKey } from '../model/inputs.js';
import type { ResolvedCorrelations } from './correlations.js';
import { deepFrozen } from '../frozen.js';

/** One input as the scenario resolved it. */
/** How an input's range was reached (see InputAssumption.basis). */
export const INPUT_BASES = deepFrozen(['fitted', 'judgement'] as const);
export type InputBasis = (typeof INPUT_BASES)[number];

export interface InputAssumption {
  /** Canonical distribution parameters (`{ dist: 'fixed', value }` for a fixed input). */
  spec: DistributionSpec;
  /** The distribution in words, e.g. `lognormal, 90% in [10B, 30B]`. */
  description: string;
  /** Where the range comes from, as the scenario file cites it; `article` when left at its article value. */
  source: string;
  /**
   * How the range was reached, when the file says: `fitted` (derived from the calibration set by
   * `sora-mc calibrate`) or `judgement` (no published figure pins it). Absent: read from the cited source.
   */
  basis?: InputBasis;
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
  /** Rank correlations between uncertain inputs (a Gaussian copula); absent: every input is independent. */
  correlations?: ResolvedCorrelations;
}
