/**
 * Short numbers for one-line descriptions: at most 3 significant digits, k/M/B/T suffixes
 * (`12.3k`, `10B`, `1.5T`), scientific notation outside [0.001, 1e15) (`2.5e-5`, `1.2e18`).
 *
 * @example shortNumber(1.2345e10) // => '12.3B'
 */
export function shortNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return '0';
  const sign = x < 0 ? '-' : '';
  const rounded = Number(Math.abs(x).toPrecision(3));
  if (rounded >= 1e15 || rounded < 1e-3) {
    const [mantissa = '', exponent = ''] = rounded.toExponential(2).split('e');
    return `${sign}${Number(mantissa)}e${Number(exponent)}`;
  }
  for (const [scale, suffix] of SUFFIXES) {
    if (rounded >= scale) return `${sign}${Number((rounded / scale).toPrecision(3))}${suffix}`;
  }
  return `${sign}${rounded}`;
}

const SUFFIXES: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** A probability as a percentage with at most 3 significant digits: `12.5%`. */
export function shortPercent(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}

/** `4–10` for a non-negative range, `-5 to 10` when a dash would read as a minus sign. */
export function shortRange(low: number, high: number): string {
  const separator = low < 0 || high < 0 ? ' to ' : '–';
  return `${shortNumber(low)}${separator}${shortNumber(high)}`;
}
