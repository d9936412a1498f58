/**
 * Histograms for charts: evenly spaced bins in log10(x) when the values are positive and span more
 * than two decades, else in x. The first bin starts at the minimum and the last ends at the maximum.
 */
import type { HistogramBin } from '../result/types.js';

export const HISTOGRAM_BINS = 60;

export function histogram(
  values: Float64Array,
  min: number,
  max: number,
  binCount = HISTOGRAM_BINS,
): { scale: 'log' | 'linear'; bins: HistogramBin[] } {
  const scale = min > 0 && max / min > 100 ? 'log' : 'linear';
  if (min === max) return { scale, bins: [{ x0: min, x1: max, count: values.length }] };
  const forward = scale === 'log' ? Math.log10 : (x: number) => x;
  const back = scale === 'log' ? (y: number) => 10 ** y : (y: number) => y;
  const lo = forward(min);
  const width = (forward(max) - lo) / binCount;
  const counts = new Float64Array(binCount);
  for (let i = 0; i < values.length; i++) {
    const bin = Math.floor((forward(values[i]!) - lo) / width);
    counts[bin < 0 ? 0 : bin >= binCount ? binCount - 1 : bin]! += 1;
  }
  const bins: HistogramBin[] = [];
  for (let b = 0; b < binCount; b++) {
    bins.push({ x0: b === 0 ? min : back(lo + b * width), x1: b === binCount - 1 ? max : back(lo + (b + 1) * width), count: counts[b]! });
  }
  return { scale, bins };
}
