import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { describe, expect, it } from 'vitest';
import { unitBeta } from '../../distributions/incomplete-beta.js';
import { tabulateQuantile } from '../../distributions/tabulated.js';

/** The table the beta family builds, checked below against stdlib's inverse (Boost's ibeta_inv), written independently. */
const tabulated = (a: number, b: number) => {
  const unit = unitBeta(a, b);
  return tabulateQuantile(unit.quantile, unit.density, (x) => (a - 1) / x - (b - 1) / (1 - x)).quantile;
};

describe('tabulateQuantile', () => {
  // Shapes from U-shaped to very peaked, including PERTs of the built-in scenarios (2.6, 3.4).
  it.each([[2.6, 3.4], [1, 1], [0.5, 0.5], [5, 1], [1.2, 30], [50, 60], [0.3, 2]])(
    'follows the exact beta(%d, %d) quantile within 1e-10 everywhere',
    (a, b) => {
      const fast = tabulated(a, b);
      let worst = 0;
      const us = [1e-300, 1e-12, 1e-7, 1e-6, 1 - 1e-6, 1 - 2 ** -53];
      for (let i = 1; i < 50_000; i++) us.push(i / 50_000 + 1 / 123_457);
      for (const u of us) if (u < 1) worst = Math.max(worst, Math.abs(fast(u) - betaQuantile(u, a, b)));
      expect(worst).toBeLessThan(1e-10);
    },
  );

  it('is non-decreasing in u', () => {
    const fast = tabulated(2.6, 3.4);
    let previous = -Infinity;
    for (let i = 1; i < 100_000; i++) {
      const x = fast(i / 100_000);
      expect(x).toBeGreaterThanOrEqual(previous);
      previous = x;
    }
  });
});
