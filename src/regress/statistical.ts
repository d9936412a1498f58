/**
 * The statistical tier's test: did a percentile move by more than sampling noise?
 *
 * Method. Each percentile estimate comes with a distribution-free 95% order-statistic interval
 * [L, U] (src/stats/intervals.ts). Asymptotically the sample p-quantile is normal with standard
 * error √(p(1−p)/n) / f(ξ_p), and the interval is that estimate ± z₀·se (z₀ = Φ⁻¹(0.975) = 1.96),
 * so each half of the interval gives a standard error: (U − value)/z₀ above the estimate and
 * (value − L)/z₀ below it. Each estimate's standard error is taken from the wider of its two halves
 * (wideError), and we test
 *
 *     z = |now − base| / √(se_base² + se_now²)
 *
 * two-sided against z_crit = Φ⁻¹(1 − α/(2m)): Bonferroni over the m percentiles compared in the
 * whole check, so the probability that any of them fails when nothing changed is at most α
 * (the family-wise false-alarm rate), whatever the dependence between percentiles. Each row
 * reports the allowed difference z_crit·√(se_base² + se_now²).
 *
 * Why the wider half: at P1 and P99 of strongly skewed outputs, a few hundred to a few thousand
 * samples leave only a handful of values beyond the percentile, so the estimate's own error is skewed
 * and its interval's two halves vary from sample to sample; either half alone can understate the
 * error, the wider one rarely does. Error bound, measured with bench/check-false-alarms.mjs over all
 * 4,950 pairs of 100 independent-seed runs, the share of pairs with any false alarm stayed below α
 * in every case measured (calibrated at α = 1e-3: 0.02% at 400 samples, 0.06% at 2,000; at α = 0.01:
 * 0.06% and 0.26%; mission at 400 samples: 0.02% at α = 1e-3, 0.08% at α = 0.01). The price is power; the detectable drift a check states
 * uses the same wider halves, so it stays true.
 *
 * Why this is conservative rather than optimistic:
 * - the order-statistic intervals cover with probability ≥ 0.95 (each tail ≤ 2.5%), so dividing
 *   their half-widths by 1.96 overstates the standard errors slightly;
 * - Bonferroni holds under any dependence, and percentiles of related outputs are strongly
 *   positively dependent, so the real family-wise rate is well below α;
 * - a rerun with the baseline's own seed shares random streams with it (positively correlated
 *   estimates), so the variance of the difference is below the sum used here.
 *
 * Where the sample has no spread in the direction of the change — an output with atoms (a
 * discrete input such as temporalCompression) or a deterministic one — the normal approximation
 * says nothing, so the test goes back to the ranks the intervals were built from. Say the value
 * went up from a to b. Every baseline row whose interval ends at or below a proves that at least
 * u of its n_b samples are ≤ a; every rerun row whose interval starts above a proves that at most
 * l − 1 of its n_n samples are ≤ a. The two empirical CDFs at a therefore differ by at least
 * d = max u/n_b − min (l − 1)/n_n, and the two-proportion z = d / √(q(1−q)(1/n_b + 1/n_n)) (q
 * the CDF both would share, between the two bounds) is a lower bound on the evidence; the row
 * fails when it exceeds z_crit. A deterministic output (all rows zero-width) that changes value
 * gives d ≈ 1 and fails at once. A percentile that switches between two atoms sitting on a CDF
 * step (P50 of a 50/50 two-valued output) gives only d ≈ 2·1.96·√(p(1−p)/n), z ≈ 2.8 — below any
 * Bonferroni threshold — so it raises no false alarm.
 *
 * Limitation, by construction of a percentile-only comparison: for an output whose distribution is
 * a few atoms, a change in their weights shows only as a switch between atoms, which is never
 * significant on its own; changes of atom values, and of every continuous output, are detected.
 */
import { standardNormalQuantile } from '../../distributions/normal.js';
import type { PercentileEstimate } from '../result/types.js';
import { quantileRankInterval } from '../stats/intervals.js';
import { agree, exactTolerance } from './exact.js';

/** Power used to state the smallest detectable drift. */
export const DETECTION_POWER = 0.9;

/** The two-sided Bonferroni critical |z| for a family-wise rate `alpha` over `m` tests. */
export function bonferroniCritical(alpha: number, m: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`the family size must be a positive integer, got ${m}`);
  // Φ⁻¹ of the small tail, negated: accurate where 1 − α/(2m) would round to 1.
  return -standardNormalQuantile(alpha / (2 * m));
}

/** One side of a percentile estimate: its sample count and the confidence of its interval. */
export interface Estimate extends PercentileEstimate {
  n: number;
  confidence: number;
}

