/**
 * Scrambled Sobol points (`--method sobol`): the uniform stage of randomised quasi-Monte Carlo.
 *
 * Points. Dimension j of the Sobol sequence uses Joe & Kuo's direction numbers (joe-kuo.ts), 32 bits
 * each (Bratley & Fox 1988, Algorithm 659; Joe & Kuo 2008): v_k = m_k · 2^(32−k) for k ≤ s, then
 * v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ ⊕_{i<s} a_i · v_{k−i}. Point i is the XOR of the v_k whose bit is
 * set in the Gray code i ⊕ (i >> 1) (Antonov & Saleev 1979), so any point is addressed directly;
 * from there each next point is one XOR (the Gray code of i + 1 differs in the bit of i's lowest 0).
 * Chunk k of an input is points [k · CHUNK_SIZE, (k + 1) · CHUNK_SIZE): a pure function of
 * (seed, replicate, input, k), so the engine's regenerated passes and any worker count agree.
 *
 * Dimension. An input's dimension is its index among the scenario's uncertain inputs, in catalogue
 * order (INPUT_KEYS): the first uncertain input gets dimension 1 (van der Corput), the next Joe–Kuo's
 * line d = 2, and so on. Fixed inputs take no dimension, so the best-distributed low dimensions go to
 * the inputs that vary.
 *
 * Scrambling. Owen's nested uniform scramble, by hashing: Burley, "Practical Hash-based Owen
 * Scrambling", JCGT 9(4) 2020, after Laine & Karras 2011 — reverse the 32 bits, apply the
 * Laine–Karras permutation (x += seed; x ^= x · c for four constants, each output bit depending only
 * on the bits below it), reverse back. Each digit is thus permuted by a function of the digits above
 * it only: an Owen-type scramble, which keeps the points a (t, m, s)-net (every 1-D projection of
 * 2^m aligned points stays stratified) and gives the RQMC variance of Owen scrambling for smooth
 * integrands. Chosen over Matoušek's linear matrix scramble + digital shift (scipy's) because it is
 * nested (not only linear), needs no stored matrices, and scrambles any point index on its own in a
 * few integer operations — what a chunk addressed by index needs. A nested scramble makes the digits
 * beyond the 32nd independent uniform bits: 21 more bits come from a hash of (point index, dimension
 * seed), so each uniform has 53 bits. Uniforms are clamped to [SMALLEST_U, LARGEST_U] as every method's are.
 *
 * Seeds. Dimension j of replicate r takes its two 32-bit seeds (scramble, low bits) from the alea
 * stream `sora-mc/<seed>/sobol/<r>/<j>`: replicates are independent scrambles of the same points.
 */
import { LARGEST_U, SMALLEST_U } from '../../distributions/index.js';
import { fillAleaUniforms } from './alea.js';
import { JOE_KUO_LINES } from './joe-kuo.js';
import { CHUNK_SIZE, type UniformSource } from './uniforms.js';

/** Bits of each direction number (and of each unscrambled point). */
export const SOBOL_BITS = 32;
/** The most dimensions the embedded table gives. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_LINES.length + 1;
/** Points per replicate are indexed by 32-bit integers. */
export const SOBOL_MAX_POINTS = 2 ** 32;

/** The 32 direction numbers v_1 … v_32 of dimension `dimension` (0-based: 0 is van der Corput). */
export function directionNumbers(dimension: number): Uint32Array {
  if (!Number.isInteger(dimension) || dimension < 0 || dimension >= SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`Sobol dimension ${dimension} is outside the embedded table (0 to ${SOBOL_MAX_DIMENSIONS - 1})`);
  }
  const v = new Uint32Array(SOBOL_BITS);
  if (dimension === 0) {
    for (let k = 1; k <= SOBOL_BITS; k++) v[k - 1] = 2 ** (SOBOL_BITS - k);
    return v;
  }
  const [, s, a, ...m] = JOE_KUO_LINES[dimension - 1]!.trim().split(/\s+/).map(Number) as [number, number, number, ...number[]];
  for (let k = 1; k <= s; k++) v[k - 1] = m[k - 1]! * 2 ** (SOBOL_BITS - k);
  for (let k = s + 1; k <= SOBOL_BITS; k++) {
    let x = v[k - s - 1]! ^ (v[k - s - 1]! >>> s);
    for (let i = 1; i <= s - 1; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i - 1]!;
    v[k - 1] = x >>> 0;
  }
  return v;
}

