import { describe, expect, it } from 'vitest';
import { computePoint } from '../../src/model/compute.js';
import { INPUT_KEYS, type InputKey } from '../../src/model/inputs.js';
import type { OutputKey } from '../../src/model/outputs.js';
import { percentile } from '../../src/result/percentile.js';
import type { Result } from '../../src/result/types.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { barsFor } from '../../src/stats/tornado.js';
import { scratchDir } from '../helpers/scratch.js';
import { scaled } from '../helpers/suite.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir();

/** The model at the scenario's medians with `changes` applied: the closed form of an output that depends on the changed inputs only. */
function modelAt(result: Result, changes: Partial<Record<InputKey, number>>): Record<OutputKey, number> {
  const point = Object.fromEntries(INPUT_KEYS.map((key) => [key, result.scenario.inputs[key].p50])) as Record<InputKey, number>;
  return computePoint({ ...point, ...changes }, result.scenario.stepCost);
}

const bar = (result: Result, input: InputKey) => result.sensitivity.tornado.find((b) => b.input === input)!;

describe('the tornado: conditional medians around the simulated P50', () => {
  it('gives f(Q(0.05)) and f(Q(0.95)) for an output that is a monotone function f of one input', async () => {
    // soraParams alone is uncertain, lognormal with Q(0.05) = 10e9 and Q(0.95) = 30e9; every other
    // input is fixed, so trainH100s and costPerVideoMinuteUsd are increasing functions of it. Its
    // bottom decile is u < 0.1, whose median is u = 0.05: the output's conditional median is f(Q(0.05)).
    // Sampling error: the median of the m ≈ n/10 uniforms of a decile has sd ≈ 0.1 · 0.5 / √m
    // = 3.5e-4 at n = 200,000 (m ≈ 20,000); through Q (σ = ln 3 / 3.29 = 0.334, φ(z₀.₀₅) = 0.103)
    // that is a relative sd of 0.334 × 3.5e-4 / 0.103 = 1.15e-3 in f. The bin adds at most 2^−7 ≈ 7.8e-3.
    // Tolerance 1.4e-2 = 5 sd + 7.8e-3: a correct engine fails with probability ~1e-6 (two sides, two
    // outputs). The one-at-a-time tornado's f(Q(0.1)) is 13% off f(Q(0.05)): far outside it.
    const file = scratch.write('one-input.yaml', 'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n');
    const result = await simulate(loadScenario(file), { samples: 200_000, workers: 2 });
    const low = modelAt(result, { soraParams: 10e9 });
    const high = modelAt(result, { soraParams: 30e9 });
    for (const output of ['trainH100s', 'costPerVideoMinuteUsd'] as const) {
      const moved = bar(result, 'soraParams').outputs[output]!;
      expect(Math.abs(moved.atLow / low[output] - 1)).toBeLessThan(1.4e-2);
      expect(Math.abs(moved.atHigh / high[output] - 1)).toBeLessThan(1.4e-2);
      expect(high[output]).toBeGreaterThan(low[output] * 1.5); // the check has teeth: the two ends are far apart
    }
    // The crossover does not depend on model size (it cancels): a constant output is left out.
    expect(bar(result, 'soraParams').outputs.crossoverMinutes).toBeUndefined();
    expect(result.sensitivity.tornado.map((b) => b.input)).toEqual(['soraParams']);
  });

  it('reads the deciles of all 8 replicates of a sobol run (the same closed form)', async () => {
    // As above; scrambled Sobol points only make the decile medians less noisy than MC's, so the
    // same tolerance (5 MC standard errors + one bin) holds with at least the same margin.
    const file = scratch.write('one-input-sobol.yaml', 'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n');
    const result = await simulate(loadScenario(file), { samples: 8 * 32_768, method: 'sobol', workers: 2 });
    const moved = bar(result, 'soraParams').outputs.trainH100s!;
    expect(Math.abs(moved.atLow / modelAt(result, { soraParams: 10e9 }).trainH100s - 1)).toBeLessThan(1.4e-2);
    expect(Math.abs(moved.atHigh / modelAt(result, { soraParams: 30e9 }).trainH100s - 1)).toBeLessThan(1.4e-2);
  });

  it('leaves out an input that does not enter an output, and keeps it where it does', async () => {
    // gpuHourPrice enters the cost per video minute, not the training fleet. Mood's median test
    // calls an unrelated input an effect with probability ~1.3e-4 (EFFECT_Z = 4, two sides).
    const file = scratch.write(
      'two-inputs.yaml',
      'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n  gpuHourPrice: { dist: lognormal, p5: 1.5, p95: 4 }\n',
    );
    const result = await simulate(loadScenario(file), { samples: 100_000, workers: 2 });
    const price = bar(result, 'gpuHourPrice');
    expect(price.outputs.trainH100s).toBeUndefined();
    expect(price.outputs.costPerVideoMinuteUsd!.atHigh).toBeGreaterThan(price.outputs.costPerVideoMinuteUsd!.atLow);
    expect(barsFor(result.sensitivity, 'trainH100s').map((b) => b.input)).toEqual(['soraParams']);
    expect(barsFor(result.sensitivity, 'costPerVideoMinuteUsd').map((b) => b.input).sort()).toEqual(['gpuHourPrice', 'soraParams']);
  });

  it('handles a discrete input: its deciles hold the values beyond its P10 and P90, ties split by the uniform', async () => {
    // datasetMultiplier is 4 with probability 0.7 and 10 with 0.3: its bottom decile is all 4s, its
    // top decile all 10s, so the conditional medians are f(4) (the P50 itself) and f(10), known to
    // within their bin (2^−7 ≈ 7.8e-3).
    const file = scratch.write('discrete.yaml', 'inputs:\n  datasetMultiplier: { dist: discrete, values: [4, 10], weights: [7, 3] }\n');
    const result = await simulate(loadScenario(file), { samples: 50_000, workers: 2 });
    const moved = bar(result, 'datasetMultiplier').outputs.trainH100s!;
    expect(Math.abs(moved.atLow / modelAt(result, { datasetMultiplier: 4 }).trainH100s - 1)).toBeLessThan(7.8e-3);
    expect(Math.abs(moved.atHigh / modelAt(result, { datasetMultiplier: 10 }).trainH100s - 1)).toBeLessThan(7.8e-3);
    expect(moved.atLow).toBe(percentile(result.outputs.trainH100s, 0.5).value);

    // Weights 0.05 and 0.95: the bottom decile (u < 0.1) is half 4s, half 10s, so its median sits at
    // one of the two (whichever its rank (m − 1)/2 lands in): never below f(4), never above f(10); the
    // top decile is all 10s, the P50's bin.
    const skew = scratch.write('skewed.yaml', 'inputs:\n  datasetMultiplier: { dist: discrete, values: [4, 10], weights: [1, 19] }\n');
    const skewed = await simulate(loadScenario(skew), { samples: 50_000, workers: 2 });
    const ten = modelAt(skewed, { datasetMultiplier: 10 }).trainH100s;
    const top = bar(skewed, 'datasetMultiplier').outputs.trainH100s;
    // Half the bottom decile below the median (at f(4)) gives it a mid-share (below + half at) of 0.75 against 0.525 overall: an effect at ~45 standard errors.
    expect(top).toBeDefined();
    expect(top!.atHigh).toBe(percentile(skewed.outputs.trainH100s, 0.5).value);
    expect(Math.abs(top!.atHigh / ten - 1)).toBeLessThan(7.8e-3);
  });

  it('follows a correlation: an input that does not enter an output moves it through a correlated one', async () => {
    // gpuHourPrice does not enter the training fleet, but with rank correlation 0.8 to soraParams its
    // top decile comes with large models: the fleet's median given that decile is above the one given
    // its bottom decile. (A difference of ~2× here; the test's noise is ~1%.)
    const file = scratch.write(
      'correlated-two.yaml',
      'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n  gpuHourPrice: { dist: lognormal, p5: 1.5, p95: 4 }\ncorrelations:\n  - { between: [soraParams, gpuHourPrice], rank: 0.8 }\n',
    );
    const result = await simulate(loadScenario(file), { samples: 100_000, workers: 2 });
    const fleet = bar(result, 'gpuHourPrice').outputs.trainH100s!;
    expect(fleet.atHigh / fleet.atLow).toBeGreaterThan(1.5);
  });

  it('is identical for 1, 2 and 8 workers, with a correlation and a discrete input', async () => {
    const file = scratch.write(
      'mixed.yaml',
      'extends: mission\ncorrelations:\n  - { between: [soraParams, datasetMultiplier], rank: 0.7 }\n',
    );
    const scenario = loadScenario(file);
    const runs = [];
    for (const workers of [1, 2, 8]) runs.push(JSON.stringify((await simulate(scenario, { samples: scaled(4, 20) * 8192 + 77, workers })).sensitivity));
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    expect(JSON.parse(runs[0]!).tornado.length).toBeGreaterThan(3);
  });
});
