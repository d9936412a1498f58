/**
 * Randomised quasi-Monte Carlo statistics: one output's statistics from R independent replicates
 * (R independent scrambles of the same Sobol points, each summarised by the streaming engine on its
 * own). Order-statistic intervals assume independent samples, which the points of one scramble are
 * not; the replicates are independent, so the spread between them measures the error (Owen 1997;
 * L'Ecuyer & Lemieux 2002, "Recent advances in randomized quasi-Monte Carlo methods", §2):
 *
 * - each percentile: the mean of the R replicate percentiles, with the Student t interval
 *   mean ± t_{R−1, (1+c)/2} · s / √R, s the sample sd of the R replicate percentiles; when all R
 *   agree exactly (s = 0: a fixed output, an atom, or a step of the CDF that balanced points split
 *   identically in every scramble), the hull of the replicates' own order-statistic intervals;
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
import type { ColumnStats, HistogramBin, OutputStats, PercentileEstimate } from './types.js';

/**
 * The Student t quantile t_{ν, p} for p > ½: P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun
 * 26.7.1 with 26.5.27), so t = √(ν (1 − x) / x) with x the regularised-beta quantile at 2(1 − p).
 */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p > 0.5 && p < 1) || !(dof > 0)) throw new RangeError(`studentTQuantile needs ½ < p < 1 and dof > 0, got p = ${p}, dof = ${dof}`);
  const x = unitBeta(dof / 2, 0.5).quantile(2 * (1 - p));
  return Math.sqrt((dof * (1 - x)) / x);
}

/** The interval method a Result records for a sobol run of `replicates` replicates. */
export function replicateIntervalMethod(replicates: number): string {
  return `randomised QMC: ${replicates} independent scrambles of the same Sobol points; each percentile is the mean of the ${replicates} replicate percentiles, its interval that mean ± t(${replicates - 1} dof) · sd/√${replicates} of the replicate percentiles`;
}

function combinePercentiles(replicates: readonly ColumnStats[], confidence: number): PercentileEstimate[] {
  const r = replicates.length;
  const t = studentTQuantile((1 + confidence) / 2, r - 1);
  return replicates[0]!.percentiles.map(({ p }, i) => {
    const values = replicates.map((stats) => stats.percentiles[i]!.value);
    if (values.every((v) => v === values[0])) {
      // Every scramble gives the same value: their spread (0) measures nothing. Balanced points do this
      // on a step of the CDF (an atom with dyadic weight: each scramble puts exactly that share below
      // it, so each interpolates between the same two order statistics, e.g. halfway between two
      // atoms). Fall back to the hull of the replicates' own order-statistic intervals: zero-width at
      // an atom or for a fixed output, spanning both atoms on a step (as a Monte Carlo run says).
      const lower = Math.min(...replicates.map((stats) => stats.percentiles[i]!.lower));
      const upper = Math.max(...replicates.map((stats) => stats.percentiles[i]!.upper));
      return { p, value: values[0]!, lower: Math.min(lower, values[0]!), upper: Math.max(upper, values[0]!) };
    }
    const mean = values.reduce((a, b) => a + b, 0) / r;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (r - 1));
    const half = (t * sd) / Math.sqrt(r);
    return { p, value: mean, lower: mean - half, upper: mean + half };
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
export function combineReplicates(replicates: readonly ColumnStats[], confidence: number): ColumnStats {
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
  return { n, nonFinite, min, max, mean, sd, percentiles: combinePercentiles(replicates, confidence), histogram: combineHistograms(replicates, min, max) };
}
