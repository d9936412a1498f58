import { describe, expect, it } from 'vitest';
import { scaled } from '../helpers/suite.js';
import { sensitivityAnalysis } from '../../src/sensitivity/saltelli.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('with every input lognormal, each index of log(trainH100s) is that input\'s share of log-variance', () => {
    // ln(trainH100s) = const + ln soraParams + ln datasetMultiplier − ln trainDays − ln gpuPeakFlops
    // (docs/model.md; the other inputs fixed), a sum of independent normals: first-order and total index of
    // each input both equal σ_i² / Σσ², with σ = (ln P95 − ln P5) / (2 × 1.6449) from the ranges below.
    // 8 intervals (4 inputs × first, total) at 95%: were they independent, P(≥ 3 miss) ≈ 0.6%; the
    // seed is fixed, so the outcome is deterministic. A gross error (> 0.05 off) fails at once. The
    // fast suite draws 200 bootstrap resamples, the full suite 400 (interval ends to ±~5% of their width).
    const ranges = { soraParams: [10e9, 30e9], datasetMultiplier: [4, 10], trainDays: [20, 60], gpuPeakFlops: [0.8e15, 1.2e15] } as const;
    const yaml = Object.entries(ranges).map(([key, [p5, p95]]) => `  ${key}: { dist: lognormal, p5: ${p5}, p95: ${p95} }`);
    const scenario = loadScenario(scratch.write('lognormal.yaml', `inputs:\n${yaml.join('\n')}\n`));
    const variances = Object.values(ranges).map(([a, b]) => ((Math.log(b) - Math.log(a)) / (2 * 1.6448536269514722)) ** 2);
    const total = variances.reduce((s, v) => s + v, 0);
    const analysis = sensitivityAnalysis(scenario.resolved, { seed: 'sobol-test', baseSamples: 1 << 14, resamples: scaled(200, 400) });
    expect(analysis.inputs).toEqual(['soraParams', 'datasetMultiplier', 'trainDays', 'gpuPeakFlops']);
    const h100s = analysis.outputs.find((o) => o.output === 'trainH100s')!;
    expect(h100s.scale).toBe('log');
    let misses = 0;
    analysis.inputs.forEach((key, i) => {
      const share = variances[Object.keys(ranges).indexOf(key)]! / total;
      for (const index of [h100s.first![i]!, h100s.total![i]!]) {
        expect(Math.abs(index.estimate - share), `${key}: ${index.estimate} vs ${share}`).toBeLessThan(0.05);
        if (!(index.lower <= share && share <= index.upper)) misses++;
      }
    });
    expect(misses).toBeLessThan(3);
  });

  it('gives an input that an output does not read a total index of exactly 0', () => {
    const scenario = loadScenario('mission');
    const analysis = sensitivityAnalysis(scenario.resolved, { seed: '1', baseSamples: 4096, resamples: 100 });
    // The inference throughput (video minutes per GPU-hour) does not read training MFU or the dataset multiplier.
    const throughput = analysis.outputs.find((o) => o.output === 'videoMinutesPerGpuHour')!;
    for (const key of ['trainMfu', 'datasetMultiplier'] as const) {
      const i = analysis.inputs.indexOf(key);
      // f(A_B^i) = f(A) row by row, so Jansen's total index is 0 exactly.
      expect(throughput.total![i]!.estimate).toBe(0);
      // The first-order estimate (V − ½ mean (f_B − f_A)²) / V is 0 only in expectation: its sd is
      // about √(2/N) = 0.022 at N = 4096, so ±0.1 is 4.5 sd (false-fail probability ~1e-5).
      expect(Math.abs(throughput.first![i]!.estimate)).toBeLessThan(0.1);
    }
    expect(analysis.correlationsIgnored).toEqual([]);
    expect(analysis.evaluations).toBe(4096 * (analysis.inputs.length + 2));
  });

  it('says which correlated inputs it treated as independent', () => {
    const file = scratch.write('c.yaml', 'extends: mission\ncorrelations:\n  - { between: [soraParams, datasetMultiplier], rank: 0.7 }\n');
    const analysis = sensitivityAnalysis(loadScenario(file).resolved, { seed: '1', baseSamples: 256, resamples: 10 });
    expect(analysis.correlationsIgnored).toEqual(['soraParams', 'datasetMultiplier']);
  });
});
