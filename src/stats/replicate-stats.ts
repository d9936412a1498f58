/**
 * Randomised quasi-Monte Carlo statistics: one output's statistics from R independent replicates
 * (R independent scrambles of the same Sobol points, each summarised by the streaming engine on its
 * own). Order-statistic intervals assume independent samples, which the points of one scramble are
 * not; the replicates are independent, so the spread between them measures the error (Owen 1997;
 * L'Ecuyer & Lemieux 2002, "Recent advances in randomized quasi-Monte Carlo methods", §2):
 *
 * - each percentile: each replicate's estimate by the per-replicate definition (REPLICATE_QUANTILE,
 *   below), their mean, and the interval mean ± k · s / √R, s the sample sd of the R estimates and k
 *   the larger of Student's t_{R−1, (1+c)/2} and its value for uniform estimates
 *   (replicateIntervalMultiplier), cut to the pooled [min, max] (no interval leaves the values the
 *   output takes);
 * - where the spread between replicates measures nothing: when all R agree exactly (s = 0: a fixed
 *   output, an atom, or a step of the CDF that balanced points split identically in every scramble),
 *   and for an output with atoms (at most 16 distinct values, tallied exactly: its percentiles sit on
 *   steps of the CDF, where the replicates jump between atoms), the hull of the replicates' own
 *   order-statistic intervals at p;
 * - mean: the mean of the replicate means (equal replicate sizes: the pooled mean);
 * - sd: the pooled sample sd, from each replicate's mean and sd (within- plus between-replicate sums of squares);
 * - min, max, n, nonFinite: over the pooled sample, exactly;
 * - histogram: each replicate's histogram re-binned onto common edges over the pooled [min, max]
 *   (each bin's count spread over the common bins it overlaps, in the scale's coordinate), then summed:
 *   the total count is exact, the bin counts are approximate within a replicate bin's width
 *   (fractions rounded to whole counts by largest remainder).
 */
import { unitBeta } from '../../distributions/incomplete-beta.js';
import { HISTOGRAM_BINS } from './bins.js';
import { CONFIDENCE as CONFIDENCE_OF_RESULTS } from './percentiles.js';
import type { ColumnStats, HistogramBin, OutputStats, PercentileEstimate, RunColumnStats } from './types.js';

/**
 * How one replicate of m points estimates the p-quantile (1-based position h, linear interpolation
 * between the order statistics around it; Hyndman & Fan 1996):
 *
 * - `hazen` (type 5): h = m·p + ½. The points of one scramble are stratified: every one-dimensional
 *   projection of 2^k nested-scrambled Sobol points holds one point uniform in each of m equal strata,
 *   so the i-th smallest has mean (i − ½)/m and the estimate is unbiased in probability for an output
 *   monotone in one input. (For independent points its bias is (½ − p)/(m + 1), half of type 7's.)
 * - `type7`: h = (m − 1)p + 1, R's and numpy's default and what a Monte Carlo run reports. On
 *   stratified points its bias is (½ − p)/m in probability, larger than the spread between scrambles
 *   (about 0.3/m, and that over √R for their mean): intervals from that spread then miss the truth
 *   away from P50 (bench/qmc-coverage.mjs: at most 1.3% of runs at P1–P10 and P90–P99, 12–33% at
 *   P25–P80, for outputs driven by one input).
 */
export type ReplicateQuantile = 'hazen' | 'type7';

/** The per-replicate percentile definition of a `--method sobol` run. */
export const REPLICATE_QUANTILE: ReplicateQuantile = 'hazen';

/** The probability at which type 7 on m values gives `definition`'s estimate of the p-quantile (h clamped to [1, m]). */
export function type7Probability(p: number, m: number, definition: ReplicateQuantile = REPLICATE_QUANTILE): number {
  if (definition === 'type7' || m < 2) return p;
  // Type 7's position (m − 1)q + 1 equals Hazen's m·p + ½ at q = (m·p − ½)/(m − 1).
  return Math.min(1, Math.max(0, (m * p - 0.5) / (m - 1)));
}

/**
 * The probabilities a replicate of m points is summarised at: each reported p (for its order-statistic
 * interval), then each p's estimate position under `definition` (type 7 at type7Probability).
 */
export function replicateProbabilities(ps: readonly number[], m: number, definition: ReplicateQuantile = REPLICATE_QUANTILE): number[] {
  return [...ps, ...ps.map((p) => type7Probability(p, m, definition))];
}

