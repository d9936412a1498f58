import { describe, expect, it } from 'vitest';
import { computePoint, transformerForwardFlops, impliedDModel } from '../../src/model/compute.js';
import { articleValues } from '../../src/model/inputs.js';

// Every expected value below is worked out here from the article's own numbers (docs/model.md's
// last table), not taken from the model code, so a wrong formula fails these tests.
const H100_BF16 = 989.4e12;
const LATENT_FRAMES = (60 * 24) / 8; // 180
const VIDEO_FACTOR = LATENT_FRAMES / 2; // 90: half the data is video
const MODEL_MULTIPLIER = 30;

function relative(a: number, b: number) {
  return Math.abs(a - b) / Math.abs(b);
}

describe('computePoint at the article values (article step cost)', () => {
  const conservative = computePoint({ ...articleValues(), datasetMultiplier: 4 }, 'article');
  const optimistic = computePoint({ ...articleValues(), datasetMultiplier: 10 }, 'article');

  it('trains with 1e21 × 30 × dataset multiplier × 90 FLOP', () => {
    expect(relative(conservative.trainFlops, 1e21 * MODEL_MULTIPLIER * 4 * VIDEO_FACTOR)).toBeLessThan(1e-12);
    expect(relative(optimistic.trainFlops, 1e21 * MODEL_MULTIPLIER * 10 * VIDEO_FACTOR)).toBeLessThan(1e-12);
  });

  it('needs 4,211 and 10,528 H100s for a 30-day month', () => {
    expect(Math.round(conservative.trainH100s)).toBe(4211);
    expect(Math.round(optimistic.trainH100s)).toBe(10528);
    expect(relative(conservative.trainH100s, 1.08e25 / (H100_BF16 * 3600 * 24 * 30))).toBeLessThan(1e-12);
  });

  it('costs 2.83e15 FLOP per step and 7.074e17 per one-minute video', () => {
    expect(relative(conservative.stepFlops, 524e9 * 30 * 180)).toBeLessThan(1e-12);
    expect(relative(conservative.flopsPerVideoMinute, 524e9 * 30 * 180 * 250)).toBeLessThan(1e-12);
    expect(conservative.stepFlops.toPrecision(2)).toBe('2.8e+15');
  });

  it('makes about 5 minutes of video per H100-hour', () => {
    const expected = (H100_BF16 * 3600) / (524e9 * 30 * 180 * 250);
    expect(relative(conservative.videoMinutesPerGpuHour, expected)).toBeLessThan(1e-12);
    expect(Math.round(conservative.videoMinutesPerGpuHour)).toBe(5);
  });

  it('crosses over after 15.3M and 38.2M minutes', () => {
    expect(relative(conservative.crossoverMinutes, 1.08e25 / 7.074e17)).toBeLessThan(1e-9);
    expect(relative(optimistic.crossoverMinutes, 2.7e25 / 7.074e17)).toBeLessThan(1e-9);
    expect((conservative.crossoverMinutes / 1e6).toFixed(1)).toBe('15.3');
  });

  it('puts 14.95M AI minutes a day on an average fleet of about 123.7k H100s', () => {
    expect(conservative.aiMinutesPerDay).toBeCloseTo(0.5 * 17e6 + 0.15 * 43e6, 3);
    const minutesPerGpuDay = ((H100_BF16 * 3600) / (524e9 * 30 * 180 * 250)) * 24;
    expect(relative(conservative.inferenceH100sAverage, 14.95e6 / minutesPerGpuDay)).toBeLessThan(1e-12);
    expect(Math.round(conservative.inferenceH100sAverage / 100) / 10).toBe(123.7);
    expect(conservative.inferenceH100sPeak).toBe(conservative.inferenceH100sAverage);
    expect(relative(conservative.inferenceH100sPeakAllAi, (60e6 / 14.95e6) * conservative.inferenceH100sPeak)).toBeLessThan(1e-12);
  });

  it('trains DiT-XL in 11.7 days on one H100 and crosses over after 7.63M images', () => {
    expect(relative(conservative.ditTrainDaysOneH100, 1e21 / H100_BF16 / 86400)).toBeLessThan(1e-12);
    expect(relative(conservative.ditCrossoverImages, 1e21 / (524e9 * 250))).toBeLessThan(1e-12);
    expect(relative(conservative.ditImageFlops, 1.31e14)).toBeLessThan(1e-12);
  });

  it('prices a training run and a video minute at the GPU-hour rate', () => {
    const gpuHours = 1.08e25 / (H100_BF16 * 3600);
    expect(relative(conservative.trainCostUsd, gpuHours * 2)).toBeLessThan(1e-12);
    expect(relative(conservative.costPerVideoMinuteUsd, 2 / conservative.videoMinutesPerGpuHour)).toBeLessThan(1e-12);
  });

  it('scales inference with flopsPerMac, guidance passes and utilisation', () => {
    const physical = computePoint({ ...articleValues(), flopsPerMac: 2, cfgPasses: 2, inferMfu: 0.5 }, 'article');
    expect(relative(physical.flopsPerVideoMinute, 4 * conservative.flopsPerVideoMinute)).toBeLessThan(1e-12);
    expect(relative(physical.videoMinutesPerGpuHour, conservative.videoMinutesPerGpuHour / 8)).toBeLessThan(1e-12);
  });
});

