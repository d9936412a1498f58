/**
 * Distribution-free confidence intervals for a quantile from order statistics.
 *
 * For a sample of n from any continuous distribution, the number of observations below the true
 * p-quantile ξ_p is Binomial(n, p). So [X_(l), X_(u)] (1-based order statistics) covers ξ_p with
 * probability P(l ≤ B < u) for B ~ Binomial(n, p) (Conover, Practical Nonparametric Statistics,
 * §3.2). We pick l and u symmetric in tail probability with each tail ≤ (1 − confidence) / 2.
 */
import { binomialCdf } from './binomial.js';

export interface RankInterval {
  /** 1-based order-statistic ranks; the interval is [X_(lower), X_(upper)]. */
  lower: number;
  upper: number;
  /** The exact coverage P(lower ≤ B < upper). */
  coverage: number;
}

/**
 * The ranks of a two-sided `confidence` interval for the p-quantile from n samples. When n is too
 * small for a tail to fit, the interval opens to the sample's minimum or maximum (ranks 1 or n)
 * and `coverage` says what it actually reaches.
 */
export function quantileRankInterval(n: number, p: number, confidence: number): RankInterval {
  const alphaTail = (1 - confidence) / 2;
  // Largest l with P(B ≤ l − 1) ≤ alphaTail, i.e. P(B < l) ≤ alphaTail.
  let lower = searchLargest(0, n, (l) => l === 0 || binomialCdf(l - 1, n, p) <= alphaTail);
  // Smallest u with P(B ≥ u) ≤ alphaTail, i.e. 1 − P(B ≤ u − 1) ≤ alphaTail.
  let upper = searchSmallest(0, n + 1, (u) => u === n + 1 || 1 - binomialCdf(u - 1, n, p) <= alphaTail);
  lower = Math.max(1, lower);
  upper = Math.min(n, upper);
  const coverage = binomialCdf(upper - 1, n, p) - (lower >= 1 ? binomialCdf(lower - 1, n, p) : 0);
  return { lower, upper, coverage };
}

/** Largest integer x in [lo, hi] with ok(x), given ok is true up to some point and false after. */
function searchLargest(lo: number, hi: number, ok: (x: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Smallest integer x in [lo, hi] with ok(x), given ok is false up to some point and true after. */
function searchSmallest(lo: number, hi: number, ok: (x: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The fewest samples whose order-statistic interval for the p-quantile is the one this module
 * defines — each tail ≤ (1 − confidence)/2, so the interval reaches `confidence` without leaning on
 * the sample's minimum or maximum: both tails must fit inside the sample, i.e. P(B = 0) = (1 − p)^n ≤ (1 − confidence)/2 (the interval may
 * start at X(1)) and P(B = n) = p^n ≤ (1 − confidence)/2 (it may end at X(n)), B ~ Binomial(n, p).
 * For P1 and P99 at 95%: ln(0.025) / ln(0.99) → 368 samples.
 */
export function minimumSampleCount(p: number, confidence: number): number {
  const alphaTail = (1 - confidence) / 2;
  const fits = (n: number) => (1 - p) ** n <= alphaTail && p ** n <= alphaTail;
  let n = Math.max(1, Math.ceil(Math.log(alphaTail) / Math.log(Math.max(p, 1 - p))));
  // Guard the logarithms' rounding with the tails themselves.
  while (n > 1 && fits(n - 1)) n -= 1;
  while (!fits(n)) n += 1;
  return n;
}
