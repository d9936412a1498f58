import { describe, expect, it } from 'vitest';
import { OUTPUT_KEYS, type OutputKey } from '../../src/model/outputs.js';
import { compileInputs } from '../../src/scenario/compile.js';
import { independentOutputs, outputRelations } from '../../src/scenario/output-relations.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { BOUND_FRACTION } from '../../src/stats/binned-percentiles.js';
import { CONFIDENCE } from '../../src/stats/percentiles.js';
import { scaled } from '../helpers/suite.js';

const relationsOf = (name: string) => {
  const scenario = loadScenario(name).resolved;
  return outputRelations(compileInputs(scenario), scenario.stepCost);
};

describe('outputs counted once', () => {
  it("finds mission's 8 distinct shapes and 3 constants from the model: the rest are multiples or reciprocals of them", () => {
    const relations = relationsOf('mission');
    const shape = (key: OutputKey) => {
      const r = relations[OUTPUT_KEYS.indexOf(key)]!;
      return `${r.power === -1 ? '1/' : ''}${OUTPUT_KEYS[r.of]}`;
    };
    expect(relations.filter((r, j) => r.of === j)).toHaveLength(11);
    expect(shape('trainCostUsd')).toBe('trainGpuHours'); // × the fixed price
    expect(shape('trainH100s')).toBe('trainGpuHours'); // ÷ the fixed run length
    expect(shape('costPerVideoMinuteUsd')).toBe('1/videoMinutesPerGpuHour'); // price / throughput
    expect(shape('inferenceH100sPeak')).toBe('1/videoMinutesPerGpuHour');
    expect(shape('crossoverDays')).toBe('crossoverMinutes');
    // trainMfu alone moves this one: not a multiple of anything else.
    expect(shape('ditTrainDaysOneH100')).toBe('ditTrainDaysOneH100');
    // With the price uncertain, the cost is a shape of its own.
    const scenario = loadScenario('mission').resolved;
    const uncertainPrice = { ...scenario, inputs: { ...scenario.inputs, gpuHourPrice: { ...scenario.inputs.gpuHourPrice, spec: { dist: 'uniform', min: 1.5, max: 3 } } } };
    const withPrice = outputRelations(compileInputs(uncertainPrice as typeof scenario), scenario.stepCost);
    expect(withPrice[OUTPUT_KEYS.indexOf('trainCostUsd')]!.of).toBe(OUTPUT_KEYS.indexOf('trainCostUsd'));
    expect(withPrice[OUTPUT_KEYS.indexOf('costPerVideoMinuteUsd')]!.of).toBe(OUTPUT_KEYS.indexOf('costPerVideoMinuteUsd'));
  });

  it('gives every derived output the statistics a directly counted run gives it', async () => {
    for (const name of ['mission', 'evidence-2025']) {
      const scenario = loadScenario(name).resolved;
      const relations = relationsOf(name);
      const pool = SamplerPool.start(2);
      try {
        const request = { scenario, seed: '7', samples: scaled(40_000, 200_000), confidence: CONFIDENCE };
        const derived = await pool.run({ ...request, relations });
        const direct = await pool.run({ ...request, relations: independentOutputs() });
        const derivedKeys = OUTPUT_KEYS.filter((_, j) => relations[j]!.of !== j);
        expect(derivedKeys.length).toBeGreaterThan(4);
        for (const key of derivedKeys) {
          const a = derived[key];
          const b = direct[key];
          // Moments are every output's own: the same numbers.
          expect([a.n, a.mean, a.sd, a.min, a.max]).toEqual([b.n, b.mean, b.sd, b.min, b.max]);
          // Percentiles: each within the stated bound of the exact one, so within twice it of each other.
          a.percentiles.forEach((q, i) => {
            const r = b.percentiles[i]!;
            const halfWidth = Math.max(q.upper - q.lower, r.upper - r.lower) / 2;
            expect(Math.abs(q.value - r.value)).toBeLessThanOrEqual(2 * BOUND_FRACTION * halfWidth);
          });
          expect(a.histogram.bins.reduce((s, bin) => s + bin.count, 0)).toBe(a.n);
        }
      } finally {
        await pool.close();
      }
    }
  });
});
