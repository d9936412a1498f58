/**
 * The first pass of the streaming statistics, for one output: every chunk's values are folded into
 * a summary that merges exactly with the summaries of other chunks, in any order — the count of
 * finite and non-finite values, min, max, bin counts keyed by the bit pattern (float-bins.ts), and,
 * while an output takes at most SUPPORT_LIMIT distinct values (a discrete input passed through), those
 * values with their counts. Sums for the mean and sd are per block of chunks (see BlockSums).
 */
import { BIN_BITS, BIN_MASK, BIN_SHIFT, FloatBinCounts, keyOf, wordsOf } from './float-bins.js';

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
  /** How many of the support's zeros were −0. */
  private supportNegativeZeros = 0;
  // The sum of (x − centre) over the current block: each chunk's plain sum (two interleaved
  // accumulators), folded into a compensated block sum (Neumaier 1974, through Knuth's branch-free
  // TwoSum). Squared deviations are summed about the mean in the last pass (stream-select.ts).
  private sum = 0;
  private sumError = 0;

  constructor(readonly centre: number) {}

  /**
   * Folds column[0, length) in. While the output has at most SUPPORT_LIMIT distinct values their
   * counts say everything the bins would: the bins are left empty then, and filled from those
   * counts the moment a chunk brings one value too many (or when exported).
   */
  add(column: Float64Array, length: number): void {
    if (this.supportValues && this.addSupport(column, length)) {
      this.addMoments(column, length);
      return;
    }
    this.addBinned(column, length);
  }

  /** add() with the bins: counts, min, max, the block sum and each value's bin. */
  private addBinned(column: Float64Array, length: number): void {
    const words = wordsOf(column);
    const bins = this.bins;
    const pageOffset = bins.pageOffset;
    let counts = bins.counts;
    const centre = this.centre;
    let min = this.min;
    let max = this.max;
    let sumA = 0;
    let sumB = 0;
    let finite = 0;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue; // NaN or ±Infinity
      finite++;
      if (x < min) min = x;
      if (x > max) max = x;
      if (i & 1) sumB += x - centre;
      else sumA += x - centre;
      const high = words[2 * i + 1]!;
      let offset = pageOffset[high >>> 20]!;
      if (offset < 0) {
        offset = bins.addPage(high >>> 20);
        counts = bins.counts;
      }
      counts[offset + ((high >>> BIN_SHIFT) & BIN_MASK)]! += 1;
    }
    this.min = min;
    this.max = max;
    this.addToBlock(sumA + sumB);
    this.n += finite;
    this.nonFinite += length - finite;
  }

  /** n, non-finite count, min, max and the block sum of column[0, length): add() without the bins. */
  private addMoments(column: Float64Array, length: number): void {
    const centre = this.centre;
    let min = this.min;
    let max = this.max;
    let sumA = 0;
    let sumB = 0;
    let finite = 0;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      finite++;
      if (x < min) min = x;
      if (x > max) max = x;
      if (i & 1) sumB += x - centre;
      else sumA += x - centre;
    }
    this.min = min;
    this.max = max;
    this.addToBlock(sumA + sumB);
    this.n += finite;
    this.nonFinite += length - finite;
  }

  private addToBlock(sum: number): void {
    const t = this.sum + sum;
    const v = t - this.sum;
    this.sumError += this.sum - (t - v) + (sum - v);
    this.sum = t;
  }

  /**
   * Tallies column[0, length) into the distinct values' counts; true if they still hold at most
   * SUPPORT_LIMIT values. Otherwise the counts from before this chunk go into the bins (which were
   * empty), the support is dropped, and false: the caller bins the whole chunk.
   */
  private addSupport(column: Float64Array, length: number): boolean {
    const values = this.supportValues!;
    const counts = this.supportCounts;
    const before = { values: values.length, counts: [...counts], negativeZeros: this.supportNegativeZeros };
    let last = -1;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      // The support, like ===, takes −0 for 0; the bins keep them apart (the sign bit), so count −0s.
      if (x === 0 && 1 / x < 0) this.supportNegativeZeros++;
      if (last >= 0 && values[last] === x) {
        counts[last]!++;
        continue;
      }
      last = values.indexOf(x);
      if (last < 0) {
        if (values.length === SUPPORT_LIMIT) {
          binSupport(this.bins, values.slice(0, before.values), before.counts, before.negativeZeros);
          this.supportValues = null;
          this.supportCounts = [];
          return false;
        }
        last = values.push(x) - 1;
        counts.push(0);
      }
      counts[last]!++;
    }
    return true;
  }

  /** The current block's compensated sum of (x − centre); starts the next block. */
  takeBlockSum(): number {
    const sum = this.sum + this.sumError;
    this.sum = this.sumError = 0;
    return sum;
  }

  export(): CountSummary {
    return {
      n: this.n,
      nonFinite: this.nonFinite,
      min: this.min,
      max: this.max,
      bins: this.supportValues ? binnedSupport(this.supportValues, this.supportCounts, this.supportNegativeZeros).export() : this.bins.export(),
      support: this.supportValues ? { values: [...this.supportValues], counts: [...this.supportCounts] } : null,
    };
  }
}

/** Adds each distinct value's count to its bin; `negativeZeros` of a zero's count are −0 (another bin). */
function binSupport(bins: FloatBinCounts, values: readonly number[], counts: readonly number[], negativeZeros: number): void {
  const put = (x: number, count: number) => {
    if (count === 0) return; // a page exists only once a value lands in it (its bytes count against the budget)
    const key = keyOf(x);
    let offset = bins.pageOffset[key >>> BIN_BITS]!;
    if (offset < 0) offset = bins.addPage(key >>> BIN_BITS);
    bins.counts[offset + (key & BIN_MASK)]! += count;
  };
  values.forEach((x, i) => {
    if (x !== 0) return put(x, counts[i]!);
    put(0, counts[i]! - negativeZeros);
    put(-0, negativeZeros);
  });
}

/** The bins of an output known by its distinct values (they were not counted value by value). */
function binnedSupport(values: readonly number[], counts: readonly number[], negativeZeros: number): FloatBinCounts {
  const bins = new FloatBinCounts();
  binSupport(bins, values, counts, negativeZeros);
  return bins;
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
 * The mean from per-block sums of x − c, folded in block order with compensation (so the result does
 * not depend on which worker summed which block): mean = c + Σ(x − c)/n. A centre near the values
 * (the model at the inputs' medians) keeps the sums small.
 */
export function meanFromBlockSums(blockSums: Float64Array, blocks: number, stride: number, at: number, centre: number, n: number): number {
  return n === 0 ? NaN : centre + foldBlocks(blockSums, blocks, stride, at) / n;
}

/** The sample sd (n − 1) from per-block sums of squared deviations about the mean. */
export function sdFromBlockSquares(blockSquares: Float64Array, blocks: number, stride: number, at: number, n: number): number {
  return n > 1 ? Math.sqrt(foldBlocks(blockSquares, blocks, stride, at) / (n - 1)) : n === 1 ? 0 : NaN;
}

/** Σ over blocks b of values[b · stride + at], in block order, compensated (Neumaier 1974 via TwoSum). */
function foldBlocks(values: Float64Array, blocks: number, stride: number, at: number): number {
  let sum = 0;
  let error = 0;
  for (let b = 0; b < blocks; b++) {
    const x = values[b * stride + at]!;
    const t = sum + x;
    const v = t - sum;
    error += sum - (t - v) + (x - v);
    sum = t;
  }
  return sum + error;
}
