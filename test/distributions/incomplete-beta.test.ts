import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { describe, expect, it } from 'vitest';
import { unitBeta } from '../../distributions/incomplete-beta.js';

/** Shapes from U-shaped to very peaked and lopsided; the PERTs of the built-in scenarios among them (2.6, 3.4). */
const SHAPES: [number, number][] = [[2.6, 3.4], [1, 1], [0.5, 0.5], [5, 1], [1.2, 30], [50, 60], [0.3, 2], [0.05, 0.05], [200, 0.3], [2, 5], [1000, 1000], [1e4, 3e4]];
const PROBABILITIES = [1e-300, 1e-100, 1e-12, 1e-7, 8.3e-7, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-6, 1 - 1e-9, 1 - 2 ** -53];

/** |x − y| relative to the nearer end of [0, 1] (what a quantile's precision is relative to). */
const fromEnd = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.min(y, 1 - y), 1e-300);

describe('the incomplete beta function and its inverse', () => {
  it.each(SHAPES)("invert beta(%d, %d)'s cdf as stdlib's Boost port does, within 1e-12 of the nearer end", (a, b) => {
    const unit = unitBeta(a, b);
    for (const p of PROBABILITIES) expect(fromEnd(unit.quantile(p), betaQuantile(p, a, b)), `p = ${p}`).toBeLessThan(1e-12);
  });

  // The stated error: ~1e-16 of the exponent's terms, which grow with the shapes.
  it.each(SHAPES)("give beta(%d, %d)'s cdf and density as stdlib does, within 1e-12 relative (more for shapes beyond 1,000)", (a, b) => {
    const unit = unitBeta(a, b);
    const tolerance = 1e-12 * Math.max(1, (a + b) / 1000);
    for (const p of PROBABILITIES.slice(2, -2)) {
      const x = betaQuantile(p, a, b);
      if (x <= 0 || x >= 1) continue;
      const cdf = betaCdf(x, a, b);
      // A cdf near 1 is a double near 1: each one's rounding (2⁻⁵³ apiece) bounds how close two can be.
      expect(Math.abs(unit.cdf(x) - cdf)).toBeLessThanOrEqual(tolerance * Math.min(cdf, 1 - cdf) + 2 ** -52);
      expect(Math.abs(unit.density(x) / betaPdf(x, a, b) - 1)).toBeLessThan(tolerance);
    }
  });

  it('takes q = 1 − p exactly: the upper tail is the lower tail of beta(b, a), beyond what p itself can say', () => {
    const unit = unitBeta(2.6, 3.4);
    for (const q of [1e-12, 3e-9, 1e-7]) {
      // 1 − q rounds: quantile(1 − q) alone is off by (ulp of 1) / density, q itself is exact.
      const y = betaQuantile(q, 3.4, 2.6);
      expect(Math.abs(1 - unit.quantile(1 - q, q) - y) / y).toBeLessThan(1e-9);
    }
    expect(unit.quantile(0)).toBe(0);
    expect(unit.quantile(1)).toBe(1);
    expect(unit.quantile(NaN)).toBeNaN();
  });

  it('is non-decreasing down to the smallest doubles, where the root underflows to 0', () => {
    const unit = unitBeta(0.05, 0.12255686495828931);
    const ps = [5e-324, 1e-320, 1e-300, 5.6e-287, 1e-200, 1e-100, 1e-50, 1e-20, 1e-17, 1e-16, 1e-10];
    const xs = ps.map((p) => unit.quantile(p));
    xs.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(i > 0 ? xs[i - 1]! : 0));
    expect(xs[0]).toBe(0);
  });
});
