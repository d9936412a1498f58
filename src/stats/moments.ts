/**
 * Count, extremes, mean and standard deviation of a column's finite values, in two passes.
 * Sums are compensated (Neumaier's variant of Kahan summation), so a mean over 1e7 samples keeps
 * its last digits; the sd is the sample standard deviation (n − 1), from deviations about the mean.
 */

export interface Moments {
  n: number;
  nonFinite: number;
  min: number;
  max: number;
  mean: number;
  sd: number;
}

export function columnMoments(column: Float64Array): Moments {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (!Number.isFinite(x)) continue;
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  const mean = n > 0 ? (sum + compensation) / n : NaN;
  let squares = 0;
  let squaresCompensation = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (!Number.isFinite(x)) continue;
    const d = (x - mean) * (x - mean);
    const t = squares + d;
    squaresCompensation += squares >= d ? squares - t + d : d - t + squares;
    squares = t;
  }
  const sd = n > 1 ? Math.sqrt((squares + squaresCompensation) / (n - 1)) : 0;
  return { n, nonFinite: column.length - n, min, max, mean, sd };
}
