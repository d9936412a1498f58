/** The statistics of one output column: percentiles with intervals, moments, extremes, histogram. */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { histogram } from './histogram.js';
import { percentilesWithIntervals, REPORTED_PERCENTILES } from './percentiles.js';
import type { OutputStats } from '../result/types.js';

export type ColumnStats = Omit<OutputStats, 'unit' | 'label'>;

/** Copies the finite values of `column` (the column itself is left untouched). */
function finiteCopy(column: Float64Array): Float64Array {
  const copy = new Float64Array(column.length);
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (Number.isFinite(x)) copy[n++] = x;
  }
  return n === column.length ? copy : copy.slice(0, n);
}

export function summarizeColumn(column: Float64Array, ps: readonly number[] = REPORTED_PERCENTILES): ColumnStats {
  const values = finiteCopy(column);
  const n = values.length;
  if (n === 0) throw new RangeError('every sample of this output is NaN or infinite');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const asArray = values as unknown as number[];
  return {
    n,
    nonFinite: column.length - n,
    mean: mean(asArray),
    sd: n > 1 ? sampleStandardDeviation(asArray) : 0,
    min,
    max,
    histogram: histogram(values, min, max),
    // Last: selection rearranges `values`. A constant output needs no selection.
    percentiles: min === max ? ps.map((p) => ({ p, value: min, lower: min, upper: min })) : percentilesWithIntervals(values, ps),
  };
}
