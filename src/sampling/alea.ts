/**
 * Johannes Baagøe's Alea generator, exactly as seedrandom 3.0.5 implements it (lib/alea.js: the
 * Mash string hash for seeding, `next()` and `double()`), written as one fill loop over a column
 * with the state in local variables. seedrandom's closure-based `double()` costs ~15 ns a draw here;
 * this loop draws the very same numbers (a test compares them bit for bit) several times faster.
 */

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** seedrandom's Mash: a string hash whose successive calls continue from the previous state. */
function mash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * TWO_POW_MINUS_32;
  };
}

/** Alea's state after seeding with `seed` (seedrandom.alea(seed)). */
export function aleaState(seed: string): { s0: number; s1: number; s2: number; c: number } {
  const m = mash();
  let s0 = m(' ');
  let s1 = m(' ');
  let s2 = m(' ');
  s0 -= m(seed);
  if (s0 < 0) s0 += 1;
  s1 -= m(seed);
  if (s1 < 0) s1 += 1;
  s2 -= m(seed);
  if (s2 < 0) s2 += 1;
  return { s0, s1, s2, c: 1 };
}

/**
 * Fills target[0, length) with successive `seedrandom.alea(seed).double()` values (53-bit
 * uniforms in [0, 1)), skipping exact zeros, so every value lies in [2⁻⁵³, 1 − 2⁻⁵³].
 */
export function fillAleaUniforms(target: Float64Array, seed: string, length = target.length): void {
  let { s0, s1, s2, c } = aleaState(seed);
  for (let i = 0; i < length; i++) {
    let u = 0;
    while (u === 0) {
      // double() = next() + (next() · 2²¹ | 0) · 2⁻⁵³, with next(): t = 2091639·s0 + c·2⁻³², c = t | 0, s2 = t − c.
      let t = 2091639 * s0 + c * TWO_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const high = s2;
      t = 2091639 * s0 + c * TWO_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      u = high + ((s2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    target[i] = u;
  }
}
