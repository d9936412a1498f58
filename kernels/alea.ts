// Alea uniforms (seedrandom's generator) in WebAssembly: the same doubles as seedrandom draws,
// one stream or two at a time.

const TWO_POW_32: f64 = 4294967296.0;
const TWO_POW_MINUS_32: f64 = 2.3283064365386963e-10;
const TWO_POW_MINUS_53: f64 = 1.1102230246251565e-16;
const ALEA_MULTIPLIER: u64 = 2091639;

// seedrandom's alea steps t = 2091639 · s0 + c · 2⁻³², c = trunc(t), s2 = t − c on doubles. Every s is
// a multiple of 2⁻³² in [0, 1) and c an integer below 2²¹, so every step is exact in binary64: the
// same recurrence on integers S = s · 2³² is T = 2091639 · S0 + C (below 2⁵³), C = T >> 32,
// S2 = T mod 2³², and `double()` = s2 + trunc(s2' · 2²¹) · 2⁻⁵³ is (S2 · 2²¹ + S2' >> 11) · 2⁻⁵³.
// The loop-carried chain is then an integer add and shift (two cycles) instead of a multiply, add,
// truncation and subtraction on doubles, and the doubles drawn are the same bits.

const laneState = memory.data(32, 16);

/**
 * Steps the integer state at `at` (S0, S1, S2, C as four u64s) through one `double()` until it is
 * not zero; returns its 53 bits (the rare path of a stream that drew an exact zero).
 */
function redrawBits(at: usize): u64 {
  let s0 = load<u64>(at);
  let s1 = load<u64>(at, 8);
  let s2 = load<u64>(at, 16);
  let c = load<u64>(at, 24);
  let bits: u64 = 0;
  while (bits == 0) {
    let t = ALEA_MULTIPLIER * s0 + c;
    s0 = s1;
    s1 = s2;
    c = t >> 32;
    s2 = t & 0xffffffff;
    const high = s2;
    t = ALEA_MULTIPLIER * s0 + c;
    s0 = s1;
    s1 = s2;
    c = t >> 32;
    s2 = t & 0xffffffff;
    bits = (high << 21) | (s2 >> 11);
  }
  store<u64>(at, s0);
  store<u64>(at, s1, 8);
  store<u64>(at, s2, 16);
  store<u64>(at, c, 24);
  return bits;
}

/**
 * Fills `length` doubles at `target` with seedrandom's alea `double()` values from the state at
 * `state` (s0, s1, s2, c as four doubles; sampling/alea.ts), redrawing exact zeros; the state
 * advances (written back), so a stream may be drawn in several calls.
 */
export function aleaFill(target: usize, length: i32, state: usize): void {
  let s0 = <u64>(load<f64>(state) * TWO_POW_32);
  let s1 = <u64>(load<f64>(state, 8) * TWO_POW_32);
  let s2 = <u64>(load<f64>(state, 16) * TWO_POW_32);
  let c = <u64>load<f64>(state, 24);
  for (let i = 0; i < length; i++) {
    let t = ALEA_MULTIPLIER * s0 + c;
    s0 = s1;
    s1 = s2;
    c = t >> 32;
    s2 = t & 0xffffffff;
    const high = s2;
    t = ALEA_MULTIPLIER * s0 + c;
    s0 = s1;
    s1 = s2;
    c = t >> 32;
    s2 = t & 0xffffffff;
    let bits = (high << 21) | (s2 >> 11);
    if (bits == 0) {
      store<u64>(laneState, s0);
      store<u64>(laneState, s1, 8);
      store<u64>(laneState, s2, 16);
      store<u64>(laneState, c, 24);
      bits = redrawBits(laneState);
      s0 = load<u64>(laneState);
      s1 = load<u64>(laneState, 8);
      s2 = load<u64>(laneState, 16);
      c = load<u64>(laneState, 24);
    }
    store<f64>(target + (<usize>i << 3), <f64>(<i64>bits) * TWO_POW_MINUS_53);
  }
  store<f64>(state, <f64>s0 * TWO_POW_MINUS_32);
  store<f64>(state, <f64>s1 * TWO_POW_MINUS_32, 8);
  store<f64>(state, <f64>s2 * TWO_POW_MINUS_32, 16);
  store<f64>(state, <f64>c, 24);
}

