/**
 * A prediction interval for one new group, from the groups seen: the range a new model's figure
 * should fall in, given the figures of n models measured before it.
 *
 * ## Method
 * Each of the n groups contributes one value u_i (its mean on the log scale). For a new group,
 * (u_new − ū) / (s · √(1 + 1/n)) follows Student's t with n − 1 degrees of freedom when the u_i are
 * normal (the standard prediction interval; e.g. Hahn & Meeker, Statistical Intervals, §4.6). A
 * figure is a single measurement of the new group, so the within-group spread of single
 * measurements, `within` (a pooled standard deviation), is added in quadrature:
 *
 *   half-width = t(1 − (1 − level)/2, n − 1) · √(s² (1 + 1/n) + within²)
 *
 * Adding `within` in full slightly overstates the spread (each u_i already carries a share of it);
 * the interval errs wide, not narrow. It is exact for the normal model, and approximate (a few
 * points of coverage either way) when the groups' values are skewed.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface PredictiveInterval {
  /** Groups the interval rests on. */
  n: number;
  /** Degrees of freedom of the t quantile: n − 1. */
  df: number;
  mean: number;
  /** The predictive standard deviation √(s² (1 + 1/n) + within²). */
  sd: number;
  /** The t quantile the half-width uses. */
  t: number;
  low: number;
  high: number;
}

/** The fewest groups an interval is fitted from: with two, s rests on one degree of freedom. */
export const MIN_GROUPS = 3;

/** The central `level` prediction interval for one new group's value (see the module comment). */
export function predictiveInterval(values: readonly number[], level: number, within = 0): PredictiveInterval {
  const n = values.length;
  if (n < MIN_GROUPS) throw new RangeError(`a prediction interval needs at least ${MIN_GROUPS} groups, found ${n}`);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance * (1 + 1 / n) + within * within);
  const t = tQuantile(1 - (1 - level) / 2, n - 1);
  return { n, df: n - 1, mean, sd, t, low: mean - t * sd, high: mean + t * sd };
}

/** The pooled standard deviation of residuals about each group's own mean (0 when no group has two values). */
export function pooledWithinSd(groups: readonly (readonly number[])[]): number {
  let squares = 0;
  let df = 0;
  for (const group of groups) {
    if (group.length < 2) continue;
    const mean = group.reduce((a, b) => a + b, 0) / group.length;
    squares += group.reduce((a, b) => a + (b - mean) ** 2, 0);
    df += group.length - 1;
  }
  return df === 0 ? 0 : Math.sqrt(squares / df);
}
