/**
 * The counting pass's summaries of one output, and how they merge: the count of finite and
 * non-finite values, min, max, bin counts keyed by the bit pattern (float-bins.ts; counted by the
 * kernel, kernels/count.ts), and, while an output takes at most SUPPORT_LIMIT distinct values (a
 * discrete input passed through), those values with their counts. Moments are merged per block of
 * chunks (mergeBlockMoments). Every part merges exactly in any order.
 */
import { FloatBinCounts } from './float-bins.js';

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
