/**
 * The statistics of one output column: moments and extremes, percentiles with intervals, and the
 * chart histogram. Four passes over the column, which is never copied or rearranged (it may be a
 * SharedArrayBuffer view other workers read): moments (two), fine bin counts, gathering the bins
 * the wanted ranks fall in.
 */
import type { OutputStats } from '../result/types.js';
import { countBins, makeBinning } from './bins.js';
import { histogramFromBins } from './histogram.js';
import { columnMoments } from './moments.js';
import { percentilePlans, percentilesFrom, plannedRanks, REPORTED_PERCENTILES } from './percentiles.js';
import { selectRanksBinned } from './select.js';

export type ColumnStats = Omit<OutputStats, 'unit' | 'label'>;

export function summarizeColumn(
  column: Float64Array,
  ps: readonly number[] = REPORTED_PERCENTILES,
  confidence = 0.95,
): ColumnStats {
  const moments = columnMoments(column);
  const { n, min, max } = moments;
  if (n === 0) {
    // Nothing finite to summarise: the caller reports the output by its nonFinite count.
    return { ...moments, histogram: { scale: 'linear', bins: [] }, percentiles: [] };
  }
  if (min === max) {
    // A constant output: no selection, one histogram bin.
    return {
      ...moments,
      sd: 0,
      histogram: { scale: 'linear', bins: [{ x0: min, x1: max, count: n }] },
      percentiles: ps.map((p) => ({ p, value: min, lower: min, upper: min })),
    };
  }
  const binning = makeBinning(min, max);
  const counts = countBins(column, binning);
  const plans = percentilePlans(n, ps, confidence);
  return {
    ...moments,
    histogram: histogramFromBins(binning, counts),
    percentiles: percentilesFrom(plans, selectRanksBinned(column, plannedRanks(plans), binning, counts)),
  };
}

/** The percentile estimates and intervals of `column` alone (the column is left untouched). */
export function percentilesWithIntervals(
  column: Float64Array,
  ps: readonly number[] = REPORTED_PERCENTILES,
  confidence = 0.95,
): OutputStats['percentiles'] {
  return summarizeColumn(column, ps, confidence).percentiles;
}