/**
 * A replicate's statistics at `ps`, from a run summarised at replicateProbabilities(ps, …): each p's
 * value is its estimate under the definition, its interval the order-statistic interval at p itself.
 */
export function replicateEstimates(stats: RunColumnStats, ps: readonly number[]): RunColumnStats {
  if (stats.percentiles.length === 0) return stats;
  const percentiles = ps.map((p, i): PercentileEstimate => {
    const { lower, upper, coverage } = stats.percentiles[i]!;
    return { p, value: stats.percentiles[ps.length + i]!.value, lower, upper, ...(coverage === undefined ? {} : { coverage }) };
  });
  return { ...stats, percentiles };
}

/**
 * The Student t quantile t_{ν, p} for p > ½: P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun
 * 26.7.1 with 26.5.27), so t = √(ν (1 − x) / x) with x the regularised-beta quantile at 2(1 − p).
 */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p > 0.5 && p < 1) || !(dof > 0)) throw new RangeError(`studentTQuantile needs ½ < p < 1 and dof > 0, got p = ${p}, dof = ${dof}`);
  const x = unitBeta(dof / 2, 0.5).quantile(2 * (1 - p));
  return Math.sqrt((dof * (1 - x)) / x);
}

/**
 * The c-quantile of |T| = |mean − μ| / (s/√R) for R uniform replicate estimates, by c and R:
 * 2.4578 for R = 8 at c = 95% (10^7 draws of 8 alea uniforms, seed 'uniform-t'; Student's t, for normal
 * estimates, is 2.3646). A replicate's percentile estimate is far from normal where one input drives
 * the output: its point is uniform within a stratum, so the estimate is nearly uniform (L'Ecuyer,
 * Munger & Tuffin 2010 find such non-normal randomised-QMC errors), and the t interval of 8 such
 * replicates covers 94.3%, not 95%.
 */
const UNIFORM_REPLICATES_QUANTILE: Readonly<Record<string, number>> = { '0.95/8': 2.46 };

/**
 * The multiplier of the replicates' standard error s/√R in a percentile's interval: the larger of
 * Student's t_{R−1, (1+c)/2} and the quantile for uniform replicate estimates, where tabulated
 * (R = 8 at 95%, the only setting sora-mc runs); Student's t elsewhere.
 */
export function replicateIntervalMultiplier(confidence: number, replicates: number): number {
  const t = studentTQuantile((1 + confidence) / 2, replicates - 1);
  return Math.max(t, UNIFORM_REPLICATES_QUANTILE[`${confidence}/${replicates}`] ?? t);
}

/** The interval method a Result records for a sobol run of `replicates` replicates. */
export function replicateIntervalMethod(replicates: number): string {
  const k = replicateIntervalMultiplier(CONFIDENCE_OF_RESULTS, replicates);
  return `randomised QMC: ${replicates} independent scrambles of the same Sobol points; each percentile is the mean of the ${replicates} replicate percentiles, its interval that mean ± ${k.toFixed(2)} · sd/√${replicates} of the replicate percentiles (the larger of t(${replicates - 1} dof) and the same quantile for uniform replicate estimates), within the output's [min, max]; for an output of at most 16 distinct values, or where every replicate agrees, the hull of the replicates' order-statistic intervals`;
}

/** The quantile definition a Result records for a sobol run of `replicates` replicates. */
export function replicateQuantileDefinition(replicates: number, definition: ReplicateQuantile = REPLICATE_QUANTILE): string {
  const position = definition === 'hazen' ? 'type 5 (Hazen): linear interpolation between order statistics at h = m·p + ½' : 'type 7: linear interpolation between order statistics at h = (m − 1)p + 1';
  return `the mean over ${replicates} replicates of each replicate's quantile of its m = samples/${replicates} points, ${position} (1-based)`;
}

