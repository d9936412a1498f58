/**
 * The statistics of one output column: moments and extremes, percentiles with intervals, and the
 * chart histogram. Three passes over the column, which is never copied or rearranged (it may be a
 * SharedArrayBuffer view other workers read): extent and mean; fine bin counts with the squared
 * deviations; gathering the bins the wanted ranks fall in.
 */
import { makeBinning, type Binning } from './bins.js';
import { histogramFromBins } from './histogram.js';
import { columnExtent, CompensatedSum, sampleSd } from './moments.js';
import { percentilePlans, percentilesFrom, plannedRanks } from './percentiles.js';
import { selectRanksBinned } from './select.js';
import type { ColumnStats } from './types.js';

export type { ColumnStats };

/** Second pass: fine bin counts and the sum of squared deviations about the mean, together. */
function binAndSquare(column: Float64Array, binning: Binning, mean: number): { counts: Float64Array; squaredDeviations: number } {
  const counts = new Float64Array(binning.bins);
  const squares = new CompensatedSum();
  const { binOf } = binning;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (!Number.isFinite(x)) continue;
    counts[binOf(x)]! += 1;
    squares.add((x - mean) * (x - mean));
  }
  return { counts, squaredDeviations: squares.value };
}

/** Every statistic of `column`: percentiles `ps` with intervals at `confidence`, moments, histogram. */
export function summarizeColumn(column: Float64Array, ps: readonly number[], confidence: number): ColumnStats {
  const extent = columnExtent(column);
  const { n, min, max } = extent;
  if (n === 0) {
    // Nothing finite to summarise: the caller reports the output by its nonFinite count.
    return { ...extent, sd: NaN, histogram: { scale: 'linear', bins: [] }, percentiles: [] };
  }
  if (min === max) {
    // A constant output: no selection (every order statistic is min), one histogram bin.
    const constant = percentilePlans(n, ps, confidence);
    return {
      ...extent,
      sd: 0,
      histogram: { scale: 'linear', bins: [{ x0: min, x1: max, count: n }] },
      percentiles: percentilesFrom(constant, new Map(plannedRanks(constant).map((rank) => [rank, min]))),
    };
  }
  const binning = makeBinning(min, max);
  const { counts, squaredDeviations } = binAndSquare(column, binning, extent.mean);
  const plans = percentilePlans(n, ps, confidence);
  return {
    ...extent,
    sd: sampleSd(squaredDeviations, n),
    histogram: histogramFromBins(binning, counts),
    percentiles: percentilesFrom(plans, selectRanksBinned(column, plannedRanks(plans), binning, counts)),
  };
}
