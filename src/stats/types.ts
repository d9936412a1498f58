/** What the statistics of one output column are: percentiles with intervals, moments, a histogram. */

export interface PercentileEstimate {
  /** The probability, e.g. 0.1 for P10. */
  p: number;
  /** The sample quantile (type 7: linear interpolation between order statistics, as numpy and R's default). */
  value: number;
  /** Distribution-free 95% confidence interval for the true quantile, from order statistics. */
  lower: number;
  upper: number;
  /**
   * Present only when the interval cannot reach the stated confidence (too few samples for this p):
   * its real coverage, P(lower ≤ ξ_p ≤ upper). Checks refuse such estimates; views say so.
   */
  coverage?: number;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface OutputStats {
  unit: string;
  label: string;
  /** Samples in the statistics (non-finite samples are counted in `nonFinite` and excluded). */
  n: number;
  nonFinite: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentiles: PercentileEstimate[];
  /** Bins spaced evenly in log10(x) when `scale` is `log`, else in x; all samples fall in a bin. */
  histogram: { scale: 'log' | 'linear'; bins: HistogramBin[] };
}

/** The statistics of a column before the output's unit and label are attached. */
export type ColumnStats = Omit<OutputStats, 'unit' | 'label'>;

/**
 * One output's statistics as a sampling run returns them: ColumnStats, and for an output that took at
 * most SUPPORT_LIMIT (16) distinct values, tallied exactly by value (stream-count.ts), how many it took.
 * Such an output has atoms: its percentiles sit on steps of the CDF. Not part of a Result.
 */
export interface RunColumnStats extends ColumnStats {
  distinct?: number;
}
