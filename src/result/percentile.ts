/**
 * Finding a percentile in a list of estimates: probabilities are matched up to 1e-12, so that a
 * p written by hand (0.1) and one computed (0.1000000000000001) name the same percentile. Every
 * reader of Results and baselines looks percentiles up here.
 */
import type { PercentileEstimate } from '../stats/types.js';

/** How far apart two probabilities may be and still name the same percentile. */
export const SAME_P = 1e-12;

export function samePercentile(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_P;
}

/** The estimate of percentile p in `list`, or undefined. */
export function findPercentile<T extends Pick<PercentileEstimate, 'p'>>(list: readonly T[], p: number): T | undefined {
  return list.find((q) => samePercentile(q.p, p));
}

/** The estimate of percentile p of an output's statistics; throws when the Result does not report it. */
export function percentile(stats: { percentiles: readonly PercentileEstimate[] }, p: number): PercentileEstimate {
  const found = findPercentile(stats.percentiles, p);
  if (!found) throw new Error(`P${p * 100} is not among the reported percentiles`);
  return found;
}
