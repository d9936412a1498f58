/** P(B ≤ k) for B ~ Binomial(n, p), exact through the regularised incomplete beta (stdlib). */
import cdf from '@stdlib/stats-base-dists-binomial-cdf';

export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return cdf(k, n, p);
}
