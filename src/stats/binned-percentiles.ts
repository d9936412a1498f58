/**
 * Percentiles and their intervals from located order statistics (ordered-bins.ts), with the error
 * bound the engine states: the type-7 estimate is read inside the bins holding its two ranks, so it
 * is within the wider of those bins' widths of the exact type-7 value; each interval end is the outer
 * edge of the bin holding its order statistic, so the interval contains the exact order-statistic
 * interval [X(l), X(u)]. The estimate is accepted when every bin used is at most BOUND_FRACTION of the
 * exact interval's half-width (bounded below by the gap between the end bins); otherwise the output's
 * order statistics are gathered exactly (run-statistics.ts).
 */
import type { Located } from './ordered-bins.js';
import type { percentilePlans } from './percentiles.js';
import { BOUND_FRACTION } from './windows.js';
import type { PercentileEstimate } from './types.js';

export { BOUND_FRACTION };

/** The order statistics (0-based ranks) a percentile plan reads. */
export function planRanks(plans: ReturnType<typeof percentilePlans>): number[] {
  return plans.flatMap(({ point, interval }) => [point.below, point.above, interval.lower - 1, interval.upper - 1]);
}

/**
 * The percentiles of n values from `locate(rank)`, clamped to [min, max]; `withinBound` false when
 * some bin is too wide for the stated bound (the caller then gathers the exact order statistics).
 */
export function binnedPercentiles(
  plans: ReturnType<typeof percentilePlans>,
  locate: (rank: number) => Located,
  min: number,
  max: number,
): { percentiles: PercentileEstimate[]; withinBound: boolean } {
  let withinBound = true;
  const percentiles = plans.map(({ p, confidence, point, interval }) => {
    const below = locate(point.below);
    const above = point.above === point.below ? below : locate(point.above);
    const lower = locate(interval.lower - 1);
    const upper = locate(interval.upper - 1);
    const widest = Math.max(below.hi - below.lo, above.hi - above.lo, lower.hi - lower.lo, upper.hi - upper.lo);
    if (widest > 0 && !(widest <= BOUND_FRACTION * ((upper.lo - lower.hi) / 2))) withinBound = false;
    const value = point.weight === 0 ? below.value : below.value + point.weight * (above.value - below.value);
    return {
      p,
      value: Math.min(max, Math.max(min, value)),
      lower: Math.max(min, lower.lo),
      upper: Math.min(max, upper.hi),
      ...(interval.coverage < confidence ? { coverage: interval.coverage } : {}),
    };
  });
  return { percentiles, withinBound };
}
