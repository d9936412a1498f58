/**
 * Numbers for people, in one place: every number sora-mc writes for a reader (terminal tables,
 * reports, error messages, drift reports, distribution descriptions) is formatted here.
 *
 * - `compact`, `rounded`, `formatValue`, `formatRounded`: tables and sentences (`12,345`, `449k`,
 *   `15.3M`, `1.08e25`, `$1.45`);
 * - `shortNumber`, `shortRange`, `shortPercent`: one-line distribution descriptions (`10B–30B`);
 * - `value`, `signedPercent`, `magnitudePercent`, `percentileLabel`, `probability`, `count`: drift
 *   reports, with enough digits that a 0.1% move shows in the values themselves.
 */

const SUFFIXES: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** `x` in e-notation with `fractionDigits` after the point, trailing zeros dropped: `1.08e25`, `2.5e-5`. */
function eNotation(x: number, fractionDigits: number): string {
  const [mantissa, exponent] = x.toExponential(fractionDigits).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

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
  return eNotation(x, digits - 1);
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

/** Numbers in sentences people read: `readerNumber` (the report, the Markdown and `run` write numbers alike). */
export function formatRounded(x: number, unit: string, digits = 3): string {
  return readerNumber(x, unit, digits);
}

/** A share as a percentage: `25%`, `2.5%`. */
export function percent(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return `${significant(x * 100, digits)}%`;
}

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
  const roundedAbs = Number(Math.abs(x).toPrecision(3));
  if (roundedAbs >= 1e15 || roundedAbs < 1e-3) return `${sign}${eNotation(roundedAbs, 2)}`;
  for (const [scale, suffix] of SUFFIXES) {
    if (roundedAbs >= scale) return `${sign}${Number((roundedAbs / scale).toPrecision(3))}${suffix}`;
  }
  return `${sign}${roundedAbs}`;
}

/** A probability as a percentage with at most 3 significant digits: `12.5%`. */
export function shortPercent(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}

/**
 * `4–10` for a non-negative range, `-5 to 10` when a dash would read as a minus sign; each end
 * written by `value` (default shortNumber).
 */
export function shortRange(low: number, high: number, value: (x: number) => string = shortNumber): string {
  const separator = low < 0 || high < 0 ? ' to ' : '–';
  return `${value(low)}${separator}${value(high)}`;
}

/** `12,345.6`, `0.38124`, `1.0812e25`: six significant digits, for drift reports. */
export function value(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e9 || abs < 1e-3) return eNotation(x, 5);
  return x.toLocaleString('en-US', { maximumSignificantDigits: 6 });
}

/** A relative change as a signed percentage: `+3.02%`, `-0.41%`, `+2.1e-10%`. */
export function signedPercent(relative: number): string {
  const sign = relative > 0 ? '+' : relative < 0 ? '-' : '±';
  return `${sign}${magnitudePercent(Math.abs(relative))}`;
}

/** A non-negative relative amount as a percentage: `12.5%`, `3.02%`, `0.92%`, `0.0031%`, `1e-10%`. */
export function magnitudePercent(relative: number): string {
  if (!Number.isFinite(relative)) return String(relative);
  const pct = relative * 100;
  if (pct === 0) return '0%';
  if (pct >= 10) return `${pct.toFixed(1)}%`;
  if (pct >= 1) return `${pct.toFixed(2)}%`;
  if (pct >= 0.001) return `${pct.toPrecision(2)}%`;
  return `${eNotation(pct, 1)}%`;
}

/** `P1`, `P50`, `P99.9`. */
export function percentileLabel(p: number): string {
  return `P${Number((p * 100).toPrecision(6))}`;
}

/** A probability such as α: `0.001`, `0.05`, `2.6e-6`. */
export function probability(x: number): string {
  if (x >= 1e-3) return String(Number(x.toPrecision(3)));
  return eNotation(x, 1);
}

/** `1,000,000`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A multiplicative factor with three significant digits: `×1.75`, `×0.855`, `×1` (exactly 1), `×1.004`. */
export function factor(x: number): string {
  if (!Number.isFinite(x)) return `×${x}`;
  // A factor that is not 1 never reads as ×1: more digits until it differs (×1.004, ×0.9996).
  for (let digits = 3; digits < 8; digits++) if (x === 1 || significant(x, digits) !== '1') return `×${significant(x, digits)}`;
  return `×${significant(x, 8)}`;
}

const SUPERSCRIPTS: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** `1.08×10²⁵`: scientific notation for readers, never `1.08e25`. */
export function timesTenTo(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).replace(/[-0-9]/g, (c) => SUPERSCRIPTS[c]!);
  return `${Number(mantissa)}×10${power}`;
}

/**
 * Numbers in report sentences and tables, and in `run`: counts from 1,000 to 99,999 as whole numbers
 * (`20,834`, and the article's `4,211` shows as printed), larger ones with three significant digits and
 * a k/M/B suffix (`449k`, `15.3M`), FLOPs as `1.08×10²⁵`, dollars as `usdRounded` writes them.
 */
export function readerNumber(x: number, unit: string, digits = 3): string {
  if (unit === 'FLOP' || unit === 'FLOP/s') return timesTenTo(x, digits);
  if (unit.startsWith('USD') && Math.abs(x) >= 1e5) return `$${readerNumber(x, 'dollars', digits)}`;
  if (unit.startsWith('USD')) return usdRounded(x, digits);
  if (Number.isFinite(x) && Math.abs(x) >= 1000 && Math.abs(x) < 1e5) return Math.round(x).toLocaleString('en-US');
  return rounded(x, digits);
}

/** The k/M/B/T suffix a written number ends with ('' for none). */
function suffixOf(text: string): string {
  return /[kMBT]$/.test(text) ? text.slice(-1) : '';
}

/**
 * A range `lo–hi` in one notation, with enough digits that its two ends differ when the values do:
 * `78.3k–488k` (not `78,300–488k`), `26.71M–26.74M` (not `26.7M–26.7M`), `$1.45–$1.52`, `4,211–10,528`.
 */
export function readerRange(lo: number, hi: number, unit: string): string {
  // Large dollar amounts read as counts with a $ on each end: `$912k–$3.2M`, not `$912,345–$3.2M`.
  if (unit.startsWith('USD') && Math.abs(hi) >= 1e5) return readerRange(lo, hi, 'dollars').split('–').map((end) => `$${end}`).join('–');
  for (let digits = 3; digits <= 6; digits++) {
    let [a, b] = [readerNumber(lo, unit, digits), readerNumber(hi, unit, digits)];
    const suffix = suffixOf(b);
    // A whole number (1,000–99,999) beside a suffixed one is written with k: `78.3k–488k`, `43.6k–1.04M`.
    if (suffix && !suffixOf(a) && Math.abs(lo) >= 1000 && !unit.startsWith('USD') && unit !== 'FLOP' && unit !== 'FLOP/s') {
      a = `${significant(lo / 1e3, digits)}k`;
    }
    if (a !== b || lo === hi || digits === 6) return lo === hi ? a : `${a}–${b}`;
  }
  return `${readerNumber(lo, unit)}–${readerNumber(hi, unit)}`;
}
