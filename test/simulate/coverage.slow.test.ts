import { describe, expect, it } from 'vitest';
import { allocateOutputColumns } from '../../src/model/compute.js';
import { monteCarloUniforms, CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { compileInputs } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { allocateInputColumns, chunkCount, quantileLoops, sampleChunk } from '../../src/simulate/chunks.js';
import { simulate } from '../../src/simulate/simulate.js';
import { summarize } from '../helpers/stats.js';

/**
 * Interval coverage against an independent truth: the 95% intervals of one-pass runs (40 seeds of
 * 40,000 samples, above the exact base, so every percentile is read from bins) against the quantiles of
 * a whole sample of 2^21 drawn by the JavaScript sampler (chunks.ts: its own alea loop and quantile
 * functions, not the kernel) with another seed, sorted in memory. The truth's own error is 1/7 of a
 * run's interval half-width. Over 40 × 3 outputs × 3 percentiles = 360 intervals a correct engine covers
 * about 95% (an interval containing the exact order-statistic interval covers at least as often); the
 * test fails below 90%, which for independent intervals has probability ~5e-6 (the outputs share
 * soraParams, so somewhat more, still < 1e-3).
 */
describe('interval coverage', () => {
  it('covers the truth of a large independent sample in at least 90% of 360 intervals', async () => {
    const scenario = loadScenario('mission');
    const outputs = ['trainH100s', 'crossoverMinutes', 'videoMinutesPerGpuHour'] as const;
    const ps = [0.1, 0.5, 0.9];
    const samples = 1 << 21;
    const distributions = compileInputs(scenario.resolved);
    const ctx = { distributions, uniforms: monteCarloUniforms('truth'), stepCost: scenario.resolved.stepCost, samples, outputs: allocateOutputColumns(CHUNK_SIZE), scratch: allocateInputColumns(distributions), loops: quantileLoops(distributions) };
    const whole = outputs.map(() => new Float64Array(samples));
    for (let k = 0; k < chunkCount(samples); k++) {
      sampleChunk(k, ctx);
      outputs.forEach((key, j) => whole[j]!.set(ctx.outputs[key], k * CHUNK_SIZE));
    }
    const truth = whole.map((column) => summarize(column, ps).percentiles.map((q) => q.value));
    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const result = await simulate(scenario, { samples: 40_000, seed: `coverage-${seed}` });
      outputs.forEach((key, j) => {
        result.outputs[key].percentiles.filter((q) => ps.includes(q.p)).forEach((q, i) => {
          total++;
          if (q.lower <= truth[j]![i]! && truth[j]![i]! <= q.upper) covered++;
        });
      });
    }
    console.log(`interval coverage: ${covered} of ${total} (${((100 * covered) / total).toFixed(1)}%)`);
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
