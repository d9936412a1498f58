/**
 * The chart histogram: HISTOGRAM_BINS bins from the fine bin counts (each chart bin is
 * FINE_PER_COARSE fine bins), spaced as the fine bins are. The first bin starts at the minimum and
 * the last ends at the maximum, so every sample falls in a bin.
 */
import type { HistogramBin } from './types.js';
import { FINE_PER_COARSE, type Binning } from './bins.js';

export function histogramFromBins(binning: Binning, fineCounts: Float64Array): { scale: 'log' | 'linear'; bins: HistogramBin[] } {
  const bins: HistogramBin[] = [];
  for (let start = 0; start < binning.bins; start += FINE_PER_COARSE) {
    let count = 0;
    for (let i = start; i < start + FINE_PER_COARSE && i < binning.bins; i++) count += fineCounts[i]!;
    bins.push({ x0: binning.edge(start), x1: binning.edge(Math.min(binning.bins, start + FINE_PER_COARSE)), count });
  }
  return { scale: binning.scale, bins };
}
