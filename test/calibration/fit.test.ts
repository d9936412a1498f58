import { describe, expect, it } from 'vitest';
import { fitCalibration } from '../../src/calibration/fit.js';
import type { CalibrationSet, InferenceEntry } from '../../src/calibration/types.js';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';

// A synthetic calibration set whose truth is known: five models of HunyuanVideo's shape, each timed
// at an MFU and a multi-GPU loss chosen here. GPU-seconds at MFU 1, by hand: 720p, 129 frames at a
// causal 4× VAE are 33 latent frames × 45 × 80 = 118,800 tokens; one forward pass is
// 2 · 12 · 60 · 3072² · tokens + 4 · 60 · 3072 · tokens²; 50 steps, one pass each, at 989.4 TFLOP/s.
const tokens = 33 * 45 * 80;
const forward = 2 * 12 * 60 * 3072 ** 2 * tokens + 4 * 60 * 3072 * tokens ** 2;
const atMfuOne = (50 * forward) / 989.4e12;
const scenario = loadScenario('calibrated').resolved;
const S = { value: 0, source: 'test' };

function model(id: string) {
  const v = (value: number) => ({ ...S, value });
  return { id, name: id, shape: { params: v(13e9), layers: v(60), dModel: v(3072), spatialCompression: v(8), temporalCompression: v(4), causalLatentFrames: v(1), patchSize: v(2), temporalPatch: v(1) } };
}

function run(id: string, gpus: number, seconds: number, gpu = 'H100'): InferenceEntry {
  return {
    model: id,
    setting: { height: 720, width: 1280, frames: 129, fps: 24, samplingSteps: 50, cfgPasses: 1, gpus, gpu, source: 'test' },
    measured: { seconds, source: 'test', thirdParty: false },
  };
}

/** Each model: its MFU on one GPU and its loss per extra GPU (undefined: timed on one GPU only). */
function setOf(truth: Record<string, { mfu: number; loss?: number }>): CalibrationSet {
  const inference: InferenceEntry[] = [];
  for (const [id, { mfu, loss }] of Object.entries(truth)) {
    inference.push(run(id, 1, atMfuOne / mfu));
    if (loss !== undefined) for (const g of [2, 4, 8]) inference.push(run(id, g, atMfuOne / (mfu * Math.exp(-loss * (g - 1)) * g)));
  }
  return {
    description: 'test',
    gpus: [{ name: 'H100', peakFlops: { ...S, value: 989.4e12 } }, { name: 'A100', peakFlops: { ...S, value: 312e12 } }],
    models: Object.keys(truth).map(model),
    inference,
    training: [],
    apiPrices: [],
  };
}

const truth: Record<string, { mfu: number; loss?: number }> = {
  a: { mfu: 0.3, loss: 0.03 },
  b: { mfu: 0.35, loss: 0.04 },
  c: { mfu: 0.4, loss: 0.05 },
  d: { mfu: 0.45 },
  e: { mfu: 0.5 },
};

describe('the fit of a set whose truth is known', () => {
  const fit = fitCalibration(setOf(truth), scenario);

  it('recovers each model\'s MFU and multi-GPU loss', () => {
    const value = (key: string, model: string) => fit.units.find((u) => u.key === key && u.model === model)!.value;
    for (const [id, { mfu, loss }] of Object.entries(truth)) {
      expect(Math.abs(value('inferMfu', id) / mfu - 1)).toBeLessThan(1e-9);
      if (loss !== undefined) expect(Math.abs(value('servingGpuLoss', id) / loss - 1)).toBeLessThan(1e-9);
    }
  });

  it('gives the 90% prediction interval of the log MFUs for a new model: mean ± t(4) · s · √1.2', () => {
    const logs = Object.values(truth).map((t) => Math.log(t.mfu));
    const mean = logs.reduce((a, b) => a + b, 0) / 5;
    const s = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
    const range = fit.ranges.inferMfu;
    if (!range.fitted) throw new Error(range.reason);
    // One figure per model: no within-model spread. t(0.95, 4) = 2.131847 (tables).
    expect(range.p5).toBeCloseTo(Math.exp(mean - 2.131847 * s * Math.sqrt(1.2)), 5);
    expect(range.p95).toBeCloseTo(Math.exp(mean + 2.131847 * s * Math.sqrt(1.2)), 5);
    expect(range.models).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(range.source).toMatch(/from 5 published timings of 5 open video models/);
  });

  it('fits the loss from the three models timed on several GPUs, t with 2 degrees of freedom', () => {
    const range = fit.ranges.servingGpuLoss;
    if (!range.fitted) throw new Error(range.reason);
    expect(range.interval.n).toBe(3);
    expect(range.interval.t).toBeCloseTo(2.919986, 5);
    expect(range.p50).toBeCloseTo(Math.exp((Math.log(0.03) + Math.log(0.04) + Math.log(0.05)) / 3), 9);
  });

  it('cannot fit a range from fewer than three models, and says how many it had', () => {
    expect(fit.ranges.datasetMultiplier).toEqual({
      key: 'datasetMultiplier', fitted: false, models: 0,
      reason: 'training budget (samples seen, in DiT-XL runs) is measured for 0 models; a range needs at least 3',
    });
    const lessOne = fitCalibration(setOf(truth), scenario, { exclude: 'a' });
    expect(lessOne.ranges.servingGpuLoss).toMatchObject({ fitted: false, models: 2 });
    expect(lessOne.units.some((u) => u.model === 'a')).toBe(false);
  });

  it('corrects a model timed only on several GPUs by the fitted loss', () => {
    const set = setOf({ ...truth, f: { mfu: 0.4, loss: 0.04 } });
    set.inference = set.inference.filter((e) => !(e.model === 'f' && e.setting.gpus === 1));
    const f = fitCalibration(set, scenario).units.find((u) => u.key === 'inferMfu' && u.model === 'f')!;
    // The fitted loss's median is the geometric mean of the four models' losses, not f's own 0.04.
    expect(f.value).toBeGreaterThan(0.38);
    expect(f.value).toBeLessThan(0.42);
    expect(f.runs).toBe(3);
  });

  it('leaves out figures on a GPU with another peak than the scenario\'s', () => {
    const set = setOf(truth);
    set.inference.push(run('a', 1, 1, 'A100'));
    expect(fitCalibration(set, scenario).units.find((u) => u.key === 'inferMfu' && u.model === 'a')!.value).toBeCloseTo(0.3, 9);
  });

  it('refuses a model that is faster per GPU on several GPUs than on one, naming it', () => {
    const set = setOf({ ...truth, a: { mfu: 0.3, loss: -0.02 } });
    expect(() => fitCalibration(set, scenario)).toThrow(SoraError);
    expect(() => fitCalibration(set, scenario)).toThrow(/the multi-GPU loss of a is not positive/);
  });
});
