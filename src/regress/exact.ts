/**
 * The exact tier's rule. With the same scenario, seed, sample count, generator and engine, sora-mc
 * computes the same numbers whatever the worker count (each chunk draws from its own stream), so
 * a rerun must reproduce every percentile and interval bound. The tolerance, 1e-12 relative, only
 * forgives floating-point rounding (double precision carries about 1e-16); anything larger means
 * the code changed its numbers without bumping ENGINE_VERSION.
 */
import type { PercentileEstimate } from '../result/types.js';

export const EXACT_RELATIVE_TOLERANCE = 1e-12;
/** Floor of the scale, so that 0 compares equal to 0 only (and to subnormal noise). */
export const TINY = 1e-300;

/** The largest difference from `base` that still counts as the same number. */
export function exactTolerance(base: number): number {
  return EXACT_RELATIVE_TOLERANCE * Math.max(Math.abs(base), TINY);
}

/** `now` equals `base` up to rounding: |now − base| ≤ 1e-12·max(|base|, tiny). */
export function agree(base: number, now: number): boolean {
  if (base === now) return true;
  return Math.abs(now - base) <= exactTolerance(base);
}

export interface ExactRow {
  verdict: 'holds' | 'moved';
  change: number;
  allowed: number;
  /** Which numbers differ: the estimate and/or its interval bounds. */
  differs: ('value' | 'lower' | 'upper' | 'n')[];
}

/** Compares one percentile's estimate and interval bounds exactly. */
export function compareExactly(base: PercentileEstimate, now: PercentileEstimate): ExactRow {
  const differs: ExactRow['differs'] = (['value', 'lower', 'upper'] as const).filter((k) => !agree(base[k], now[k]));
  return {
    verdict: differs.length === 0 ? 'holds' : 'moved',
    change: now.value - base.value,
    allowed: exactTolerance(base.value),
    differs,
  };
}
