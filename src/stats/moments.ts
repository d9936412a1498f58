/**
 * Count, extremes, mean and standard deviation of a column's finite values. Sums are compensated
 * (Neumaier's variant of Kahan summation), so a mean over 1e7 samples keeps its last digits; the sd
 * is the sample standard deviation (n − 1), from deviations about the mean. The squared deviations
 * are summed by whoever makes the second pass over the column (summarize.ts fuses it with binning).
 */

export interface Extent {
  n: number;
  nonFinite: number;
  min: number;
  max: number;
  mean: number;
}

/** A compensated running sum (Neumaier 1974). */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/** First pass: count, extremes and mean of the finite values. */
export function columnExtent(column: Float64Array): Extent {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  const sum = new CompensatedSum();
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (!Number.isFinite(x)) continue;
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
    sum.add(x);
  }
  return { n, nonFinite: column.length - n, min, max, mean: n > 0 ? sum.value / n : NaN };
}

/** The sample standard deviation from the sum of squared deviations about the mean. */
export function sampleSd(sumOfSquaredDeviations: number, n: number): number {
  return n > 1 ? Math.sqrt(sumOfSquaredDeviations / (n - 1)) : 0;
}