/** Standard errors implied by the two halves of an estimate's interval. */
export function halfWidthErrors(estimate: Estimate): { below: number; above: number } {
  const z0 = -standardNormalQuantile((1 - estimate.confidence) / 2);
  return { below: (estimate.value - estimate.lower) / z0, above: (estimate.upper - estimate.value) / z0 };
}

/** The standard error from the wider half of the interval: what the test uses, and what a check says it can detect. */
export function wideError(estimate: Estimate): number {
  const { below, above } = halfWidthErrors(estimate);
  return Math.max(below, above);
}

export type Verdict = 'holds' | 'moved';

export interface StatisticalRow {
  verdict: Verdict;
  /** now − base. */
  change: number;
  /** The largest |now − base| that holds (z_crit × combined standard error; 0 when the sample has no spread). */
  allowed: number;
  /** The test statistic: |change| / combined se, or the rank bound when the sample has no spread toward the change. */
  z: number;
  /** How z was computed. */
  basis: 'interval' | 'ranks' | 'equal';
  /** The relative drift detected with probability DETECTION_POWER (the test's own errors); undefined without spread or at base 0. */
  detectableRelative: number | undefined;
}

/**
 * Bounds on a sample's empirical CDF at x from its reported percentiles: a row whose interval ends
 * at or below x (X_(u) ≤ x) proves at least u samples ≤ x; a row whose interval starts above x
 * (X_(l) > x) proves at most l − 1 samples ≤ x. Ranks are those src/stats/intervals.ts chose.
 */
export function empiricalCdfBounds(rows: readonly Estimate[], x: number): { atLeast: number; atMost: number } {
  let atLeast = 0;
  let atMost = 1;
  for (const row of rows) {
    const ranks = quantileRankInterval(row.n, row.p, row.confidence);
    if (row.upper <= x) atLeast = Math.max(atLeast, ranks.upper / row.n);
    if (row.lower > x) atMost = Math.min(atMost, (ranks.lower - 1) / row.n);
  }
  return { atLeast, atMost };
}

/**
 * A lower bound on the two-proportion z between two samples' empirical CDFs at x, the smaller of
 * the two estimates: `lowRows` is the output's rows in the sample whose estimate is x, `highRows`
 * the other's (see the module comment).
 */
export function rankBound(lowRows: readonly Estimate[], highRows: readonly Estimate[], x: number): number {
  const low = lowRows[0];
  const high = highRows[0];
  if (!low || !high) return 0;
  const atLeast = empiricalCdfBounds(lowRows, x).atLeast;
  const atMost = empiricalCdfBounds(highRows, x).atMost;
  const d = atLeast - atMost;
  if (d <= 0) return 0;
  // The CDF both would share under "nothing changed": the middle of the two bounds, kept off 0 and 1.
  const edge = 0.5 / Math.min(low.n, high.n);
  const q = Math.min(Math.max((atLeast + atMost) / 2, edge), 1 - edge);
  return d / Math.sqrt(q * (1 - q) * (1 / low.n + 1 / high.n));
}

/**
 * Tests one percentile: `base` and `now` estimate the same p-quantile; `zCritical` is the
 * Bonferroni threshold of the whole check.
 */
export function testPercentile(
  base: Estimate,
  now: Estimate,
  zCritical: number,
  rows: { base: readonly Estimate[]; now: readonly Estimate[] } = { base: [base], now: [now] },
): StatisticalRow {
  const change = now.value - base.value;
  const se = Math.hypot(wideError(base), wideError(now));
  // Spread within rounding (an output constant but for its last bits) is no spread: any change beyond
  // rounding is detected there, and a "detectable drift" of 1e-14% would be noise, not power.
  const spread = se > exactTolerance(base.value);
  const detectableRelative =
    spread && base.value !== 0 ? ((zCritical + standardNormalQuantile(DETECTION_POWER)) * se) / Math.abs(base.value) : undefined;
  if (agree(base.value, now.value)) {
    return { verdict: 'holds', change, allowed: zCritical * se, z: 0, basis: 'equal', detectableRelative };
  }
  // No spread toward the change in either sample (atoms, a deterministic output): the ranks decide.
  const [b, n] = [halfWidthErrors(base), halfWidthErrors(now)];
  const facing = change > 0 ? Math.hypot(b.above, n.below) : Math.hypot(b.below, n.above);
  if (facing > 0) {
    const z = Math.abs(change) / se;
    return { verdict: z > zCritical ? 'moved' : 'holds', change, allowed: zCritical * se, z, basis: 'interval', detectableRelative };
  }
  const z = change > 0 ? rankBound(rows.base, rows.now, base.value) : rankBound(rows.now, rows.base, now.value);
  return { verdict: z > zCritical ? 'moved' : 'holds', change, allowed: 0, z, basis: 'ranks', detectableRelative };
}
