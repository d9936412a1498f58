/**
 * Fine bins over an output's range, for exact selection and the chart histogram: evenly spaced in
 * log10(x) when the values are positive and span more than two decades, else in x. Every value is
 * put in a bin by the same arithmetic every time, so two passes over a column always agree.
 */

/** Fine bins per histogram bin: selection uses 60 × 32 = 1,920 bins. */
export const FINE_PER_COARSE = 32;
export const HISTOGRAM_BINS = 60;
export const FINE_BINS = HISTOGRAM_BINS * FINE_PER_COARSE;

export interface Binning {
  scale: 'log' | 'linear';
  min: number;
  max: number;
  bins: number;
  /** The bin of x, in [0, bins). */
  binOf(x: number): number;
  /** The left edge of bin i (edge(bins) is the maximum). */
  edge(i: number): number;
}

export function binningScale(min: number, max: number): 'log' | 'linear' {
  return min > 0 && max / min > 100 ? 'log' : 'linear';
}

export function makeBinning(min: number, max: number, bins = FINE_BINS): Binning {
  const scale = binningScale(min, max);
  const log = scale === 'log';
  const lo = log ? Math.log10(min) : min;
  const hi = log ? Math.log10(max) : max;
  const width = (hi - lo) / bins;
  const last = bins - 1;
  return {
    scale,
    min,
    max,
    bins,
    binOf: log
      ? (x) => {
          const b = Math.floor((Math.log10(x) - lo) / width);
          return b < 0 ? 0 : b > last ? last : b;
        }
      : (x) => {
          const b = Math.floor((x - lo) / width);
          return b < 0 ? 0 : b > last ? last : b;
        },
    edge: (i) => (i <= 0 ? min : i >= bins ? max : log ? 10 ** (lo + i * width) : lo + i * width),
  };
}

/** Counts the finite values of `column` per bin. */
export function countBins(column: Float64Array, binning: Binning): Float64Array {
  const counts = new Float64Array(binning.bins);
  const { binOf } = binning;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (Number.isFinite(x)) counts[binOf(x)]! += 1;
  }
  return counts;
}
