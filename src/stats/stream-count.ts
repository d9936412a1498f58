/**
 * The first pass of the streaming statistics, for one output: every chunk's values are folded into
 * a summary that merges exactly with the summaries of other chunks, in any order — the count of
 * finite and non-finite values, min, max, bin counts keyed by the bit pattern (float-bins.ts), and,
 * while an output takes at most SUPPORT_LIMIT distinct values (a discrete input passed through), those
 * values with their counts. Sums for the mean and sd are per block of chunks (see BlockSums).
 */
import { FloatBinCounts, wordsOf } from './float-bins.js';

/** An output with at most this many distinct values is summarised by them exactly. */
export const SUPPORT_LIMIT = 16;

/** A summary as it travels between threads. */
export interface CountSummary {
  n: number;
  nonFinite: number;
  min: number;
  max: number;
  bins: { pages: Int32Array; counts: Float64Array };
  /** Distinct values and their counts, or null when there are more than SUPPORT_LIMIT. */
  support: { values: number[]; counts: number[] } | null;
}

export class OutputCounter {
  n = 0;
  nonFinite = 0;
  min = Infinity;
  max = -Infinity;
  readonly bins = new FloatBinCounts();
  supportValues: number[] | null = [];
  supportCounts: number[] = [];
  // Running sums of (x − centre) and (x − centre)² over the current block, compensated (Neumaier 1974,
  // through Knuth's branch-free TwoSum): sum + error is the block's sum to about one rounding.
  private sum = 0;
  private sumError = 0;
  private squares = 0;
  private squaresError = 0;

  constructor(readonly centre: number) {}

  /** Folds column[0, length) in. */
  add(column: Float64Array, length: number): void {
    const words = wordsOf(column);
    const bins = this.bins;
    const pageOffset = bins.pageOffset;
    let counts = bins.counts;
    const centre = this.centre;
    let { min, max, sum, sumError, squares, squaresError } = this;
    let finite = 0;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue; // NaN or ±Infinity
      finite++;
      if (x < min) min = x;
      if (x > max) max = x;
      const d = x - centre;
      let t = sum + d;
      let v = t - sum;
      sumError += sum - (t - v) + (d - v);
      sum = t;
      const d2 = d * d;
      t = squares + d2;
      v = t - squares;
      squaresError += squares - (t - v) + (d2 - v);
      squares = t;
      const high = words[2 * i + 1]!;
      let offset = pageOffset[high >>> 20]!;
      if (offset < 0) {
        offset = bins.addPage(high >>> 20);
        counts = bins.counts;
      }
      counts[offset + ((high >>> 8) & 0xfff)]! += 1;
    }
    this.min = min;
    this.max = max;
    this.sum = sum;
    this.sumError = sumError;
    this.squares = squares;
    this.squaresError = squaresError;
    this.n += finite;
    this.nonFinite += length - finite;
    if (this.supportValues) this.addSupport(column, length);
  }

  private addSupport(column: Float64Array, length: number): void {
    const values = this.supportValues!;
    const counts = this.supportCounts;
    let last = -1;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      if (last >= 0 && values[last] === x) {
        counts[last]!++;
        continue;
      }
      last = values.indexOf(x);
      if (last < 0) {
        if (values.length === SUPPORT_LIMIT) {
          this.supportValues = null;
          this.supportCounts = [];
          return;
        }
        last = values.push(x) - 1;
        counts.push(0);
      }
      counts[last]!++;
    }
  }

  /** The current block's compensated sums of (x − centre) and (x − centre)²; starts the next block. */
  takeBlockSums(): [number, number] {
    const sums: [number, number] = [this.sum + this.sumError, this.squares + this.squaresError];
    this.sum = this.sumError = this.squares = this.squaresError = 0;
    return sums;
  }

  export(): CountSummary {
    return {
      n: this.n,
      nonFinite: this.nonFinite,
      min: this.min,
      max: this.max,
      bins: this.bins.export(),
      support: this.supportValues ? { values: [...this.supportValues], counts: [...this.supportCounts] } : null,
    };
  }
}

/** Merges summaries (exactly: integer counts, min, max, union of supports). */
export function mergeCounts(summaries: readonly CountSummary[]): { n: number; nonFinite: number; min: number; max: number; bins: FloatBinCounts; support: Map<number, number> | null } {
  const bins = new FloatBinCounts();
  let support: Map<number, number> | null = new Map();
  let n = 0;
  let nonFinite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const s of summaries) {
    n += s.n;
    nonFinite += s.nonFinite;
    if (s.min < min) min = s.min;
    if (s.max > max) max = s.max;
    bins.merge(s.bins);
    if (!s.support) support = null;
    else if (support) s.support.values.forEach((value, i) => support!.set(value, (support!.get(value) ?? 0) + s.support!.counts[i]!));
  }
  if (support && support.size > SUPPORT_LIMIT) support = null;
  return { n, nonFinite, min, max, bins, support };
}

/**
 * The mean and sample sd from per-block sums about a centre c, folded in block order (so the result
 * does not depend on which worker summed which block): with S₁ = Σ(x − c) and S₂ = Σ(x − c)²,
 * mean = c + S₁/n and (n − 1)·var = S₂ − S₁²/n. A centre near the values (the model at the inputs'
 * medians) keeps S₁²/n small against S₂, so little cancels.
 */
export function momentsFromBlockSums(blockSums: Float64Array, blocks: number, stride: number, at: number, centre: number, n: number): { mean: number; sd: number } {
  let s1 = 0;
  let e1 = 0;
  let s2 = 0;
  let e2 = 0;
  for (let b = 0; b < blocks; b++) {
    const d = blockSums[b * stride + at]!;
    let t = s1 + d;
    let v = t - s1;
    e1 += s1 - (t - v) + (d - v);
    s1 = t;
    const q = blockSums[b * stride + at + 1]!;
    t = s2 + q;
    v = t - s2;
    e2 += s2 - (t - v) + (q - v);
    s2 = t;
  }
  const sum = s1 + e1;
  const squares = s2 + e2;
  if (n === 0) return { mean: NaN, sd: NaN };
  const deviations = Math.max(0, squares - (sum * sum) / n);
  return { mean: centre + sum / n, sd: n > 1 ? Math.sqrt(deviations / (n - 1)) : 0 };
}