/**
 * aleaFill for two streams at once: each stream's recurrence is a chain of dependent steps, so two
 * chains in one loop run in little more than the time of one. A stream that draws an exact zero
 * (probability 2⁻⁵³ a draw) redraws on its own.
 */
export function aleaFill2(target0: usize, target1: usize, length: i32, state0: usize, state1: usize): void {
  let a0 = <u64>(load<f64>(state0) * TWO_POW_32);
  let a1 = <u64>(load<f64>(state0, 8) * TWO_POW_32);
  let a2 = <u64>(load<f64>(state0, 16) * TWO_POW_32);
  let ac = <u64>load<f64>(state0, 24);
  let b0 = <u64>(load<f64>(state1) * TWO_POW_32);
  let b1 = <u64>(load<f64>(state1, 8) * TWO_POW_32);
  let b2 = <u64>(load<f64>(state1, 16) * TWO_POW_32);
  let bc = <u64>load<f64>(state1, 24);
  for (let i = 0; i < length; i++) {
    let t = ALEA_MULTIPLIER * a0 + ac;
    let u = ALEA_MULTIPLIER * b0 + bc;
    a0 = a1;
    a1 = a2;
    ac = t >> 32;
    a2 = t & 0xffffffff;
    b0 = b1;
    b1 = b2;
    bc = u >> 32;
    b2 = u & 0xffffffff;
    const highA = a2;
    const highB = b2;
    t = ALEA_MULTIPLIER * a0 + ac;
    u = ALEA_MULTIPLIER * b0 + bc;
    a0 = a1;
    a1 = a2;
    ac = t >> 32;
    a2 = t & 0xffffffff;
    b0 = b1;
    b1 = b2;
    bc = u >> 32;
    b2 = u & 0xffffffff;
    let bitsA = (highA << 21) | (a2 >> 11);
    let bitsB = (highB << 21) | (b2 >> 11);
    if (bitsA == 0) {
      store<u64>(laneState, a0);
      store<u64>(laneState, a1, 8);
      store<u64>(laneState, a2, 16);
      store<u64>(laneState, ac, 24);
      bitsA = redrawBits(laneState);
      a0 = load<u64>(laneState);
      a1 = load<u64>(laneState, 8);
      a2 = load<u64>(laneState, 16);
      ac = load<u64>(laneState, 24);
    }
    if (bitsB == 0) {
      store<u64>(laneState, b0);
      store<u64>(laneState, b1, 8);
      store<u64>(laneState, b2, 16);
      store<u64>(laneState, bc, 24);
      bitsB = redrawBits(laneState);
      b0 = load<u64>(laneState);
      b1 = load<u64>(laneState, 8);
      b2 = load<u64>(laneState, 16);
      bc = load<u64>(laneState, 24);
    }
    store<f64>(target0 + (<usize>i << 3), <f64>(<i64>bitsA) * TWO_POW_MINUS_53);
    store<f64>(target1 + (<usize>i << 3), <f64>(<i64>bitsB) * TWO_POW_MINUS_53);
  }
  store<f64>(state0, <f64>a0 * TWO_POW_MINUS_32);
  store<f64>(state0, <f64>a1 * TWO_POW_MINUS_32, 8);
  store<f64>(state0, <f64>a2 * TWO_POW_MINUS_32, 16);
  store<f64>(state0, <f64>ac, 24);
  store<f64>(state1, <f64>b0 * TWO_POW_MINUS_32);
  store<f64>(state1, <f64>b1 * TWO_POW_MINUS_32, 8);
  store<f64>(state1, <f64>b2 * TWO_POW_MINUS_32, 16);
  store<f64>(state1, <f64>bc, 24);
}
