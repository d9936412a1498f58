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
  // Each search starts at the normal approximation's rank and gallops from there: ~6 exact
  // incomplete-beta evaluations per bound instead of ~2 log2(n) from a bisection of [0, n] (the
  // bounds are the same: each predicate is monotone and the search finds its one switch point).
  const { lowerGuess, upperGuess } = normalGuess(n, p, alphaTail);
  // Largest l with P(B ≤ l − 1) ≤ alphaTail, i.e. P(B < l) ≤ alphaTail.
  let lower = searchLargest(0, n, (l) => l === 0 || binomialCdf(l - 1, n, p) <= alphaTail, lowerGuess);
  // Smallest u with P(B ≥ u) ≤ alphaTail, i.e. 1 − P(B ≤ u − 1) ≤ alphaTail.
  let upper = searchSmallest(0, n + 1, (u) => u === n + 1 || 1 - binomialCdf(u - 1, n, p) <= alphaTail, upperGuess);
  lower = Math.max(1, lower);
  upper = Math.min(n, upper);
  const coverage = binomialCdf(upper - 1, n, p) - (lower >= 1 ? binomialCdf(lower - 1, n, p) : 0);
  return { lower, upper, coverage };
}

/**
 * Where the bounds roughly lie: np ∓ z √(np(1 − p)) with z = Φ⁻¹(1 − alphaTail) from Abramowitz and
 * Stegun 26.2.23 (|error| < 4.5e-4). Only a starting point: the searches are exact whatever it is.
 */
function normalGuess(n: number, p: number, alphaTail: number): { lowerGuess: number; upperGuess: number } {
  const t = Math.sqrt(-2 * Math.log(Math.min(0.5, Math.max(alphaTail, 1e-300))));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  const spread = z * Math.sqrt(n * p * (1 - p));
  return { lowerGuess: n * p - spread + 0.5, upperGuess: n * p + spread + 0.5 };
}

/**
 * Largest integer x in [lo, hi] with ok(x), given ok is true up to some point and false after
 * (lo when ok is false throughout). With a guess, it gallops from there (steps 1, 2, 4, …) to
 * bracket the switch point, then bisects the bracket: the answer is the same as without one.
 */
export function searchLargest(lo: number, hi: number, ok: (x: number) => boolean, guess?: number): number {
  if (guess !== undefined && Number.isFinite(guess) && lo < hi) {
    const g = Math.min(hi, Math.max(lo, Math.round(guess)));
    if (ok(g)) {
      // The answer is in [g, hi]: the last ok point found becomes lo, the first failing one bounds hi.
      let step = 1;
      lo = g;
      while (lo + step <= hi && ok(lo + step)) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(hi, lo + step - 1);
    } else {
      // The answer is below g (or is the original lo): the first ok point found becomes lo.
      let step = 1;
      let top = g - 1;
      while (top - step + 1 > lo) {
        const x = top - step + 1;
        if (ok(x)) {
          lo = x;
          break;
        }
        top = x - 1;
        step *= 2;
      }
      hi = Math.max(lo, top);
    }
  }
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2); // not (lo + hi) / 2: near 2^53 the sum rounds
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Smallest integer x in [lo, hi] with ok(x), given ok is false up to some point and true after
 * (hi when ok is false throughout). A guess, as for searchLargest, changes the work, not the answer.
 */
export function searchSmallest(lo: number, hi: number, ok: (x: number) => boolean, guess?: number): number {
  // Mirrored (y = −x), the smallest ok x is the largest ok y: ok holds up to −x and fails after.
  if (guess !== undefined) return 0 - searchLargest(-hi, -lo, (y) => ok(-y), -guess);
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
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