function combinePercentiles(replicates: readonly RunColumnStats[], confidence: number, min: number, max: number): PercentileEstimate[] {
  const r = replicates.length;
  const t = replicateIntervalMultiplier(confidence, r);
  // An output of few distinct values (each replicate tallied them exactly): its percentiles sit on steps
  // of the CDF, where a replicate's estimate jumps from one atom to the next as its share below the step
  // wobbles; the spread of such jumps is no normal error, and a t interval could leave the atoms behind.
  const atoms = replicates.every((stats) => stats.distinct !== undefined);
  return replicates[0]!.percentiles.map(({ p }, i) => {
    const values = replicates.map((stats) => stats.percentiles[i]!.value);
    const agree = values.every((v) => v === values[0]);
    if (agree || atoms) {
      // Every scramble gives the same value (balanced points do this on a step of the CDF: an atom with
      // dyadic weight, each scramble putting exactly that share below it), or the output has atoms: their
      // spread measures nothing. The hull of the replicates' own order-statistic intervals instead:
      // zero-width at an atom or for a fixed output, spanning both atoms on a step (as a Monte Carlo run says).
      const value = agree ? values[0]! : values.reduce((a, b) => a + b, 0) / r;
      const lower = Math.min(...replicates.map((stats) => stats.percentiles[i]!.lower));
      const upper = Math.max(...replicates.map((stats) => stats.percentiles[i]!.upper));
      return { p, value, lower: Math.min(lower, value), upper: Math.max(upper, value) };
    }
    const mean = values.reduce((a, b) => a + b, 0) / r;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (r - 1));
    const half = (t * sd) / Math.sqrt(r);
    // The true quantile lies within the values the output takes: the interval never leaves [min, max].
    return { p, value: mean, lower: Math.max(min, mean - half), upper: Math.min(max, mean + half) };
  });
}

function combineHistograms(replicates: readonly ColumnStats[], min: number, max: number): OutputStats['histogram'] {
  const scale = replicates[0]!.histogram.scale;
  if (min === max) return { scale: 'linear', bins: [{ x0: min, x1: max, count: replicates.reduce((a, s) => a + s.n, 0) }] };
  // Log scale only when every replicate chose it (all values positive); else linear over the pooled range.
  const log = scale === 'log' && min > 0 && replicates.every((s) => s.histogram.scale === 'log');
  const at = log ? Math.log10 : (x: number) => x;
  const from = log ? (y: number) => 10 ** y : (y: number) => y;
  const lo = at(min);
  const width = (at(max) - lo) / HISTOGRAM_BINS;
  const counts = new Float64Array(HISTOGRAM_BINS);
  for (const stats of replicates) {
    for (const bin of stats.histogram.bins) {
      const a = (at(bin.x0) - lo) / width;
      const b = (at(bin.x1) - lo) / width;
      if (!(b > a)) {
        counts[Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(a)))]! += bin.count;
        continue;
      }
      for (let k = Math.max(0, Math.floor(a)); k < Math.min(HISTOGRAM_BINS, Math.ceil(b)); k++) {
        const overlap = Math.min(b, k + 1) - Math.max(a, k);
        if (overlap > 0) counts[k]! += (bin.count * overlap) / (b - a);
      }
    }
  }
  // Whole counts that keep the exact total: floors, then the remainder to the largest fractions (Hamilton's method).
  const whole = Array.from(counts, Math.floor);
  const total = replicates.reduce((a, s) => a + s.histogram.bins.reduce((b, bin) => b + bin.count, 0), 0);
  const order = Array.from(counts.keys()).sort((i, j) => counts[j]! - whole[j]! - (counts[i]! - whole[i]!) || i - j);
  for (let left = total - whole.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) whole[order[i % order.length]!]! += 1;
  const bins: HistogramBin[] = whole.map((count, k) => ({
    x0: k === 0 ? min : from(lo + k * width),
    x1: k === HISTOGRAM_BINS - 1 ? max : from(lo + (k + 1) * width),
    count,
  }));
  return { scale: log ? 'log' : 'linear', bins };
}

/** One output's statistics from R ≥ 2 replicates of equal size (see the file comment). */
export function combineReplicates(replicates: readonly RunColumnStats[], confidence: number): ColumnStats {
  if (replicates.length < 2) throw new RangeError('randomised QMC needs at least 2 replicates');
  const n = replicates.reduce((a, s) => a + s.n, 0);
  const nonFinite = replicates.reduce((a, s) => a + s.nonFinite, 0);
  const min = Math.min(...replicates.map((s) => s.min));
  const max = Math.max(...replicates.map((s) => s.max));
  const mean = replicates.reduce((a, s) => a + s.n * s.mean, 0) / n;
  // Σ (n_r − 1) s_r² + Σ n_r (m_r − m)², over n − 1.
  const squares = replicates.reduce((a, s) => a + (s.n > 1 ? (s.n - 1) * s.sd ** 2 : 0) + s.n * (s.mean - mean) ** 2, 0);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  if (n === 0) return { n, nonFinite, min, max, mean: NaN, sd: NaN, percentiles: [], histogram: { scale: 'linear', bins: [] } };
  return { n, nonFinite, min, max, mean, sd, percentiles: combinePercentiles(replicates, confidence, min, max), histogram: combineHistograms(replicates, min, max) };
}
