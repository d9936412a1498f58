import { describe, expect, it, onTestFinished } from 'vitest';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { OUTPUT_KEYS } from '../../src/model/outputs.js';
import { CHUNK_SIZE, monteCarloUniforms } from '../../src/sampling/uniforms.js';
import { summarizeColumn } from '../../src/stats/summarize.js';
import { scratchDir } from '../helpers/scratch.js';
import { wholeSampleStats } from '../helpers/whole-sample.js';
import { expectWithinBound } from '../helpers/stats.js';
import { scaled } from '../helpers/suite.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir();

describe('simulate', () => {
  it('gives byte-identical statistics for 1, 2 and 8 workers', async () => {
    const scenario = loadScenario('mission');
    // 61 chunks (7 in the fast suite), the last one partial: workers take them in a different
    // interleaving every run, and the statistics (bin counts, per-block sums, gathered values) must not notice.
    const samples = scaled(6, 60) * CHUNK_SIZE + 1234;
    const runs = [];
    for (const workers of [1, 2, 8]) runs.push(await simulate(scenario, { samples, workers }));
    const [one, ...others] = runs.map((r) => JSON.stringify({ outputs: r.outputs, sensitivity: r.sensitivity }));
    for (const other of others) expect(other).toBe(one);
    expect(runs[2]!.run.workers).toBe(8);
  });

  it('changes with the seed and records it', async () => {
    const scenario = loadScenario('mission');
    const [a, b] = await Promise.all(['a', 'b'].map((seed) => simulate(scenario, { samples: 5000, seed, workers: 1 })));
    expect(a!.run.seed).toBe('a');
    expect(a!.outputs.trainH100s.percentiles[4]!.value).not.toBe(b!.outputs.trainH100s.percentiles[4]!.value);
  });

  it('reproduces the article: P10 and P90 of its two cases are 4,211 and 10,528 H100s', async () => {
    const result = await simulate(loadScenario('article'), { samples: 20_000, workers: 2 });
    const h100s = result.outputs.trainH100s;
    expect(Math.round(h100s.percentiles.find((q) => q.p === 0.1)!.value)).toBe(4211);
    expect(Math.round(h100s.percentiles.find((q) => q.p === 0.9)!.value)).toBe(10528);
    expect(result.run.generator.name).toBe('seedrandom.alea');
    expect(result.scenario.name).toBe('article');
  });

  it('finds the analytic quantiles of a lognormal output inside its 95% intervals', async () => {
    // ln(trainH100s) = const + ln(soraParams) + ln(datasetMultiplier) − ln(trainDays) − ln(gpuPeakFlops):
    // with those four lognormal, trainH100s is lognormal with μ and σ² the sums below.
    // Each 95% interval misses its true quantile with probability ≤ 5%; over 20 seeds × 3 percentiles
    // the misses are ≤ Binomial(60, 0.05), and P(misses ≥ 10) < 1e-3: the test fails for a correct engine
    // with probability below 0.1% (and, the seeds being fixed, never flakes).
    const z = { 0.1: -1.2815515655446004, 0.5: 0, 0.9: 1.2815515655446004 } as const;
    const ranges = { soraParams: [10e9, 30e9], datasetMultiplier: [4, 10], trainDays: [20, 60], gpuPeakFlops: [0.8e15, 1.2e15] } as const;
    const yaml = Object.entries(ranges).map(([key, [p5, p95]]) => `  ${key}: { dist: lognormal, p5: ${p5}, p95: ${p95} }`);
    const file = scratch.write('lognormal.yaml', `inputs:\n${yaml.join('\n')}\n`);
    // A lognormal with P5 = a and P95 = b has μ = (ln a + ln b)/2 and σ = (ln b − ln a)/(2 × 1.6449).
    const mus = Object.values(ranges).map(([a, b]) => (Math.log(a) + Math.log(b)) / 2);
    const sigmas = Object.values(ranges).map(([a, b]) => (Math.log(b) - Math.log(a)) / (2 * 1.6448536269514722));
    const scenario = loadScenario(file);
    // Constant part: ditTrainFlops × flopsPerMac / ditParams × videoFactor / (mfu × 3600 × 24), article values.
    const constant = Math.log((1e21 * 1 * 90) / (675e6 * 1 * 3600 * 24));
    const mu = constant + mus[0]! + mus[1]! - mus[2]! - mus[3]!;
    const sigma = Math.hypot(...sigmas);
    let misses = 0;
    const pool = SamplerPool.start(1); // one worker serves every seed: results do not depend on the pool
    onTestFinished(() => pool.close());
    for (let seed = 0; seed < 20; seed++) {
      const result = await simulate(scenario, { samples: 20_000, seed, pool });
      for (const p of [0.1, 0.5, 0.9] as const) {
        const q = result.outputs.trainH100s.percentiles.find((x) => x.p === p)!;
        const truth = Math.exp(mu + sigma * z[p]);
        if (!(q.lower <= truth && truth <= q.upper)) misses++;
        expect(Math.abs(q.value / truth - 1)).toBeLessThan(0.05); // a gross error fails at once
      }
    }
    expect(misses).toBeLessThan(10);
  });

  it('finds, within the stated bound, the order statistics of sorting the whole sample', async () => {
    // The engine never holds a whole output column; here the sample is rebuilt in memory from the
    // same per-chunk streams and summarised by the in-memory code (summarizeColumn), for comparison.
    const scenario = loadScenario('mission');
    const samples = 5 * CHUNK_SIZE + 77;
    const result = await simulate(scenario, { samples, workers: 2 });
    const whole = wholeSampleStats(scenario, monteCarloUniforms(scenario.seed), samples);
    for (const key of OUTPUT_KEYS) {
      const expected = whole[key];
      expectWithinBound(result.outputs[key].percentiles, expected.percentiles, expect);
      expect(result.outputs[key].histogram.bins.reduce((sum, b) => sum + b.count, 0)).toBe(expected.n);
      expect(Math.abs(result.outputs[key].mean / expected.mean - 1)).toBeLessThan(1e-12);
      expect(Math.abs(result.outputs[key].sd - expected.sd)).toBeLessThanOrEqual(1e-9 * expected.sd);
    }
  });

  it('rejects a bad sample count, worker count or memory budget', async () => {
    const scenario = loadScenario('article');
    await expect(simulate(scenario, { samples: 0 })).rejects.toThrow(/positive whole number/);
    await expect(simulate(scenario, { samples: '1e6x' })).rejects.toThrow(/positive whole number/);
    await expect(simulate(scenario, { samples: 2 ** 53 + 2 })).rejects.toThrow(/too many samples/);
    await expect(simulate(scenario, { memory: '2MB' })).rejects.toThrow(/cannot hold the streaming summaries/);
    await expect(simulate(scenario, { workers: 0 })).rejects.toThrow(/worker count/);
  });
});
