/**
 * Outputs that take only a few values (the `article` scenario's training figures: the dataset multiplier
 * is the article's two cases, 4 or 10): a median of such an output is one of the cases, picked by the
 * seed, so reports show the cases and their shares instead.
 */
import type { OutputStats } from '../src/result/types.js';

export interface Case {
  value: number;
  /** Share of samples at this value. */
  share: number;
}

/**
 * The two values an output takes, with their shares, when it takes exactly two (every sample in the
 * histogram's first or last bin, and every reported percentile one of the two or, by interpolation,
 * between them); undefined otherwise.
 */
export function twoCases(stats: OutputStats): Case[] | undefined {
  const { bins } = stats.histogram;
  const { min, max } = stats;
  if (!(max > min) || bins.length < 2) return undefined;
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  // A percentile strictly inside the empty middle can only interpolate between the two (type 7 on a
  // step of the CDF: a sobol run balances a dyadic weight exactly, so its P50 of a ½/½ output lies halfway).
  const between = (x: number) => x > bins[0]!.x1 && x < bins[bins.length - 1]!.x0;
  if (!stats.percentiles.every((q) => same(q.value, min) || same(q.value, max) || between(q.value))) return undefined;
  if (bins.slice(1, -1).some((bin) => bin.count > 0)) return undefined;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const low = bins[0]!.count / total;
  return [
    { value: min, share: low },
    { value: max, share: 1 - low },
  ];
}
