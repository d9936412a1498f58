// The bridge from the article's figure to a scenario's simulated median (src/bridge/).
import { describe, expect, it } from 'vitest';
import { bridge, BRIDGED_OUTPUTS } from '../../src/bridge/bridge.js';
import { BRIDGE_GROUPS } from '../../src/bridge/groups.js';
import { SoraError } from '../../src/errors.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';
import { percentile } from '../../src/result/percentile.js';
import { simulated } from '../reports/fixtures.js';

const SCENARIOS = ['article', 'mission', 'evidence-2025', 'calibrated'];

describe('the bridge groups', () => {
  it('hold every input of the catalogue exactly once, so the last group leaves the point at the medians', () => {
    const listed = BRIDGE_GROUPS.flatMap((g) => g.inputs);
    expect([...listed].sort()).toEqual([...INPUT_KEYS].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('bridge()', () => {
  for (const name of SCENARIOS) {
    it(`${name}: the bars multiply from the article's figure to the simulated median (1e-9 relative)`, async () => {
      const result = await simulated(name);
      for (const key of BRIDGED_OUTPUTS) {
        const b = bridge(result, key);
        const median = percentile(result.outputs[key], 0.5).value;
        const product = b.steps.reduce((x, step) => x * step.factor, b.start);
        expect(Math.abs(product / median - 1), `${name} ${key}`).toBeLessThan(1e-9);
        // Log contributions add up to the whole move.
        const logs = b.steps.reduce((s, step) => s + Math.log(step.factor), 0);
        expect(Math.abs(logs - Math.log(median / b.start)), `${name} ${key}`).toBeLessThan(1e-9);
        expect(b.steps.at(-1)!.id).toBe('sampling');
        expect(b.steps).toHaveLength(BRIDGE_GROUPS.length + 1);
      }
    });
  }

  it("starts at the article's printed training fleet, 4,211 H100s (docs/model.md: 4,211.3 at 4× data)", async () => {
    const b = bridge(await simulated('mission'), 'trainH100s');
    expect(Math.round(b.start)).toBe(4211);
  });

  it('mission: each factor is what its input moves by, as the scenario file states the input', async () => {
    const b = bridge(await simulated('mission'), 'trainH100s');
    const factor = (id: string) => b.steps.find((s) => s.id === id)!.factor;
    // mission.yaml: soraParams lognormal with P5 10e9, P95 30e9 → median √(10e9 × 30e9); the article's 20.25e9.
    expect(factor('model-size')).toBeCloseTo(Math.sqrt(10e9 * 30e9) / 20.25e9, 12);
    // datasetMultiplier uniform 4–10 → median 7; the article's 4.
    expect(factor('data')).toBeCloseTo(7 / 4, 12);
    // Untouched by mission: the MACs convention, guidance, steps, price, run length.
    for (const id of ['macs-to-flops', 'guidance', 'steps', 'price', 'run-length', 'demand', 'dit-reference']) expect(factor(id), id).toBe(1);
    // trainMfu pert(0.3, 0.4, 0.55): training H100s ∝ 1 / MFU, the article's MFU is 1.
    const mfu = (await simulated('mission')).scenario.inputs.trainMfu.p50;
    expect(mfu).toBeGreaterThan(0.3);
    expect(mfu).toBeLessThan(0.55);
    expect(factor('utilisation')).toBeCloseTo(1 / mfu, 12);
  });

  it('cost per minute moves with the price and not with the run length', async () => {
    const result = await simulated('evidence-2025');
    const b = bridge(result, 'costPerVideoMinuteUsd');
    const factor = (id: string) => b.steps.find((s) => s.id === id)!.factor;
    expect(factor('price')).toBeCloseTo(result.scenario.inputs.gpuHourPrice.p50 / 2, 12);
    expect(factor('run-length')).toBe(1);
    expect(b.steps.find((s) => s.id === 'step-cost')!.switchesStepCost).toBe(result.scenario.stepCost === 'transformer');
  });

  it('refuses an output that reaches 0 (a ratio cannot be drawn) with a SoraError naming the output', async () => {
    const result = structuredClone(await simulated('mission'));
    result.scenario.inputs.gpuHourPrice.p50 = 0;
    expect(() => bridge(result, 'costPerVideoMinuteUsd')).toThrow(SoraError);
    expect(() => bridge(result, 'costPerVideoMinuteUsd')).toThrow(/Cost per video minute/);
  });
});
