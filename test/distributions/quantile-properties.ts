/**
 * fast-check properties shared by the family tests: for a distribution built from random valid
 * parameters, quantile is non-decreasing in u, finite and inside `support` for every u in (0, 1)
 * (including the extremes the samplers can produce), and cdf(quantile(u)) ≈ u for continuous families.
 *
 * "≈" allows for rounding of x itself: where the mass is packed within a few ulps of x (a beta with
 * tiny shapes, scaled away from 0), no double has cdf(x) ≈ u, so the check is the quantile's
 * definition widened by ULPS doubles on each side: cdf(x + ULPS ulps) ≥ u − tol and cdf(x − ULPS ulps) ≤ u + tol.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { LARGEST_U } from '../../distributions/types.js';
import type { Distribution } from '../../distributions/types.js';

/** u in (0, 1): anywhere in the double range, plus the extremes the uniform stage can produce. */
export const unitInterval: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: LARGEST_U, noNaN: true }),
  fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
  fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-16, 2 ** -53, 0.5, 1 - 1e-16, LARGEST_U),
);

/** The extreme and ordinary u every family must handle. */
export const EDGE_US = [Number.MIN_VALUE, 1e-300, 1e-16, 2 ** -53, 1e-3, 0.5, 0.999, 1 - 1e-16, LARGEST_U] as const;

export interface PropertyOptions {
  /** Largest allowed |cdf(quantile(u)) − u|; omit for atomic families. */
  readonly cdfTolerance?: number;
  readonly numRuns?: number;
}

/** Asserts the quantile properties for distributions drawn from `distributions`. */
export function checkQuantileProperties(distributions: fc.Arbitrary<Distribution>, options: PropertyOptions = {}): void {
  fc.assert(
    fc.property(distributions, unitInterval, unitInterval, (distribution, a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const qLow = distribution.quantile(low);
      const qHigh = distribution.quantile(high);
      expect(qLow).toBeLessThanOrEqual(qHigh);
      for (const q of [qLow, qHigh]) {
        expect(Number.isFinite(q)).toBe(true);
        expect(q).toBeGreaterThanOrEqual(distribution.support[0]);
        expect(q).toBeLessThanOrEqual(distribution.support[1]);
      }
      if (options.cdfTolerance !== undefined) {
        for (const [u, q] of [[low, qLow], [high, qHigh]] as const) {
          expect(distribution.cdf(stepDoubles(q, ULPS)), `cdf just above quantile(${u})`).toBeGreaterThanOrEqual(u - options.cdfTolerance);
          expect(distribution.cdf(stepDoubles(q, -ULPS)), `cdf just below quantile(${u})`).toBeLessThanOrEqual(u + options.cdfTolerance);
        }
      }
    }),
    { numRuns: options.numRuns ?? 200, seed: 20240315 },
  );
}

const ULPS = 4;

/** The double `steps` representable numbers above x (below for negative steps); x finite. */
export function stepDoubles(x: number, steps: number): number {
  const bits = new BigInt64Array(Float64Array.of(x === 0 ? 0 : x).buffer);
  // Map the sign-magnitude bit pattern to a monotone integer scale, step, and map back.
  const ordered = bits[0]! < 0n ? -(bits[0]! & 0x7fffffffffffffffn) : bits[0]!;
  const moved = ordered + BigInt(steps);
  bits[0] = moved < 0n ? -moved | -0x8000000000000000n : moved;
  return new Float64Array(bits.buffer)[0]!;
}

/** Asserts quantile is finite, inside support and non-decreasing over EDGE_US. */
export function checkEdges(distribution: Distribution): void {
  const values = EDGE_US.map((u) => distribution.quantile(u));
  values.forEach((value, i) => {
    expect(Number.isFinite(value), `quantile(${EDGE_US[i]}) = ${value}`).toBe(true);
    expect(value).toBeGreaterThanOrEqual(distribution.support[0]);
    expect(value).toBeLessThanOrEqual(distribution.support[1]);
    if (i > 0) expect(value).toBeGreaterThanOrEqual(values[i - 1]!);
  });
}

/** A positive scale and a location that is at most 1e3 scales from 0 (keeps rounding of x small against the scale). */
export const scaleAndLocation: fc.Arbitrary<{ scale: number; location: number }> = fc
  .record({ logScale: fc.double({ min: -3, max: 6, noNaN: true }), k: fc.double({ min: -1e3, max: 1e3, noNaN: true }) })
  .map(({ logScale, k }) => {
    const scale = 10 ** logScale;
    return { scale, location: k * scale };
  });
