import { describe, expect, it } from 'vitest';
import { OUTPUT_KEYS } from '../../src/model/outputs.js';
import { scenarioUniforms } from '../../src/sampling/copula.js';
import { choleskyFactor } from '../../src/scenario/correlations.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { scratchDir } from '../helpers/scratch.js';
import { wholeSampleStats } from '../helpers/whole-sample.js';
import { expectWithinBound } from '../helpers/stats.js';
import { scaled } from '../helpers/suite.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir();
const file = scratch.write(
  'correlated.yaml',
  `extends: mission
correlations:
  - { between: [soraParams, datasetMultiplier], rank: 0.7 }
  - { between: [trainMfu, inferMfu], rank: 0.5 }
  - { between: [soraParams, temporalCompression], rank: -0.3 }
`,
);

describe('simulate with correlated inputs', () => {
  it('gives byte-identical statistics for 1, 2 and 5 workers', async () => {
    const scenario = loadScenario(file);
    const samples = scaled(5, 30) * CHUNK_SIZE + 999; // 31 chunks (6 in the fast suite), the last partial
    const runs = [];
    for (const workers of [1, 2, 5]) runs.push(await simulate(scenario, { samples, workers }));
    const [one, ...others] = runs.map((r) => JSON.stringify({ outputs: r.outputs, sensitivity: r.sensitivity }));
    for (const other of others) expect(other).toBe(one);
    expect(runs[0]!.scenario.correlations!.inputs).toEqual(['soraParams', 'datasetMultiplier', 'temporalCompression', 'trainMfu', 'inferMfu']);
  });

  it('finds, within the stated bound, the order statistics of sorting the whole correlated sample, and differs from the independent run', async () => {
    const scenario = loadScenario(file);
    const samples = 4 * CHUNK_SIZE + 321;
    const result = await simulate(scenario, { samples, workers: 2 });
    const whole = wholeSampleStats(scenario, scenarioUniforms(scenario.seed, scenario.resolved, choleskyFactor(scenario.resolved.correlations!.normal)), samples);
    for (const key of OUTPUT_KEYS) {
      const expected = whole[key];
      expectWithinBound(result.outputs[key].percentiles, expected.percentiles, expect);
    }
    const independent = await simulate(loadScenario('mission'), { samples, workers: 2, seed: scenario.seed });
    // soraParams and datasetMultiplier both raise training compute: a positive rank correlation
    // widens its spread, so the P90/P10 ratio must grow (deterministic at these fixed seeds).
    const ratio = (r: typeof result) => r.outputs.trainH100s.percentiles.find((q) => q.p === 0.9)!.value / r.outputs.trainH100s.percentiles.find((q) => q.p === 0.1)!.value;
    expect(ratio(result)).toBeGreaterThan(ratio(independent));
  });
});
