/**
 * How precisely the article prints a figure, and whether a computed value agrees with it there.
 */

/** Significant digits (`1.1e25` has 2) or decimal places (`4,211` has 0). */
export type Precision = { significant: number } | { decimals: number };

/** `x` rounded as the article rounds a figure of this precision. */
export function roundTo(x: number, precision: Precision): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if ('decimals' in precision) {
    const scale = 10 ** precision.decimals;
    return Math.round(x * scale) / scale;
  }
  const exponent = Math.floor(Math.log10(Math.abs(x))) - precision.significant + 1;
  const scale = 10 ** exponent;
  return Math.round(x / scale) * scale;
}

/** One unit in the last printed digit of `printed` at this precision (e.g. 0.1e6 for 38.1M at 3 digits). */
export function lastDigitUnit(printed: number, precision: Precision): number {
  if ('decimals' in precision) return 10 ** -precision.decimals;
  return 10 ** (Math.floor(Math.log10(Math.abs(printed))) - precision.significant + 1);
}

/**
 * - `match`: the computed value, rounded as the article rounds, is the printed figure;
 * - `last-digit`: it is off by at most one unit in the last printed digit, which the article's own
 *   chaining of rounded intermediate figures explains (the row's note says how);
 * - `differs`: neither.
 */
export type Agreement = 'match' | 'last-digit' | 'differs';

export function agreement(computed: number, printed: number, precision: Precision): Agreement {
  const relativeEpsilon = 1e-9 * Math.abs(printed);
  if (Math.abs(roundTo(computed, precision) - printed) <= relativeEpsilon) return 'match';
  if (Math.abs(computed - printed) <= lastDigitUnit(printed, precision) + relativeEpsilon) return 'last-digit';
  return 'differs';
}
