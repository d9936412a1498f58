// The statistics of a plain column at the confidence every run uses (the workers call summarizeColumn the same way).
import { CONFIDENCE, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { summarizeColumn } from '../../src/stats/summarize.js';

export function summarize(column: Float64Array, ps: readonly number[] = REPORTED_PERCENTILES) {
  return summarizeColumn(column, ps, CONFIDENCE);
}

export function percentilesWithIntervals(column: Float64Array, ps: readonly number[] = REPORTED_PERCENTILES) {
  return summarize(column, ps).percentiles;
}
