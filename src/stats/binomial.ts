/**
 * P(B ≤ k) for B ~ Binomial(n, p): exact through the regularised incomplete beta (stdlib) up to
 * EXACT_LIMIT trials; beyond, stdlib's result goes wrong (negative "probabilities" from ~2^34 trials
 * on, measured), and the Edgeworth expansion with continuity correction is used instead:
 * Φ(x) − φ(x) γ (x² − 1)/6 with x = (k + ½ − np)/σ, σ = √(np(1 − p)), γ = (1 − 2p)/σ, whose error is
 * of order 1/n (below 1e-9 there) — far inside a rank of the intervals' order statistics.
 */
import cdf from '@stdlib/stats-base-dists-binomial-cdf';
import { standardNormalCdf } from '../../distributions/index.js';

export const EXACT_LIMIT = 2 ** 32;

export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (n <= EXACT_LIMIT) return cdf(k, n, p);
  const sd = Math.sqrt(n * p * (1 - p));
  const x = (k + 0.5 - n * p) / sd;
  const skew = (1 - 2 * p) / sd;
  const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  return Math.min(1, Math.max(0, standardNormalCdf(x) - (density * skew * (x * x - 1)) / 6));
}
