import { describe, expect, it } from 'vitest';
import { computePoint } from '../../src/model/compute.js';
import { articleValues } from '../../src/model/inputs.js';

// The inputs added for calibration (causal latent frames, temporal patch, a training clip, an FP8
// serving peak, multi-GPU serving efficiency). Expected values are worked out by hand here.
function relative(a: number, b: number) {
  return Math.abs(a - b) / Math.abs(b);
}

const transformerBase = { ...articleValues(), flopsPerMac: 2, height: 720, width: 1280, layers: 60, dModel: 3072, soraParams: 13e9 };

describe('latent frames', () => {
  it('count 1 + (frames − 1) / compression for a causal VAE: 129 frames at 4× make 33', () => {
    const out = computePoint({ ...articleValues(), videoSeconds: 129 / 24, fps: 24, temporalCompression: 4, causalLatentFrames: 1 }, 'article');
    expect(relative(out.latentFrames, 33)).toBeLessThan(1e-12);
  });
  it("count frames / compression at the article's default (1,440 frames at 8× make 180)", () => {
    expect(computePoint(articleValues(), 'article').latentFrames).toBe(180);
  });
});

describe('the attention-aware step cost with a published shape (HunyuanVideo, 720p, 129 frames)', () => {
  // 33 latent frames × (720/16) × (1280/16) = 118,800 tokens; 12·60·3072² token parameters.
  const tokens = 33 * 45 * 80;
  const forward = 2 * 12 * 60 * 3072 ** 2 * tokens + 4 * 60 * 3072 * tokens ** 2;
  const point = { ...transformerBase, videoSeconds: 129 / 24, fps: 24, temporalCompression: 4, causalLatentFrames: 1, samplingSteps: 50, cfgPasses: 1 };

  it('costs one forward pass per step and pass', () => {
    expect(relative(computePoint(point, 'transformer').stepFlops, forward)).toBeLessThan(1e-12);
  });
  it('takes whole temporal patches: 33 latent frames with a patch of 2 make 17 tokens in time (padded, as diffusers pads CogVideoX1.5)', () => {
    const padded = 17 * 45 * 80;
    const expected = 2 * 12 * 60 * 3072 ** 2 * padded + 4 * 60 * 3072 * padded ** 2;
    expect(relative(computePoint({ ...point, temporalPatch: 2 }, 'transformer').stepFlops, expected)).toBeLessThan(1e-12);
  });
  it('counts tokens from the pixels a token covers when pixelsPerToken is given (32: a 16× VAE with 2×2 patches)', () => {
    const coarse = 33 * (720 / 32) * (1280 / 32);
    const expected = 2 * 12 * 60 * 3072 ** 2 * coarse + 4 * 60 * 3072 * coarse ** 2;
    expect(relative(computePoint({ ...point, pixelsPerToken: 32 }, 'transformer').stepFlops, expected)).toBeLessThan(1e-12);
    // 0 keeps spatialCompression × patchSize (8 × 2 = 16 px).
    expect(computePoint({ ...point, pixelsPerToken: 0 }, 'transformer').stepFlops).toBe(computePoint(point, 'transformer').stepFlops);
  });
  it('serves at the FP8 peak and pays for parallel GPUs', () => {
    const bf16 = computePoint({ ...point, inferMfu: 0.4 }, 'transformer');
    const fp8 = computePoint({ ...point, inferMfu: 0.4, inferPeakFlops: 1978.9e12 }, 'transformer');
    const parallel = computePoint({ ...point, inferMfu: 0.4, servingGpuEfficiency: 0.7 }, 'transformer');
    // GPU-seconds per clip = 50 forward passes / (peak × MFU × efficiency).
    const gpuSeconds = (o: typeof bf16) => ((129 / 24 / 60) / o.videoMinutesPerGpuHour) * 3600;
    expect(relative(gpuSeconds(bf16), (50 * forward) / (989.4e12 * 0.4))).toBeLessThan(1e-12);
    expect(relative(gpuSeconds(fp8), (50 * forward) / (1978.9e12 * 0.4))).toBeLessThan(1e-12);
    expect(relative(gpuSeconds(parallel), (50 * forward) / (989.4e12 * 0.4 * 0.7))).toBeLessThan(1e-12);
  });
  it('loses exp(−loss × (GPUs − 1)) of its efficiency on several GPUs, nothing on one', () => {
    const one = computePoint({ ...point, inferMfu: 0.4, servingGpus: 1, servingGpuLoss: 0.04 }, 'transformer');
    const eight = computePoint({ ...point, inferMfu: 0.4, servingGpus: 8, servingGpuLoss: 0.04 }, 'transformer');
    expect(one.videoMinutesPerGpuHour).toBe(computePoint({ ...point, inferMfu: 0.4 }, 'transformer').videoMinutesPerGpuHour);
    // exp(−0.04 × 7) = 0.7558: eight GPUs spend 1 / 0.7558 = 1.32× the GPU-seconds of one.
    expect(relative(eight.videoMinutesPerGpuHour / one.videoMinutesPerGpuHour, 0.755783741455725)).toBeLessThan(1e-12);
  });
  it('trains on its own clip: 3 × samples seen × video share × forward pass of the training clip', () => {
    // 256×448, 121 frames at 24 fps, causal 4×: 1 + 120/4 = 31 latent frames × 16 × 28 tokens.
    const trainTokens = 31 * 16 * 28;
    const trainForward = 2 * 12 * 60 * 3072 ** 2 * trainTokens + 4 * 60 * 3072 * trainTokens ** 2;
    const out = computePoint({ ...point, trainHeight: 256, trainWidth: 448, trainVideoSeconds: 121 / 24, ditTrainFlops: 1.2e21, ditStepFlops: 524.6e9, datasetMultiplier: 2 }, 'transformer');
    const samplesSeenTimesThree = 1.2e21 / 524.6e9; // DiT: 3 × 768M images seen
    expect(relative(out.trainFlops, samplesSeenTimesThree * 2 * 0.5 * trainForward)).toBeLessThan(1e-12);
  });
});
