/**
 * Latin hypercube sampling, per chunk: chunk k of input j (L values) puts exactly one value in each
 * of the L strata [s/L, (s+1)/L), in an order shuffled independently for each (input, chunk), with a
 * uniform jitter inside each stratum (McKay, Beckman & Conover 1979). Permutation and jitter come
 * from the alea stream `sora-mc/<seed>/lhs/<input>/<k>`, so chunk k stays a pure function of
 * (seed, input, k): the engine's regenerated passes and every worker count give the same numbers.
 * Stratified per chunk of 8,192 (the last chunk over its own length), not over the whole run: each
 * input's marginal is exactly stratified within every chunk, and chunks are independent of each other.
 */
import { LARGEST_U, SMALLEST_U } from '../../distributions/index.js';
import { fillAleaUniforms } from './alea.js';
import { CHUNK_SIZE, type UniformSource } from './uniforms.js';

export function latinHypercubeStreamName(seed: string, input: string, chunk: number): string {
  return `sora-mc/${seed}/lhs/${input}/${chunk}`;
}

export function latinHypercubeUniforms(seed: string): UniformSource {
  const draws = new Float64Array(2 * CHUNK_SIZE);
  const order = new Int32Array(CHUNK_SIZE);
  return {
    fill(target, input, chunk) {
      const length = target.length;
      fillAleaUniforms(draws, latinHypercubeStreamName(seed, input, chunk), 2 * length);
      // Fisher–Yates with the first L draws, then one jitter per stratum from the next L.
      for (let s = 0; s < length; s++) order[s] = s;
      for (let s = length - 1; s > 0; s--) {
        const r = Math.min(s, Math.floor(draws[s]! * (s + 1)));
        const t = order[s]!;
        order[s] = order[r]!;
        order[r] = t;
      }
      for (let s = 0; s < length; s++) {
        const u = (order[s]! + draws[length + s]!) / length;
        target[s] = Math.min(LARGEST_U, Math.max(SMALLEST_U, u));
      }
    },
  };
}
