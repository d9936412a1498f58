/**
 * The Gaussian copula on the uniform stage: rank correlations between inputs without changing any
 * input's distribution. For each chunk, the correlated inputs' own independent uniforms u (their
 * usual per-(seed, input, chunk) streams) become normal scores z = Φ⁻¹(u), are mixed by the Cholesky
 * factor L of the normal-score correlation matrix (y = L z, so y has that correlation and unit
 * variances), and go back to uniforms Φ(y). Each Φ(y) is still uniform on (0, 1), so every input
 * keeps its marginal exactly; the quantile stage is untouched. Chunk k of a correlated input is a
 * pure function of (seed, the correlated inputs, k), so the engine's regenerated second pass and
 * any worker count give the same numbers. Inputs outside the matrix pass straight through.
 */
import erfc from '@stdlib/math-base-special-erfc';
import { LARGEST_U, SMALLEST_U } from '../../distributions/index.js';
import { standardNormalQuantile } from '../../distributions/normal-quantile.js';
import { INPUT_KEYS } from '../model/inputs.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { latinHypercubeUniforms } from './latin-hypercube.js';
import type { SamplingMethod } from './methods.js';
import { sobolUniforms } from './sobol-points.js';
import { CHUNK_SIZE, monteCarloUniforms, type UniformSource } from './uniforms.js';

/** Φ, the standard normal CDF, from the upper tail on each side (no cancellation near 0 or 1). */
export function standardNormalCdf(y: number): number {
  return y < 0 ? 0.5 * erfc(-y / Math.SQRT2) : 1 - 0.5 * erfc(y / Math.SQRT2);
}

/**
 * Correlates `inputs` on top of `base` through `factor`, a lower-triangular L with L Lᵀ the
 * normal-score matrix (choleskyFactor in src/scenario/correlations.ts: the caller factors it once,
 * so a sampling worker does not load the matrix library).
 */
export function copulaUniforms(base: UniformSource, inputs: readonly string[], factor: number[][]): UniformSource {
  const l = factor;
  const index = new Map(inputs.map((key, i) => [key, i]));
  const scores = inputs.map(() => new Float64Array(CHUNK_SIZE));
  const mixed = inputs.map(() => new Float64Array(CHUNK_SIZE));
  let cached = { chunk: -1, length: -1 };
  const mix = (chunk: number, length: number): void => {
    inputs.forEach((key, j) => {
      const z = scores[j]!.subarray(0, length);
      base.fill(z, key, chunk);
      for (let s = 0; s < length; s++) z[s] = standardNormalQuantile(z[s]!);
    });
    for (let r = 0; r < inputs.length; r++) {
      const row = l[r]!;
      const out = mixed[r]!;
      out.fill(0, 0, length);
      for (let c = 0; c <= r; c++) {
        const weight = row[c]!;
        if (weight === 0) continue;
        const z = scores[c]!;
        for (let s = 0; s < length; s++) out[s] = out[s]! + weight * z[s]!;
      }
      // Back to (0, 1), kept within the sampler's most extreme uniforms (the domain check's).
      for (let s = 0; s < length; s++) out[s] = Math.min(LARGEST_U, Math.max(SMALLEST_U, standardNormalCdf(out[s]!)));
    }
    cached = { chunk, length };
  };
  return {
    fill(target, input, chunk) {
      const j = index.get(input);
      if (j === undefined) return base.fill(target, input, chunk);
      if (cached.chunk !== chunk || cached.length !== target.length) mix(chunk, target.length);
      target.set(mixed[j]!.subarray(0, target.length));
    },
  };
}

/**
 * The uniform stage of a run (`factor`: the Cholesky factor of the scenario's normal-score matrix, when it has correlations): Monte Carlo, Latin hypercube or replicate `replicate` of scrambled
 * Sobol points (dimension j: the j-th uncertain input in catalogue order), through the copula when
 * the scenario correlates inputs (the copula mixes the stratified uniforms, so correlated inputs keep
 * their marginals but lose the exact stratification; uncorrelated ones keep it).
 */
export function scenarioUniforms(seed: string, scenario: Pick<ResolvedScenario, 'correlations' | 'inputs'>, factor: number[][] | undefined, method: SamplingMethod = 'mc', replicate = 0): UniformSource {
  const base =
    method === 'lhs' ? latinHypercubeUniforms(seed)
    : method === 'sobol' ? sobolUniforms(seed, replicate, INPUT_KEYS.filter((key) => scenario.inputs[key].spec.dist !== 'fixed'))
    : monteCarloUniforms(seed);
  const correlations = scenario.correlations;
  if (correlations && !factor) throw new Error('a scenario with correlations needs the Cholesky factor of its normal-score matrix');
  return correlations ? copulaUniforms(base, correlations.inputs, factor!) : base;
}
