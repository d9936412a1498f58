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
