/**
 * A probability distribution for one model input. Every family samples through its quantile
 * function from a uniform u in (0, 1), so plain Monte Carlo, Latin hypercube, Sobol points and
 * copulas all share one code path (docs/engine.md).
 */
import { deepFrozen } from '../src/frozen.js';

/**
 * The uniforms the sampler draws lie in [SMALLEST_U, LARGEST_U]: seedrandom's alea `double()`
 * returns multiples of 2^-53 in [0, 1) and zero is redrawn. Domain checks test a distribution at
 * these two ends, and truncation keeps its quantile argument below LARGEST_U.
 */
export const SMALLEST_U = 2 ** -53;
/** The largest double below 1: the top of the open interval the quantile functions accept. */
export const LARGEST_U = 1 - 2 ** -53;

export const FAMILIES = deepFrozen([
  'fixed', 'uniform', 'loguniform', 'normal', 'lognormal', 'triangular', 'pert', 'beta', 'discrete',
] as const);

export type Family = (typeof FAMILIES)[number];

/**
 * A distribution as a scenario file writes it, after parsing:
 * - a number: that value, fixed;
 * - a string `"a to b"`: a lognormal whose 5th and 95th percentiles are a and b (Squiggle, Guesstimate);
 * - an object `{ dist: <family>, ...parameters, truncate?: [min | null, max | null] }`.
 */
export type DistributionInput = number | string | { dist: string; [parameter: string]: unknown };

/**
 * A compiled distribution's canonical parameters: plain JSON, enough to compile it again
 * (workers receive these), and what results and reports show.
 */
export interface DistributionSpec {
  dist: Family;
  [parameter: string]: unknown;
  truncate?: [number | null, number | null];
}

/**
 * What the WebAssembly draw stage needs to compute a distribution's quantile exactly as `quantile`
 * does (kernels/draw.ts; src/kernel/programs.ts writes it into the kernel's memory): the family's
 * precomputed parameters in the order the kernel reads them, a quantile table or atoms where the
 * family has them, and the truncation. Absent: the family has no kernel (its quantiles run in JavaScript).
 */
export interface KernelSpec {
  readonly family: 'uniform' | 'loguniform' | 'normal' | 'lognormal' | 'triangular' | 'table' | 'discrete';
  readonly parameters: readonly number[];
  readonly table?: QuantileTable;
  readonly atoms?: Float64Array;
  readonly cumulative?: Float64Array;
  /** low, high, massBelow, mass, uFloor, uCeiling (truncate.ts). */
  readonly truncate?: readonly [number, number, number, number, number, number];
}

/** A tabulated quantile (tabulated.ts): its grid, computed whole on first use, and the exact tails. */
export interface QuantileTable {
  /** Values, slopes and curvatures at the CELLS + 1 grid points. */
  grid(): { values: Float64Array; slopes: Float64Array; curvatures: Float64Array };
  /** The exact quantile, for u outside the grid. */
  tail(u: number): number;
}

export interface Distribution {
  readonly family: Family;
  /** Canonical parameters (compileDistribution(spec) gives this distribution back). */
  readonly spec: DistributionSpec;
  /** Smallest and largest value the distribution can produce (closed hull of the support). */
  readonly support: readonly [number, number];
  /** The inverse CDF: the value below which a fraction u of the mass lies, u in (0, 1). */
  quantile(u: number): number;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /**
   * One line for people, e.g. `lognormal, 90% in [10B, 30B]`. `value` writes the distribution's
   * values (ends, mode, mean, atoms, bounds; default shortNumber); shape parameters and weights keep
   * the short style. A report passes the input's own unit style (`1×10²¹ FLOP`, `40%`).
   */
  describe(value?: (x: number) => string): string;
  /** How the WebAssembly kernel computes `quantile` (absent: JavaScript only). */
  readonly kernel?: KernelSpec;
}
