/**
 * Sample percentiles with distribution-free confidence intervals.
 *
 * Quantile definition: type 7 of Hyndman & Fan (1996), the default of R and numpy, and what
 * simple-statistics ≥ 7.8.9 computes: with sorted x_1..x_n and h = (n − 1)p, the estimate is
 * x_⌊h⌋+1 + (h − ⌊h⌋)(x_⌊h⌋+2 − x_⌊h⌋+1). For example, [1, 2, 3, 4] gives P25 = 1.75.
 */
import { binomialCdf } from './binomial.js';
import { quantileRankInterval } from './intervals.js';
import { BOUND_FRACTION, PILOT_BASE } from './windows.js';
import type { PercentileEstimate } from './types.js';
import { deepFrozen } from '../frozen.js';

export const QUANTILE_DEFINITION =
  `type 7 (Hyndman & Fan 1996; R and numpy default): linear interpolation between order statistics at h = (n − 1)p; above ${PILOT_BASE.toLocaleString('en-US')} samples read from one counting pass, ` +
  `inside bins that hold its order statistics (each at most 1/${1 / BOUND_FRACTION} of the 95% interval half-width, else gathered exactly): within that bound of the exact value`;
export const INTERVAL_METHOD =
  'distribution-free confidence interval from order statistics: [X(l), X(u)] with Binomial(n, p) tail probabilities ≤ (1 − confidence)/2 each; ' +
  `above ${PILOT_BASE.toLocaleString('en-US')} samples each end is the outer edge of the bin holding X(l) or X(u), so the interval contains the exact one`;

/**
 * The confidence level of every percentile interval sora-mc reports. It is carried in each run's
 * setup to the workers and recorded in the Result (`method.confidence`), so a Result always states
 * the level its intervals were computed at.
 */
export const CONFIDENCE = 0.95;

/** The percentiles every output reports. */
export const REPORTED_PERCENTILES: readonly number[] = deepFrozen([0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.99]);

/** 0-based ranks the type-7 estimate of p interpolates between, and the weight of the upper one. */
export function type7Ranks(n: number, p: number): { below: number; above: number; weight: number } {
  const h = (n - 1) * p;
  const below = Math.floor(h);
  return { below, above: Math.min(n - 1, below + 1), weight: h - below };
}

interface PercentilePlan {
  p: number;
  /** The confidence the interval was asked for; the interval's own coverage may fall short of it at small n. */
  confidence: number;
  point: ReturnType<typeof type7Ranks>;
  interval: ReturnType<typeof quantileRankInterval>;
}

/** The last few plans made: a run's outputs (21 for mission) mostly share n, ps and confidence. */
const recentPlans = new Map<string, readonly PercentilePlan[]>();

/** The order statistics each percentile and its interval need, for n values (plans are read-only). */
export function percentilePlans(n: number, ps: readonly number[], confidence: number): PercentilePlan[] {
  const key = `${n} ${confidence} ${ps.join(' ')}`;
  let plans = recentPlans.get(key);
  if (!plans) {
    if (recentPlans.size >= 16) recentPlans.delete(recentPlans.keys().next().value!);
    recentPlans.set(key, (plans = Object.freeze(makePlans(n, ps, confidence))));
  }
  return [...plans];
}

function makePlans(n: number, ps: readonly number[], confidence: number): PercentilePlan[] {
  return ps.map((p) => {
    const point = type7Ranks(n, p);
    const interval = quantileRankInterval(n, p, confidence);
    // For tiny n the interval's ranks can miss the two the estimate interpolates between (n = 2 at
    // P1: [X(1), X(1)] against an estimate between X(1) and X(2)); widen it to hold the estimate.
    const lower = Math.min(interval.lower, point.below + 1);
    const upper = Math.max(interval.upper, point.above + 1);
    // The exact coverage of the ranks used, P(lower ≤ B < upper) for B ~ Binomial(n, p) (intervals.ts).
    const coverage = binomialCdf(upper - 1, n, p) - (lower >= 1 ? binomialCdf(lower - 1, n, p) : 0);
    return Object.freeze({ p, confidence, point: Object.freeze(point), interval: Object.freeze({ lower, upper, coverage }) });
  });
}

/** 0-based ranks the plans read. */
export function plannedRanks(plans: readonly PercentilePlan[]): number[] {
  return plans.flatMap(({ point, interval }) => [point.below, point.above, interval.lower - 1, interval.upper - 1]);
}

/**
 * Percentile estimates from the order statistics at the plans' ranks. An interval that cannot reach
 * the asked confidence (too few samples: the sample's minimum or maximum bounds it) carries its real
 * `coverage`, so no reader takes it for a 95% interval.
 */
export function percentilesFrom(plans: readonly PercentilePlan[], at: ReadonlyMap<number, number>): PercentileEstimate[] {
  return plans.map(({ p, confidence, point, interval }) => {
    const below = at.get(point.below)!;
    const above = at.get(point.above)!;
    return {
      p,
      value: point.weight === 0 ? below : below + point.weight * (above - below),
      lower: at.get(interval.lower - 1)!,
      upper: at.get(interval.upper - 1)!,
      ...(interval.coverage < confidence ? { coverage: interval.coverage } : {}),
    };
  });
}
