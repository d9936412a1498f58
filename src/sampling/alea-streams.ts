/**
 * Several alea streams filled side by side: the same numbers fillAleaUniforms gives each stream on
 * its own (alea.ts; a test compares them bit for bit), drawn in one loop. One stream's draws are a
 * chain of dependent multiply–truncate–subtract steps, so a single stream leaves most of the core's
 * arithmetic units idle; a chunk's inputs have independent streams, and stepping two or three of
 * them in one loop lets the core overlap their chains (measured for mission's 5 inputs: ~58 → ~26 ns
 * a sample). The states stay in local variables, hence one function per group size.
 */
import { aleaState, fillAleaUniforms } from './alea.js';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Fills targets[j][0, length) from the alea stream seeded by seeds[j], for every j. */
export function fillAleaStreams(targets: readonly Float64Array[], seeds: readonly string[], length: number): void {
  let j = 0;
  while (j < targets.length) {
    const left = targets.length - j;
    if (left >= 3 && left !== 4) {
      fillThree(targets[j]!, seeds[j]!, targets[j + 1]!, seeds[j + 1]!, targets[j + 2]!, seeds[j + 2]!, length);
      j += 3;
    } else if (left >= 2) {
      fillTwo(targets[j]!, seeds[j]!, targets[j + 1]!, seeds[j + 1]!, length);
      j += 2;
    } else {
      fillAleaUniforms(targets[j]!, seeds[j]!, length);
      j += 1;
    }
  }
}

// Each draw is alea's double() (alea.ts): 53 bits from two 32-bit steps, redrawn while it is 0.

/** Two streams in one loop. */
function fillTwo(targetA: Float64Array, seedA: string, targetB: Float64Array, seedB: string, length: number): void {
  const a = aleaState(seedA);
  const b = aleaState(seedB);
  let a0 = a.s0;
  let a1 = a.s1;
  let a2 = a.s2;
  let ac = a.c;
  let b0 = b.s0;
  let b1 = b.s1;
  let b2 = b.s2;
  let bc = b.c;
  let t = 0;
  let high = 0;
  for (let i = 0; i < length; i++) {
    let ua = 0;
    t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    a2 = t - ac;
    high = a2;
    t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    a2 = t - ac;
    ua = high + ((a2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    let ub = 0;
    t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
    b0 = b1;
    b1 = b2;
    bc = t | 0;
    b2 = t - bc;
    high = b2;
    t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
    b0 = b1;
    b1 = b2;
    bc = t | 0;
    b2 = t - bc;
    ub = high + ((b2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    while (ua === 0) {
      t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
      a0 = a1;
      a1 = a2;
      ac = t | 0;
      a2 = t - ac;
      high = a2;
      t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
      a0 = a1;
      a1 = a2;
      ac = t | 0;
      a2 = t - ac;
      ua = high + ((a2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    while (ub === 0) {
      t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      high = b2;
      t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      ub = high + ((b2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    targetA[i] = ua;
    targetB[i] = ub;
  }
}

/** Three streams in one loop. */
function fillThree(targetA: Float64Array, seedA: string, targetB: Float64Array, seedB: string, targetC: Float64Array, seedC: string, length: number): void {
  const a = aleaState(seedA);
  const b = aleaState(seedB);
  const c = aleaState(seedC);
  let a0 = a.s0;
  let a1 = a.s1;
  let a2 = a.s2;
  let ac = a.c;
  let b0 = b.s0;
  let b1 = b.s1;
  let b2 = b.s2;
  let bc = b.c;
  let c0 = c.s0;
  let c1 = c.s1;
  let c2 = c.s2;
  let cc = c.c;
  let t = 0;
  let high = 0;
  for (let i = 0; i < length; i++) {
    let ua = 0;
    t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    a2 = t - ac;
    high = a2;
    t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    a2 = t - ac;
    ua = high + ((a2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    let ub = 0;
    t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
    b0 = b1;
    b1 = b2;
    bc = t | 0;
    b2 = t - bc;
    high = b2;
    t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
    b0 = b1;
    b1 = b2;
    bc = t | 0;
    b2 = t - bc;
    ub = high + ((b2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    let uc = 0;
    t = 2091639 * c0 + cc * TWO_POW_MINUS_32;
    c0 = c1;
    c1 = c2;
    cc = t | 0;
    c2 = t - cc;
    high = c2;
    t = 2091639 * c0 + cc * TWO_POW_MINUS_32;
    c0 = c1;
    c1 = c2;
    cc = t | 0;
    c2 = t - cc;
    uc = high + ((c2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    while (ua === 0) {
      t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
      a0 = a1;
      a1 = a2;
      ac = t | 0;
      a2 = t - ac;
      high = a2;
      t = 2091639 * a0 + ac * TWO_POW_MINUS_32;
      a0 = a1;
      a1 = a2;
      ac = t | 0;
      a2 = t - ac;
      ua = high + ((a2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    while (ub === 0) {
      t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      high = b2;
      t = 2091639 * b0 + bc * TWO_POW_MINUS_32;
      b0 = b1;
      b1 = b2;
      bc = t | 0;
      b2 = t - bc;
      ub = high + ((b2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    while (uc === 0) {
      t = 2091639 * c0 + cc * TWO_POW_MINUS_32;
      c0 = c1;
      c1 = c2;
      cc = t | 0;
      c2 = t - cc;
      high = c2;
      t = 2091639 * c0 + cc * TWO_POW_MINUS_32;
      c0 = c1;
      c1 = c2;
      cc = t | 0;
      c2 = t - cc;
      uc = high + ((c2 * 0x200000) | 0) * TWO_POW_MINUS_53;
    }
    targetA[i] = ua;
    targetB[i] = ub;
    targetC[i] = uc;
  }
}
