/**
 * Numbers for people: thousands separators for counts, k/M/B suffixes for large quantities,
 * scientific notation for FLOPs, dollars for prices. Used by the CLI tables and the reports.
 */

const SUFFIXES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** `x` with `digits` significant digits, trailing zeros dropped. */
export function significant(x: number, digits = 3): string {
  if (x === 0) return '0';
  return String(Number(x.toPrecision(digits)));
}

/** `12,345` for counts under a million, `15.3M`, `2.1B` above. */
export function compact(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e15) return scientific(x, digits);
  for (const [scale, suffix] of SUFFIXES) {
    if (abs >= scale * 0.9995 && scale >= 1e6) return `${significant(x / scale, digits)}${suffix}`;
  }
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  if (abs >= 100) return Math.round(x).toString();
  return significant(x, digits);
}

/** `1.08e25`. */
export function scientific(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** `$1.23`, `$45`, `$1.2M`. */
export function usd(x: number): string {
  if (Math.abs(x) >= 1e6) return `$${compact(x)}`;
  if (Math.abs(x) >= 100) return `$${Math.round(x).toLocaleString('en-US')}`;
  return `$${x.toFixed(2)}`;
}

/** Formats `x` in the style its unit reads best in. */
export function formatValue(x: number, unit: string): string {
  if (unit === 'FLOP' || unit === 'FLOP/s') return scientific(x);
  if (unit.startsWith('USD')) return usd(x);
  return compact(x);
}