/** The unscrambled 32-bit point i of the dimension whose direction numbers are `v` (Gray-code order). */
export function sobolPointAt(v: Uint32Array, index: number): number {
  let gray = (index ^ (index >>> 1)) >>> 0; // index < 2^32
  let x = 0;
  for (let k = 0; gray !== 0; k++, gray >>>= 1) if (gray & 1) x ^= v[k]!;
  return x >>> 0;
}

/** Writes the unscrambled 32-bit points [start, start + target.length) into `target`. */
export function fillSobolPoints(target: Uint32Array, v: Uint32Array, start: number): void {
  let x = sobolPointAt(v, start);
  for (let s = 0, i = start; s < target.length; s++, i++) {
    target[s] = x;
    // From point i to i + 1: flip direction number c, the position of the lowest 0 bit of i (ctz(i + 1)).
    const next = (i + 1) >>> 0;
    x = (x ^ v[31 - Math.clz32(next & -next)]!) >>> 0;
  }
}

function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/** Burley (2020), listing 2: the Laine–Karras-style permutation with his improved constants. */
function laineKarras(x: number, seed: number): number {
  x = (x + seed) | 0;
  x ^= Math.imul(x, 0x6c50b47c);
  x ^= Math.imul(x, 0xb82f1e52);
  x ^= Math.imul(x, 0xc7afe638);
  x ^= Math.imul(x, 0x8d22f6e6);
  return x >>> 0;
}

/** Owen's nested uniform scramble of a 32-bit point (Burley 2020, listing 3). */
export function nestedUniformScramble(x: number, seed: number): number {
  return reverseBits(laineKarras(reverseBits(x), seed));
}

/** A 32-bit integer hash (Wellons' lowbias32): fills the digits below the 32nd. */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export function sobolStreamName(seed: string, replicate: number, dimension: number): string {
  return `sora-mc/${seed}/sobol/${replicate}/${dimension}`;
}

/** The two 32-bit seeds (scramble, low bits) of one dimension of one replicate. */
export function dimensionSeeds(seed: string, replicate: number, dimension: number): [number, number] {
  const u = new Float64Array(2);
  fillAleaUniforms(u, sobolStreamName(seed, replicate, dimension));
  return [Math.floor(u[0]! * 2 ** 32) >>> 0, Math.floor(u[1]! * 2 ** 32) >>> 0];
}

const TWO_POW_21 = 2 ** 21;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * Scrambled Sobol uniforms of replicate `replicate`: input `dimensions[j]` is dimension j. Chunk k
 * holds points [k · CHUNK_SIZE, …) of this replicate's scramble.
 */
export function sobolUniforms(seed: string, replicate: number, dimensions: readonly string[]): UniformSource {
  if (dimensions.length > SOBOL_MAX_DIMENSIONS) throw new RangeError(`${dimensions.length} Sobol dimensions asked for; the table has ${SOBOL_MAX_DIMENSIONS}`);
  const index = new Map(dimensions.map((key, j) => [key, j]));
  const directions = new Map<number, Uint32Array>();
  const seeds = new Map<number, [number, number]>();
  const points = new Uint32Array(CHUNK_SIZE);
  return {
    fill(target, input, chunk) {
      const j = index.get(input);
      if (j === undefined) throw new RangeError(`input ${input} has no Sobol dimension (it is not among the scenario's uncertain inputs)`);
      if (!directions.has(j)) {
        directions.set(j, directionNumbers(j));
        seeds.set(j, dimensionSeeds(seed, replicate, j));
      }
      const [scramble, low] = seeds.get(j)!;
      const start = chunk * CHUNK_SIZE;
      const length = target.length;
      if (start + length > SOBOL_MAX_POINTS) throw new RangeError(`Sobol point ${start + length} is beyond 2^32 points per replicate`);
      fillSobolPoints(points.subarray(0, length), directions.get(j)!, start);
      for (let s = 0; s < length; s++) {
        const high = nestedUniformScramble(points[s]!, scramble);
        const bits = hash32(((start + s) ^ low) >>> 0) >>> 11; // 21 bits
        const u = (high * TWO_POW_21 + bits) * TWO_POW_MINUS_53;
        target[s] = u < SMALLEST_U ? SMALLEST_U : u > LARGEST_U ? LARGEST_U : u;
      }
    },
  };
}
