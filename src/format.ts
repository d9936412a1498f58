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

/** `12,345` for counts under 100,000; `449k`, `15.3M`, `2.1B` above. */
export function compact(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e15) return scientific(x, digits);
  for (const [scale, suffix] of SUFFIXES) {
    if (abs >= Math.max(scale, 1e5) * 0.9995) return `${significant(x / scale, digits)}${suffix}`;
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

/** `x` rounded to `digits` significant digits, then written as `compact` writes it: `20,800`, `26.8M`. */
export function rounded(x: number, digits = 3): string {
  if (!Number.isFinite(x) || x === 0) return compact(x, digits);
  return compact(Number(x.toPrecision(digits)), digits);
}

/** Dollars for sentences: `$1.45`, `$29.91`, `$0.013`, `$1,234`, `$4.5M`. */
export function usdRounded(x: number, digits = 3): string {
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 0.1) return `$${significant(x, 2)}`;
  if (abs >= 1e6) return `$${rounded(x, digits)}`;
  return usd(x);
}

/** Like `formatValue`, rounded to `digits` significant digits: numbers in sentences people read. */
export function formatRounded(x: number, unit: string, digits = 3): string {
  if (unit === 'FLOP' || unit === 'FLOP/s') return scientific(x, digits);
  if (unit.startsWith('USD')) return usdRounded(x, digits);
  return rounded(x, digits);
}

/** A share as a percentage: `25%`, `2.5%`. */
export function percent(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return `${significant(x * 100, digits)}%`;
}
