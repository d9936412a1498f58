/**
 * The counting pass's summaries of one output, and how they merge: the count of finite and
 * non-finite values, min, max, bin counts keyed by the bit pattern (float-bins.ts; counted by the
 * kernel, kernels/count.ts), and, while an output takes at most SUPPORT_LIMIT distinct values (a
 * discrete input passed through), those values with their counts. Moments are merged per block of
 * chunks (mergeBlockMoments). Every part merges exactly in any order.
 */
import { BIN_BITS, BIN_MASK, FloatBinCounts, keyOf } from './float-bins.js';

/** An output with at most this many distinct values is summarised by them exactly. */
export const SUPPORT_LIMIT = 16;

/** A summary as it travels between threads. */
export interface CountSummary {
  n: number;
  nonFinite: number;
  min: number;
  max: number;
  /** Bin counts, or null for an output summarised otherwise (by its support, or by another output's bins). */
  bins: { pages: Int32Array; counts: Float64Array } | null;
  /** Distinct values and their counts, or null when there are more than SUPPORT_LIMIT. */
  support: { values: number[]; counts: number[] } | null;
}

/** The distinct values of an output and their counts, while there are at most SUPPORT_LIMIT. */
export class SupportTally {
  private values: number[] = [];
  private counts: number[] = [];
  /** How many of the zeros are −0 (the support, like ===, takes −0 for 0; bins keep them apart). */
  private negativeZeros = 0;
  private before = { values: 0, counts: [] as number[], negativeZeros: 0 };

  /** Tallies column[0, length); false when the column brings one value too many (the tally then holds the counts from before it). */
  add(column: Float64Array, length: number): boolean {
    const values = this.values;
    const counts = this.counts;
    this.before = { values: values.length, counts: [...counts], negativeZeros: this.negativeZeros };
    let last = -1;
    for (let i = 0; i < length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      if (x === 0 && 1 / x < 0) this.negativeZeros++;
      if (last >= 0 && values[last] === x) {
        counts[last]!++;
        continue;
      }
      last = values.indexOf(x);
      if (last < 0) {
        if (values.length === SUPPORT_LIMIT) {
          this.values = values.slice(0, this.before.values);
          this.counts = this.before.counts;
          this.negativeZeros = this.before.negativeZeros;
          return false;
        }
        last = values.push(x) - 1;
        counts.push(0);
      }
      counts[last]!++;
    }
    return true;
  }

  /** Each value with its count, −0 apart from 0 (what bins would hold). */
  forEachBinned(visit: (x: number, count: number) => void): void {
    this.values.forEach((x, i) => {
      const count = this.counts[i]!;
      if (x !== 0) {
        if (count > 0) visit(x, count);
        return;
      }
      if (count - this.negativeZeros > 0) visit(0, count - this.negativeZeros);
      if (this.negativeZeros > 0) visit(-0, this.negativeZeros);
    });
  }

  export(): { values: number[]; counts: number[] } {
    return { values: [...this.values], counts: [...this.counts] };
  }

  /** The tally as bin counts. */
  bins(): FloatBinCounts {
    const bins = new FloatBinCounts();
    this.forEachBinned((x, count) => {
      const key = keyOf(x);
      let offset = bins.pageOffset[key >>> BIN_BITS]!;
      if (offset < 0) offset = bins.addPage(key >>> BIN_BITS);
      bins.counts[offset + (key & BIN_MASK)]! += count;
    });
    return bins;
  }
}

/** Merges summaries (exactly: integer counts, min, max, union of supports); bins null when no summary has any. */
export function mergeCounts(summaries: readonly CountSummary[]): { n: number; nonFinite: number; min: number; max: number; bins: FloatBinCounts | null; support: Map<number, number> | null } {
  let bins: FloatBinCounts | null = null;
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
    if (s.bins) (bins ??= new FloatBinCounts()).merge(s.bins);
    if (!s.support) support = null;
    else if (support) s.support.values.forEach((value, i) => support!.set(value, (support!.get(value) ?? 0) + s.support!.counts[i]!));
  }
  if (support && support.size > SUPPORT_LIMIT) support = null;
  return { n, nonFinite, min, max, bins, support };
}

/**
 * Mean and sum of squared deviations from per-block (n, mean, M2) triples at blockMoments[b · stride + at …],
 * merged in block order by Chan, Golub & LeVeque's pairwise update (1979): the blocks are fixed by the
 * sample count, so the result does not depend on which worker counted which block.
 */
export function mergeBlockMoments(blockMoments: Float64Array, blocks: number, stride: number, at: number): { n: number; mean: number; m2: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let b = 0; b < blocks; b++) {
    const o = b * stride + at;
    const nb = blockMoments[o]!;
    if (nb === 0) continue;
    const mb = blockMoments[o + 1]!;
    const total = n + nb;
    const delta = mb - mean;
    mean = n === 0 ? mb : mean + delta * (nb / total);
    m2 = n === 0 ? blockMoments[o + 2]! : m2 + blockMoments[o + 2]! + delta * delta * ((n * nb) / total);
    n = total;
  }
  return { n, mean: n === 0 ? NaN : mean, m2 };
}
