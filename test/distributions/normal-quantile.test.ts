import erfcinv from '@stdlib/math-base-special-erfcinv';
import { describe, expect, it } from 'vitest';
import { standardNormalQuantile } from '../../distributions/normal-quantile.js';

// stdlib's Φ⁻¹ through erfcinv (Boost's approximations): ≤ 3e-16 relative against 80-digit mpmath
// for 1e-100 ≤ u ≤ 1 − 2⁻⁵³ (measured when it was the engine's Φ⁻¹), so it serves as the reference.
const reference = (u: number) => -Math.SQRT2 * erfcinv(2 * u);

function worstRelativeError(us: Iterable<number>): number {
  let worst = 0;
  for (const u of us) {
    const expected = reference(u);
    if (expected === 0) {
      expect(standardNormalQuantile(u)).toBe(0);
      continue;
    }
    worst = Math.max(worst, Math.abs(standardNormalQuantile(u) / expected - 1));
  }
  return worst;
}

function* grid(n: number) {
  for (let i = 1; i < n; i++) yield i / n;
}

/** 10^e and 1 − 10^e for e from `from` to `to` in steps of `step` (the tails on a log scale). */
function* tails(from: number, to: number, step: number) {
  for (let e = from; e < to; e += step) {
    yield 10 ** e;
    if (1 - 10 ** e < 1) yield 1 - 10 ** e;
  }
}

describe('standardNormalQuantile (Wichura AS 241)', () => {
  it('agrees with stdlib across (0, 1): within 2e-15 relative on a 1e-6 grid and in both tails down to 1e-100', () => {
    // Measured: at most 8 ulps (1.0e-15 relative) on the grid and 6 ulps (8.9e-16) in the tails,
    // including the sampler's extreme uniforms 2⁻⁵³ and 1 − 2⁻⁵³.
    expect(worstRelativeError(grid(1_000_000))).toBeLessThan(2e-15);
    expect(worstRelativeError(tails(-100, -1, 0.001))).toBeLessThan(2e-15);
    expect(worstRelativeError([2 ** -53, 1 - 2 ** -53, 0.075, 0.925, Math.exp(-25), 1 - Math.exp(-25)])).toBeLessThan(2e-15);
  });

  it('stays within 1e-13 relative even below 1e-100, where no sampler uniform reaches (truncation can)', () => {
    // Measured: 7.0e-14 (365 ulps) at u ≈ 1e-300, AS 241's last branch at its far end.
    expect(worstRelativeError(tails(-300, -100, 0.01))).toBeLessThan(1e-13);
  });

  it('is odd about ½, exact at ½, and infinite at the ends', () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0.25)).toBe(-standardNormalQuantile(0.75));
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
    expect(standardNormalQuantile(Number.NaN)).toBeNaN();
  });
});
