import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { backtest, requireBacktestInputs, summaryOf } from '../../src/calibration/backtest.js';
import { BEST_ESTIMATE, bestEstimate } from '../../src/calibration/best-estimate.js';
import { readCalibration, shippedCalibration } from '../../src/calibration/read.js';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';

// The backtest is deterministic for a seed and sample count (seeded streams), so these bars cannot
// fail by chance: they hold or not for the shipped set and scenarios.
const set = shippedCalibration();

describe('the calibrated scenario, in sample and held out', () => {
  const result = backtest(loadScenario('calibrated').resolved, set);

  it('is this set\'s fit, so every figure is also predicted with its model left out', () => {
    expect(result.rangesFrom).toBe('this set');
    expect(result.refitted).toEqual(['inferMfu', 'servingGpuLoss', 'datasetMultiplier']);
    expect(summaryOf(result, 'transformer', 'inference')!.fit).toBe('in-sample');
    expect(summaryOf(result, 'transformer', 'inference', 'held-out')!.fit).toBe('held-out');
  });

  it('holds at least 85% of inference figures inside P5–P95 held out, geometric mean in [0.8, 1.25]', () => {
    const held = summaryOf(result, 'transformer', 'inference', 'held-out')!;
    // Every model with a one-GPU figure is predicted held out (five models); multi-GPU figures need
    // the loss refitted from three other models, which only Step-Video-T2V's have.
    expect(held.count).toBeGreaterThanOrEqual(10);
    expect(held.inside / held.count).toBeGreaterThanOrEqual(0.85);
    expect(held.geometricMean).toBeGreaterThanOrEqual(0.8);
    expect(held.geometricMean).toBeLessThanOrEqual(1.25);
  });

  it('counts in sample every inference figure on the scenario\'s GPU, and only those', () => {
    const own = summaryOf(result, 'transformer', 'inference')!;
    const onOwnGpu = set.inference.filter((e) => set.gpus.find((g) => g.name === e.setting.gpu)!.peakFlops.value === 989.4e12);
    expect(own.count).toBe(onOwnGpu.length);
    expect(result.rows.filter((r) => !r.counted).map((r) => r.setting.split(', ').at(-1))).toEqual(['1 H20', '1 A100/A800', '1 H20']);
    expect(own.geometricMean).toBeGreaterThanOrEqual(0.8);
    expect(own.geometricMean).toBeLessThanOrEqual(1.25);
  });

  it('says why a figure cannot be predicted held out', () => {
    const eight = result.rows.find((r) => r.model === 'HunyuanVideo' && r.setting.endsWith('8 H100'))!;
    expect(eight.heldOut).toEqual({ unavailable: 'without HunyuanVideo: multi-GPU serving loss is measured for 2 models; a range needs at least 3' });
  });

  it('widens a model\'s band when it is held out: its own figures no longer narrow the range', () => {
    const cog = result.rows.find((r) => r.model === 'CogVideoX1.5-5B')!;
    const held = cog.heldOut as { p5: number; p95: number };
    expect(held.p95 / held.p5).toBeGreaterThan(cog.p95 / cog.p5);
  });
});

describe('a set the scenario was not fitted from', () => {
  it('makes the scenario\'s own bands out of sample, with nothing refitted', () => {
    const other = { ...set, inference: set.inference.filter((e) => e.model !== 'cogvideox15-5b') };
    const result = backtest(loadScenario('calibrated').resolved, other, { samples: 400 });
    expect(result.rangesFrom).toBe('another set');
    expect(summaryOf(result, 'transformer', 'inference')!.fit).toBe('out-of-sample');
    expect(summaryOf(result, 'transformer', 'inference', 'held-out')).toBeUndefined();
    expect(result.rows[0]!.heldOut).toMatchObject({ unavailable: expect.stringMatching(/out of sample as they stand/) });
  });
});

