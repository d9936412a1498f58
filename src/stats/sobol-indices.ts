/**
 * Variance-based sensitivity: first-order and total Sobol indices from a Saltelli design, with
 * Jansen's estimators and bootstrap confidence intervals.
 *
 * The design (Saltelli 2002; Saltelli et al. 2010, "Variance based sensitivity analysis of model
 * output", Comput. Phys. Commun. 181, 259–270): two independent N × k sample matrices A and B, and for
 * each input i the matrix A_B^i (A with column i taken from B). With f_A, f_B, f_ABi the model on their
 * rows and V the variance of f over the 2N rows of A and B:
 *
 *   total       S_Ti = (1/2N) Σ (f_A − f_ABi)² / V                  (Jansen 1999; Saltelli 2010, Table 2 (f))
 *   first-order S_i  = (V − (1/2N) Σ (f_B − f_ABi)²) / V            (Jansen 1999; Saltelli 2010, Table 2 (f))
 *
 * Both are consistent for independent inputs; the estimates can stray slightly outside [0, 1] at a
 * finite N, and are reported as computed. Confidence intervals: the percentile bootstrap over the N
 * rows (each resample redraws N row indices with replacement and recomputes V and both indices).
 */

export interface SobolEvaluations {
  /** f on the rows of A, of B, and of each A_B^i (input order), each of length N. */
  a: Float64Array;
  b: Float64Array;
  ab: readonly Float64Array[];
}

export interface SobolIndex {
  estimate: number;
  lower: number;
  upper: number;
}

export interface SobolIndices {
  /** Per input (the order of `ab`): first-order and total index with their bootstrap intervals. */
  first: SobolIndex[];
  total: SobolIndex[];
  /** The variance V of f over A and B (0: f does not vary, and the indices are undefined). */
  variance: number;
}

/** Uniforms in [0, 1) for bootstrap resample `r`: fills `target` (the caller seeds them). */
export type ResampleUniforms = (r: number, target: Float64Array) => void;

/** Point estimates over the rows `rows` (indices into the evaluations, repeats allowed). */
function estimate(f: SobolEvaluations, rows: Int32Array | null, n: number): { first: number[]; total: number[]; variance: number } {
  const row = rows ? (j: number) => rows[j]! : (j: number) => j;
  // V over the 2N values of f_A and f_B, about their mean (two passes: no cancellation).
  let sum = 0;
  for (let j = 0; j < n; j++) sum += f.a[row(j)]! + f.b[row(j)]!;
  const mean = sum / (2 * n);
  let squares = 0;
  for (let j = 0; j < n; j++) squares += (f.a[row(j)]! - mean) ** 2 + (f.b[row(j)]! - mean) ** 2;
  const variance = squares / (2 * n - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (const ab of f.ab) {
    let t = 0;
    let s = 0;
    for (let j = 0; j < n; j++) {
      const r = row(j);
      t += (f.a[r]! - ab[r]!) ** 2;
      s += (f.b[r]! - ab[r]!) ** 2;
    }
    total.push(t / (2 * n) / variance);
    first.push((variance - s / (2 * n)) / variance);
  }
  return { first, total, variance };
}

/** The empirical quantile (type 7) of a sorted array. */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * First-order and total indices with `confidence` percentile-bootstrap intervals over `resamples`
 * resamples. Returns null when f does not vary over A and B (no variance to apportion).
 */
export function sobolIndices(f: SobolEvaluations, options: { resamples: number; confidence: number; uniforms: ResampleUniforms }): SobolIndices | null {
  const n = f.a.length;
  const point = estimate(f, null, n);
  if (!(point.variance > 0) || !Number.isFinite(point.variance)) return null;
  const k = f.ab.length;
  const firsts = Array.from({ length: k }, () => new Float64Array(options.resamples));
  const totals = Array.from({ length: k }, () => new Float64Array(options.resamples));
  const rows = new Int32Array(n);
  const u = new Float64Array(n);
  for (let r = 0; r < options.resamples; r++) {
    options.uniforms(r, u);
    for (let j = 0; j < n; j++) rows[j] = Math.min(n - 1, Math.floor(u[j]! * n));
    const boot = estimate(f, rows, n);
    for (let i = 0; i < k; i++) {
      firsts[i]![r] = boot.first[i]!;
      totals[i]![r] = boot.total[i]!;
    }
  }
  const alpha = (1 - options.confidence) / 2;
  const interval = (estimate: number, draws: Float64Array): SobolIndex => {
    const sorted = draws.sort();
    return { estimate, lower: sortedQuantile(sorted, alpha), upper: sortedQuantile(sorted, 1 - alpha) };
  };
  return {
    first: point.first.map((e, i) => interval(e, firsts[i]!)),
    total: point.total.map((e, i) => interval(e, totals[i]!)),
    variance: point.variance,
  };
}
