// The statistics of a plain column at the confidence every run uses (the workers call summarizeColumn the same way).
import { BOUND_FRACTION } from '../../src/stats/binned-percentiles.js';
import { CONFIDENCE, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { summarizeColumn } from '../../src/stats/summarize.js';

export function summarize(column: Float64Array, ps: readonly number[] = REPORTED_PERCENTILES) {
  return summarizeColumn(column, ps, CONFIDENCE);
}

export function percentilesWithIntervals(column: Float64Array, ps: readonly number[] = REPORTED_PERCENTILES) {
  return summarize(column, ps).percentiles;
}

/**
 * The engine's percentiles against the exact ones of the same sample (summarizeColumn): each within
 * the stated bound (BOUND_FRACTION of the exact interval's half-width), each interval holding the exact one.
 */
export function expectWithinBound(
  actual: readonly { p: number; value: number; lower: number; upper: number }[],
  exact: readonly { p: number; value: number; lower: number; upper: number }[],
  expect: (value: number) => { toBeLessThanOrEqual(x: number): void },
): void {
  actual.forEach((q, i) => {
    const e = exact[i]!;
    const slack = BOUND_FRACTION * ((e.upper - e.lower) / 2);
    expect(Math.abs(q.value - e.value)).toBeLessThanOrEqual(slack);
    expect(q.lower).toBeLessThanOrEqual(e.lower);
    expect(e.upper).toBeLessThanOrEqual(q.upper);
    expect(e.lower - q.lower).toBeLessThanOrEqual(slack);
    expect(q.upper - e.upper).toBeLessThanOrEqual(slack);
  });
}
