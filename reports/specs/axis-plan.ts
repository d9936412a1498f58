/**
 * A value axis decided in advance: its scale type, domain and length in pixels, so label positions
 * can be planned in pixels before Vega draws anything.
 */
import { axisLabels, logDomain, logTicks } from '../axis.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { FONT_SIZE } from '../theme.js';
import { wrapWords } from './text-width.js';

/** A value axis decided in advance: its scale type, its domain and its length in pixels. */
export interface AxisPlan {
  log: boolean;
  domain: [number, number];
  length: number;
}

/**
 * The axis that shows all of `values`: on a log axis their extent padded by 15% each side, on a
 * linear axis by 4% of the span (from 0 when `zero` and every value is ≥ 0).
 */
export function planAxis(values: readonly number[], log: boolean, length: number, zero = false): AxisPlan {
  const finite = values.filter((v) => Number.isFinite(v));
  if (log) return { log, domain: logDomain(finite), length };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return { log, domain: [zero && lo >= 0 ? 0 : lo - pad, hi + pad], length };
  }
  const pad = (hi - lo) * 0.04;
  lo = zero && lo >= 0 ? 0 : lo - pad;
  hi += pad;
  return { log, domain: [lo, hi], length };
}

/** Where `x` lands on the axis, in pixels from its start. */
export function pixelOf(plan: AxisPlan, x: number): number {
  const [lo, hi] = plan.domain;
  const t = plan.log ? Math.log10(x / lo) / Math.log10(hi / lo) : (x - lo) / (hi - lo);
  return t * plan.length;
}

/** The value at `pixel` pixels from the axis start (the inverse of `pixelOf`). */
export function valueAtPixel(plan: AxisPlan, pixel: number): number {
  const [lo, hi] = plan.domain;
  const t = pixel / plan.length;
  return plan.log ? lo * (hi / lo) ** t : lo + t * (hi - lo);
}

/** The Vega-Lite scale of a planned axis. */
export function scaleOf(plan: AxisPlan) {
  return plan.log
    ? { type: 'log' as const, domain: plan.domain, nice: false }
    : { type: 'linear' as const, domain: plan.domain, nice: false, zero: false };
}

/**
 * Axis properties for values in `unit` with a title; 1-2-5 ticks on a log axis. Laid out narrow: a
 * log axis ticks only powers of ten when it spans more than two decades, a linear one about four
 * ticks, and a title longer than the axis wraps onto a second line.
 */
export function axisOf(plan: AxisPlan, unit: string, title: string, layout: ChartLayout = DESKTOP) {
  const max = Math.max(...plan.domain.map(Math.abs));
  const ticks = plan.log ? { values: logTicks(...plan.domain, layout.narrow ? 2 : 4) } : layout.narrow ? { tickCount: 4 } : {};
  const lines = layout.narrow ? wrapWords(title, plan.length, FONT_SIZE.axisTitle) : [title];
  return { title: lines.length > 1 ? lines : title, ...axisLabels(unit, max), ...ticks, labelOverlap: 'greedy' as const, labelFlush: false, grid: true };
}

/** An axis title for a narrow chart: wrapped onto lines no longer than `length` pixels. */
export function wrappedTitle(title: string, length: number, layout: ChartLayout): string | string[] {
  if (!layout.narrow) return title;
  const lines = wrapWords(title, length, FONT_SIZE.axisTitle);
  return lines.length > 1 ? lines : title;
}
