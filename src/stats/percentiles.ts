/**
 * Sample percentiles with distribution-free confidence intervals.
 *
 * Quantile definition: type 7 of Hyndman & Fan (1996), the default of R and numpy, and what
 * simple-statistics ≥ 7.8.9 computes: with sorted x_1..x_n and h = (n − 1)p, the estimate is
 * x_⌊h⌋+1 + (h − ⌊h⌋)(x_⌊h⌋+2 − x_⌊h⌋+1). For example, [1, 2, 3, 4] gives P25 = 1.75.
 */
import { quantileRankInterval } from './intervals.js';
import { selectRanks } from './select.js';
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

/**
 * Percentile estimates with their confidence intervals for `values` (finite numbers only), which
 * is rearranged in place.
 */
export function percentilesWithIntervals(
  values: Float64Array,
  ps: readonly number[] = REPORTED_PERCENTILES,
  confidence = 0.95,
): PercentileEstimate[] {
  const n = values.length;
  if (n === 0) throw new RangeError('no values to take percentiles of');
  const plans = ps.map((p) => ({ p, point: type7Ranks(n, p), interval: quantileRankInterval(n, p, confidence) }));
  const ranks = plans.flatMap(({ point, interval }) => [point.below, point.above, interval.lower - 1, interval.upper - 1]);
  const at = selectRanks(values, ranks);
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