describe('a prediction checked by hand', () => {
  it('HunyuanVideo 720p on one H100 at a fixed MFU is 50 forward passes over 118,800 tokens', () => {
    const scenario = loadScenario('calibrated').resolved;
    const fixed = { ...scenario, inputs: { ...scenario.inputs, inferMfu: { ...scenario.inputs.inferMfu, spec: { dist: 'fixed' as const, value: 0.4 } } } };
    const row = backtest(fixed, set, { samples: 50 }).rows[0]!;
    const tokens = 33 * 45 * 80;
    const forward = 2 * 12 * 60 * 3072 ** 2 * tokens + 4 * 60 * 3072 * tokens ** 2;
    const gpuSeconds = (50 * forward) / (989.4e12 * 0.4);
    expect(row.model).toBe('HunyuanVideo');
    expect(Math.abs(row.p50 - gpuSeconds) / gpuSeconds).toBeLessThan(1e-9);
    expect(row.p5).toBeCloseTo(row.p95, 6);
  });
});

describe('the article step cost', () => {
  it('under-predicts measured inference many times over, and mission, fitted by hand, has nothing held out', () => {
    const mission = backtest(loadScenario('mission').resolved, set);
    const article = summaryOf(mission, 'article', 'inference')!;
    expect(article.geometricMean).toBeGreaterThan(10);
    expect(article.inside).toBe(0);
    expect(mission.rangesFrom).toBe('not fitted');
    expect(mission.rows[0]!.heldOut).toMatchObject({ unavailable: expect.stringMatching(/no range of mission is fitted/) });
  });
});

describe('a scenario that lacks an input the backtest needs', () => {
  it('is refused, naming the input', () => {
    const article = loadScenario('article').resolved;
    expect(() => requireBacktestInputs(article)).toThrow(SoraError);
    try {
      requireBacktestInputs(article);
    } catch (error) {
      expect((error as SoraError).details.path).toBe('inputs.inferMfu');
      expect((error as SoraError).message).toMatch(/inferMfu and trainMfu/);
    }
  });
});

describe('the best estimate', () => {
  it('is calibrated, and says why with its held-out fit as the backtest computes it', () => {
    const scenario = loadScenario(BEST_ESTIMATE).resolved;
    const result = backtest(scenario, set);
    const best = bestEstimate(scenario, result);
    const held = summaryOf(result, 'transformer', 'inference', 'held-out')!;
    expect(BEST_ESTIMATE).toBe('calibrated');
    expect(best.heldOut).toEqual({ inside: held.inside, count: held.count, geometricMean: held.geometricMean });
    expect(best.why).toContain(`inside its P5–P95 band ${held.inside} times in ${held.count}`);
    expect(best.why.split('. ').length).toBe(1); // one sentence
  });

  it('cannot be a scenario whose ranges are not fitted from the set', () => {
    expect(() => bestEstimate(loadScenario('mission').resolved)).toThrow(/not fitted from the shipped calibration set/);
  });
});

describe('out of sample: published timings of ten models outside the set', () => {
  // test/calibration/heldout-set.json: 25 timings of ten other open video models, each number with
  // its source, gathered after the fit's method was fixed and first run against it once. The
  // scenario's ranges come from the shipped set, so every band here is a prediction for new models.
  const heldOut = readCalibration(join(import.meta.dirname, 'heldout-set.json'));
  const result = backtest(loadScenario('calibrated').resolved, heldOut);

  it('holds at least 80% of the figures on the scenario\'s GPU inside P5–P95, geometric mean in [0.8, 1.25]', () => {
    const own = summaryOf(result, 'transformer', 'inference')!;
    expect(result.rangesFrom).toBe('another set');
    expect(own.fit).toBe('out-of-sample');
    expect(own.count).toBeGreaterThanOrEqual(15);
    expect(own.inside / own.count).toBeGreaterThanOrEqual(0.8);
    expect(own.geometricMean).toBeGreaterThanOrEqual(0.8);
    expect(own.geometricMean).toBeLessThanOrEqual(1.25);
  });
});
