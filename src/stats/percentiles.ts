/**
 * Sample percentiles with distribution-free confidence intervals.
 *
 * Quantile definition: type 7 of Hyndman & Fan (1996), the default of R and numpy, and what
 * simple-statistics ≥ 7.8.9 computes: with sorted x_1..x_n and h = (n − 1)p, the estimate is
 * x_⌊h⌋+1 + (h − ⌊h⌋)(x_⌊h⌋+2 − x_⌊h⌋+1). For example, [1, 2, 3, 4] gives P25 = 1.75.
 */
import { quantileRankInterval } from './intervals.js';
import { countBins, makeBinning } from './bins.js';
import { selectRanksBinned } from './select.js';
import type { PercentileEstimate } from '../result/types.js';

export const QUANTILE_DEFINITION =
  'type 7 (Hyndman & Fan 1996; R and numpy default): linear interpolation between order statistics at h = (n − 1)p';
export const INTERVAL_METHOD =
  'distribution-free confidence interval from order statistics: [X(l), X(u)] with Binomial(n, p) tail probabilities ≤ (1 − confidence)/2 each';

/** The percentiles every output reports. */
export const REPORTED_PERCENTILES: readonly number[] = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

/** 0-based ranks the type-7 estimate of p interpolates between, and the weight of the upper one. */
export function type7Ranks(n: number, p: number): { below: number; above: number; weight: number } {
  const h = (n - 1) * p;
  const below = Math.floor(h);
  return { below, above: Math.min(n - 1, below + 1), weight: h - below };
}

interface PercentilePlan {
  p: number;
  point: ReturnType<typeof type7Ranks>;
  interval: ReturnType<typeof quantileRankInterval>;
}

/** The order statistics each percentile and its interval need, for n values. */
export function percentilePlans(n: number, ps: readonly number[], confidence: number): PercentilePlan[] {
  return ps.map((p) => ({ p, point: type7Ranks(n, p), interval: quantileRankInterval(n, p, confidence) }));
}

/** 0-based ranks the plans read. */
export function plannedRanks(plans: readonly PercentilePlan[]): number[] {
  return plans.flatMap(({ point, interval }) => [point.below, point.above, interval.lower - 1, interval.upper - 1]);
}

/** Percentile estimates from the order statistics at the plans' ranks. */
export function percentilesFrom(plans: readonly PercentilePlan[], at: ReadonlyMap<number, number>): PercentileEstimate[] {
  return plans.map(({ p, point, interval }) => {
    const below = at.get(point.below)!;
    const above = at.get(point.above)!;
    return {
      p,
      value: point.weight === 0 ? below : below + point.weight * (above - below),
      lower: at.get(interval.lower - 1)!,
      upper: at.get(interval.upper - 1)!,
    };
  });
}

/**
 * Percentile estimates with their confidence intervals for the finite values of `column`, which is
 * left untouched (selection by fine bins: see select.ts).
 */
export function percentilesWithIntervals(
  column: Float64Array,
  ps: readonly number[] = REPORTED_PERCENTILES,
  confidence = 0.95,
): PercentileEstimate[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const binning = makeBinning(min, max);
  const counts = countBins(column, binning);
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) throw new RangeError('no finite values to take percentiles of');
  const plans = percentilePlans(n, ps, confidence);
  return percentilesFrom(plans, selectRanksBinned(column, plannedRanks(plans), binning, counts));
}
