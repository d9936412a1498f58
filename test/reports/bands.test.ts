import { describe, expect, it } from 'vitest';
import { band, exceedance, HOURS_PER_MONTH, inferenceComputeBand, peakFleetBand, scaleBand, trainingBand } from '../../reports/bands.js';
import type { OutputStats } from '../../src/result/types.js';
import { percentile } from '../../src/result/percentile.js';
import { simulated } from './fixtures.js';

const result = await simulated('mission');
const p = (stats: OutputStats, q: number) => percentile(stats, q).value;

describe('bands derived from the Result (no resampling)', () => {
  it('training H100s for a 3-month run are trainGpuHours percentiles ÷ 2,160', () => {
    const hours = result.outputs.trainGpuHours;
    expect(HOURS_PER_MONTH * 3).toBe(2160);
    const band3 = trainingBand(result, 3);
    // Equal up to rounding of the last bit (scaling by 1/2160 and dividing by 2160 may differ by an ulp).
    for (const [key, q] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const) {
      expect(Math.abs(band3[key] / (p(hours, q) / 2160) - 1)).toBeLessThan(1e-14);
    }
  });

  it('a one-month run gives the trainH100s percentiles when the run is 30 days', () => {
    expect(result.scenario.inputs.trainDays.p50).toBe(30);
    const one = trainingBand(result, 1);
    const direct = band(result.outputs.trainH100s);
    expect(one.p10).toBeCloseTo(direct.p10, 6);
    expect(one.p50).toBeCloseTo(direct.p50, 6);
    expect(one.p90).toBeCloseTo(direct.p90, 6);
  });

  it('the peak fleet at an AI share s is s × the all-AI fleet percentiles', () => {
    const all = result.outputs.inferenceH100sPeakAllAi;
    expect(peakFleetBand(result, 0.4)).toEqual({ p10: 0.4 * p(all, 0.1), p50: 0.4 * p(all, 0.5), p90: 0.4 * p(all, 0.9) });
    expect(peakFleetBand(result, 0)).toEqual({ p10: 0, p50: 0, p90: 0 });
  });

  it('at the scenario’s own AI share the peak fleet matches the inferenceH100sPeak percentiles (uploads are fixed in mission)', () => {
    const share = result.outputs.aiMinutesPerDay.percentiles[4]!.value / (17e6 + 43e6);
    const derived = peakFleetBand(result, share);
    const direct = band(result.outputs.inferenceH100sPeak);
    expect(derived.p50 / direct.p50).toBeCloseTo(1, 9);
    expect(derived.p90 / direct.p90).toBeCloseTo(1, 9);
  });

  it('cumulative inference compute after M minutes is M × flopsPerVideoMinute percentiles', () => {
    const f = result.outputs.flopsPerVideoMinute;
    expect(inferenceComputeBand(result, 1e7)).toEqual({ p10: 1e7 * p(f, 0.1), p50: 1e7 * p(f, 0.5), p90: 1e7 * p(f, 0.9) });
  });

  it('refuses a negative scale, which would swap the quantiles', () => {
    expect(() => scaleBand({ p10: 1, p50: 2, p90: 3 }, -1)).toThrow(RangeError);
  });
});

describe('exceedance curve from histogram cumulative counts', () => {
  const stats = result.outputs.trainH100s;
  const curve = exceedance(stats);

  it('starts at 1 at the minimum and falls to 0 at the maximum', () => {
    expect(curve[0]).toEqual({ x: stats.min, probability: 1 });
    expect(curve.at(-1)).toEqual({ x: stats.max, probability: 0 });
    expect(curve).toHaveLength(stats.histogram.bins.length + 1);
  });

  it('never rises', () => {
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.probability).toBeLessThanOrEqual(curve[i - 1]!.probability);
  });

  it('is exact at each bin edge: the share of samples in the bins above it', () => {
    const bins = stats.histogram.bins;
    const above = bins.slice(10).reduce((sum, bin) => sum + bin.count, 0);
    expect(curve[10]!.x).toBe(bins[9]!.x1);
    expect(curve[10]!.probability).toBe(above / stats.n);
  });

  it('crosses 10% near the P90', () => {
    const p90 = p(stats, 0.9);
    const before = curve.filter((point) => point.x <= p90).at(-1)!;
    const after = curve.find((point) => point.x >= p90)!;
    expect(before.probability).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(after.probability).toBeLessThanOrEqual(0.1 + 1e-12);
  });
});
