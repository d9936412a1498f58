/**
 * Exact quantities derived from a Result's percentiles and histograms, for the charts. None
 * resamples: a positive constant times a random variable has the constant times its quantiles, so
 * every band here is the Result's percentiles scaled.
 *
 * @example
 * trainingBand(result, 3) // P10/P50/P90 of trainGpuHours ÷ (3 × 30 × 24)
 */
import type { OutputKey } from '../src/model/outputs.js';
import type { OutputStats, Result } from '../src/result/types.js';
import { percentile } from '../src/result/percentile.js';

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

/** Hours in the model's month (docs/model.md: a one-month run is 30 days). */
export const HOURS_PER_MONTH = 30 * 24;

/** P10, P50 and P90 of one output. */
export function band(stats: OutputStats): Band {
  return { p10: percentile(stats, 0.1).value, p50: percentile(stats, 0.5).value, p90: percentile(stats, 0.9).value };
}

/** P10, P50 and P90 of an output of a Result. */
export function outputBand(result: Result, key: OutputKey): Band {
  return band(result.outputs[key]);
}

/** A band times a constant factor ≥ 0 (quantiles scale with it). */
export function scaleBand(b: Band, factor: number): Band {
  if (!(factor >= 0)) throw new RangeError(`a band scales only by a factor ≥ 0, not ${factor}`);
  return { p10: b.p10 * factor, p50: b.p50 * factor, p90: b.p90 * factor };
}

/** H100s busy for a run of `months` months (30 days each): training H100-hours ÷ the run's hours. */
export function trainingBand(result: Result, months: number): Band {
  return scaleBand(outputBand(result, 'trainGpuHours'), 1 / (months * HOURS_PER_MONTH));
}

/** Peak inference fleet when a share `share` (0–1) of TikTok's and YouTube's uploads is AI-generated. */
export function peakFleetBand(result: Result, share: number): Band {
  return scaleBand(outputBand(result, 'inferenceH100sPeakAllAi'), share);
}

/** Inference compute (FLOP) spent on `minutes` minutes of generated video. */
export function inferenceComputeBand(result: Result, minutes: number): Band {
  return scaleBand(outputBand(result, 'flopsPerVideoMinute'), minutes);
}

export interface ExceedancePoint {
  /** A histogram bin edge. */
  x: number;
  /** Share of samples at or above `x` (the share above `x` for a continuous output). */
  probability: number;
}

/**
 * The exceedance curve P(X ≥ x) from a histogram's cumulative counts: exact at every bin edge
 * (a sample on an edge falls in the bin above it), straight lines between edges when drawn.
 */
export function exceedance(stats: OutputStats): ExceedancePoint[] {
  const { bins } = stats.histogram;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (bins.length === 0 || total === 0) return [];
  const points: ExceedancePoint[] = [{ x: bins[0]!.x0, probability: 1 }];
  let below = 0;
  for (const bin of bins) {
    below += bin.count;
    points.push({ x: bin.x1, probability: (total - below) / total });
  }
  return points;
}
