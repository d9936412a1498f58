/**
 * Axis label formats for Vega-Lite (d3-format inside Vega expressions): `4.2k`, `15M`, `2B` for
 * counts, `1e25` for FLOPs, `$1.5` or `$2M` for money, `25%` for shares. Also the choice between a
 * linear and a log axis: log where the values span decades.
 */

/** How an axis writes its labels: a d3-format string or a Vega label expression. */
export interface AxisLabels {
  format?: string;
  labelExpr?: string;
}

/** Counts: `0.5`, `20`, `4.2k`, `15M`, `2B` (d3's SI prefix G written as B, as investors read it). */
const COUNT_EXPR = "abs(datum.value) < 1 ? format(datum.value, '~g') : replace(format(datum.value, '~s'), 'G', 'B')";
/** FLOPs: `1×10²⁵`, `2.5×10²⁵` (superscript powers of ten, never e-notation). */
const FLOP_EXPR =
  "split(format(datum.value, '.2~e'), 'e')[0] + '×10' + replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(split(format(datum.value, '.2~e'), 'e')[1], '+', ''), /\\-/g, '⁻'), /0/g, '⁰'), /1/g, '¹'), /2/g, '²'), /3/g, '³'), /4/g, '⁴'), /5/g, '⁵'), /6/g, '⁶'), /7/g, '⁷'), /8/g, '⁸'), /9/g, '⁹')";
/** Large dollar amounts: `$2M`, `$1.5B`. */
const BIG_USD_EXPR = "'$' + replace(format(datum.value, '~s'), 'G', 'B')";

/** Label formatting for an axis (or legend) of values in `unit`, whose largest value is `max`. */
export function axisLabels(unit: string, max: number): AxisLabels {
  if (unit === 'FLOP' || unit === 'FLOP/s') return { labelExpr: FLOP_EXPR };
  if (unit.startsWith('USD')) return max >= 1000 ? { labelExpr: BIG_USD_EXPR } : { format: '$,.2~f' };
  if (unit === '0–1' || unit === 'share') return { format: '.0%' };
  return { labelExpr: COUNT_EXPR };
}

/** Decades spanned by a set of positive values (0 when any is not positive). */
export function decadesSpanned(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || finite.some((v) => v <= 0)) return 0;
  return Math.log10(Math.max(...finite) / Math.min(...finite));
}

/** Whether values belong on a log axis: all positive and spanning more than `minDecades` decades. */
export function wantsLogAxis(values: readonly number[], minDecades = 1): boolean {
  return decadesSpanned(values) > minDecades;
}

/**
 * Tick values for a log axis from `min` to `max`: 1-2-5 in each decade, or only powers of ten when
 * the span is wider than `maxDecades` (four by default; a narrow chart asks two), so labels never crowd.
 */
export function logTicks(min: number, max: number, maxDecades = 4): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const steps = last - first > maxDecades ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let exponent = first; exponent <= last; exponent++) {
    for (const step of steps) {
      const tick = Number((step * 10 ** exponent).toPrecision(12));
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

/** A log-axis domain around positive values: their extent widened by `pad` (a factor) each side. */
export function logDomain(values: readonly number[], pad = 1.15): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  return [Math.min(...positive) / pad, Math.max(...positive) * pad];
}