describe('transformer step cost', () => {
  it("gives DiT-XL/2's own shape 2 × 524.6 GFLOP per forward pass, within 1%", () => {
    // DiT-XL/2: 28 layers, width 1152, 1,024 tokens (docs/model.md; the paper's Gflops are MACs).
    const flops = transformerForwardFlops(28, 1152, 1024);
    expect(relative(flops, 2 * 524.6e9)).toBeLessThan(0.01);
  });

  it('costs about 4.6e16 FLOP per step for a 20B, 48-layer model over 180 latent frames', () => {
    const out = computePoint({ ...articleValues(), layers: 48 }, 'transformer');
    const d = Math.sqrt(20.25e9 / (12 * 48));
    const tokens = 180 * 32 * 32;
    const expected = 2 * 20.25e9 * tokens + 4 * 48 * d * tokens * tokens;
    expect(relative(out.stepFlops, expected)).toBeLessThan(1e-12);
    expect(out.stepFlops.toPrecision(2)).toBe('4.6e+16');
    expect(out.stepFlops / 2.83e15).toBeGreaterThan(15);
  });

  it('derives dModel from the parameter count unless one is given', () => {
    expect(impliedDModel(12 * 48 * 6000 ** 2, 48)).toBeCloseTo(6000, 9);
    const given = computePoint({ ...articleValues(), dModel: 5120, layers: 40 }, 'transformer');
    const tokens = 180 * 1024;
    expect(relative(given.stepFlops, 2 * 12 * 40 * 5120 ** 2 * tokens + 4 * 40 * 5120 * tokens ** 2)).toBeLessThan(1e-12);
  });

  it('corrects training compute by transformer forward / article forward (both in FLOPs)', () => {
    // With DiT's counts in FLOPs (flopsPerMac 2) both forwards are in FLOPs (docs/model.md, "Beyond the article").
    const point = { ...articleValues(), flopsPerMac: 2 };
    const article = computePoint(point, 'article');
    const transformer = computePoint(point, 'transformer');
    const articleForwardFlops = 524e9 * 2 * 30 * 180;
    const ratio = transformer.stepFlops / articleForwardFlops; // cfgPasses is 1 here
    expect(relative(transformer.trainFlops, article.trainFlops * ratio)).toBeLessThan(1e-12);
  });

  it('gives the same transformer training compute and crossover whichever MAC convention DiT is counted in', () => {
    // The training compute is corrected to FLOPs either way (see attentionPass): the crossover may not halve.
    const macs = computePoint({ ...articleValues(), flopsPerMac: 1 }, 'transformer');
    const flops = computePoint({ ...articleValues(), flopsPerMac: 2 }, 'transformer');
    expect(relative(macs.trainFlops, flops.trainFlops)).toBeLessThan(1e-12);
    expect(relative(macs.crossoverMinutes, flops.crossoverMinutes)).toBeLessThan(1e-12);
  });
});
