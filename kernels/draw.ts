// The draw stage: alea uniforms and every family's inverse CDF, column by column in place. Each
// function here repeats, operation for operation, what the JavaScript distribution computes
// (distributions/*.ts), with fdlibm's log and exp (what V8 runs), so a column drawn here holds
// the same doubles the JavaScript quantile functions give (a test compares them bit for bit).
import { fdlibmExp, fdlibmLog } from './fdlibm';
import { exp2x, log2x } from './fdlibm2';

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

/** Φ⁻¹ by Wichura's AS 241, as distributions/normal-quantile.ts writes it. */
// @ts-ignore: decorator
@inline export function normalQuantile(u: f64): f64 {
  const q = u - 0.5;
  if (abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r +
          4.5921953931549871457e4) * r + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r +
          1.3314166789178437745e2) * r + 3.387132872796366608)) /
      (((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r + 3.930789580009271061e4) * r +
        2.1213794301586595867e4) * r + 5.3941960214247511077e3) * r + 6.871870074920579083e2) * r +
        4.2313330701600911252e1) * r + 1)
    );
  }
  return normalTail(u, q);
}

function normalTail(u: f64, q: f64): f64 {
  if (!(u > 0 && u < 1)) return u == 0 ? -Infinity : u == 1 ? Infinity : NaN;
  let r = sqrt(-fdlibmLog(q < 0 ? u : 1 - u));
  let value: f64;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.51986665636164571966e-2) * r +
        1.4810397642748007459e-1) * r + 6.8976733498510000455e-1) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r +
        2.6532189526576123093e-2) * r + 2.9656057182850489123e-1) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 1.48753612908506148525e-2) * r + 1.3692988092273580531e-1) * r +
        5.9983220655588793769e-1) * r + 1);
  }
  return q < 0 ? -value : value;
}

/**
 * normalQuantile of both lanes: AS 241's central rational function on f64x2 when both lanes are
 * central (|u − ½| ≤ 0.425, 72% of pairs of uniforms), the scalar function otherwise.
 */
// @ts-ignore: decorator
@inline function normalQuantile2(u: v128): v128 {
  const q = f64x2.sub(u, f64x2.splat(0.5));
  if (!i64x2.all_true(f64x2.le(f64x2.abs(q), f64x2.splat(0.425)))) {
    return f64x2(normalQuantile(f64x2.extract_lane(u, 0)), normalQuantile(f64x2.extract_lane(u, 1)));
  }
  const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
  let num = f64x2.add(f64x2.mul(f64x2.splat(2.5090809287301226727e3), r), f64x2.splat(3.3430575583588128105e4));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(6.7265770927008700853e4));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(4.5921953931549871457e4));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(1.3731693765509461125e4));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(1.9715909503065514427e3));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(1.3314166789178437745e2));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(3.387132872796366608));
  let den = f64x2.add(f64x2.mul(f64x2.splat(5.226495278852854561e3), r), f64x2.splat(2.8729085735721942674e4));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(3.930789580009271061e4));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(2.1213794301586595867e4));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(5.3941960214247511077e3));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(6.871870074920579083e2));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(4.2313330701600911252e1));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(1));
  return f64x2.div(f64x2.mul(q, num), den);
}

// Family codes of a quantile program (src/kernel/programs.ts writes them).
const UNIFORM = 1;
const LOGUNIFORM = 2;
const NORMAL = 3;
const LOGNORMAL = 4;
const TRIANGULAR = 5;
const TABLE = 6;
const DISCRETE = 7;

@external("sora", "tableTail")
declare function tableTail(table: i32, u: f64): f64;

const T_LIMIT: f64 = 14;
const CELLS: i32 = 512;
const STEP: f64 = (2 * T_LIMIT) / <f64>CELLS;

/**
 * A quantile table (distributions/tabulated.ts) at `table`: values, slopes, curvatures (CELLS + 1
 * doubles each, computed whole by the JavaScript side); u off the grid goes to the table's exact tail.
 */
function tabulated(u: f64, table: usize, id: i32): f64 {
  const position = (fdlibmLog(u / (1 - u)) + T_LIMIT) / STEP;
  if (!(position >= 0 && position < <f64>CELLS)) return tableTail(id, u);
  const i = <i32>floor(position);
  const s = position - <f64>i;
  const s2 = s * s;
  const s3 = s2 * s;
  const s4 = s3 * s;
  const s5 = s4 * s;
  const h0 = 1 - 10 * s3 + 15 * s4 - 6 * s5;
  const h1 = s - 6 * s3 + 8 * s4 - 3 * s5;
  const h2 = 0.5 * s2 - 1.5 * s3 + 1.5 * s4 - 0.5 * s5;
  const h5 = 10 * s3 - 15 * s4 + 6 * s5;
  const h4 = -4 * s3 + 7 * s4 - 3 * s5;
  const h3 = 0.5 * s3 - s4 + 0.5 * s5;
  const values = table + (<usize>i << 3);
  const slopes = values + (CELLS + 1) * 8;
  const curvatures = slopes + (CELLS + 1) * 8;
  return (
    h0 * load<f64>(values) + h1 * load<f64>(slopes) + h2 * load<f64>(curvatures) +
    h5 * load<f64>(values, 8) + h4 * load<f64>(slopes, 8) + h3 * load<f64>(curvatures, 8)
  );
}

/** A quantile table's grid position of both lanes of u: (log(u / (1 − u)) + T_LIMIT) / STEP, as tabulated() computes it. */
// @ts-ignore: decorator
@inline function gridPosition2(u: v128): v128 {
  return f64x2.div(f64x2.add(log2x(f64x2.div(u, f64x2.sub(f64x2.splat(1), u))), f64x2.splat(T_LIMIT)), f64x2.splat(STEP));
}

/**
 * tabulated() of both lanes from their grid position: the same operations on f64x2, the scalar
 * function for a pair with a lane off the grid.
 */
// @ts-ignore: decorator
@inline function tabulated2(u: v128, position: v128, table: usize, id: i32): v128 {
  const cell = f64x2.floor(position);
  const i0 = <i32>f64x2.extract_lane(cell, 0);
  const i1 = <i32>f64x2.extract_lane(cell, 1);
  if (!i64x2.all_true(v128.and(f64x2.ge(position, f64x2.splat(0)), f64x2.lt(position, f64x2.splat(<f64>CELLS))))) {
    return f64x2(tabulated(f64x2.extract_lane(u, 0), table, id), tabulated(f64x2.extract_lane(u, 1), table, id));
  }
  const s = f64x2.sub(position, cell);
  const s2 = f64x2.mul(s, s);
  const s3 = f64x2.mul(s2, s);
  const s4 = f64x2.mul(s3, s);
  const s5 = f64x2.mul(s4, s);
  const h0 = f64x2.sub(f64x2.add(f64x2.sub(f64x2.splat(1), f64x2.mul(f64x2.splat(10), s3)), f64x2.mul(f64x2.splat(15), s4)), f64x2.mul(f64x2.splat(6), s5));
  const h1 = f64x2.sub(f64x2.add(f64x2.sub(s, f64x2.mul(f64x2.splat(6), s3)), f64x2.mul(f64x2.splat(8), s4)), f64x2.mul(f64x2.splat(3), s5));
  const h2 = f64x2.sub(f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(0.5), s2), f64x2.mul(f64x2.splat(1.5), s3)), f64x2.mul(f64x2.splat(1.5), s4)), f64x2.mul(f64x2.splat(0.5), s5));
  const h5 = f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(10), s3), f64x2.mul(f64x2.splat(15), s4)), f64x2.mul(f64x2.splat(6), s5));
  const h4 = f64x2.sub(f64x2.add(f64x2.mul(f64x2.splat(-4), s3), f64x2.mul(f64x2.splat(7), s4)), f64x2.mul(f64x2.splat(3), s5));
  const h3 = f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(0.5), s3), s4), f64x2.mul(f64x2.splat(0.5), s5));
  const a = table + (<usize>i0 << 3);
  const b = table + (<usize>i1 << 3);
  const slopes: usize = (CELLS + 1) * 8;
  const curvatures: usize = 2 * (CELLS + 1) * 8;
  let sum = f64x2.mul(h0, f64x2(load<f64>(a), load<f64>(b)));
  sum = f64x2.add(sum, f64x2.mul(h1, f64x2(load<f64>(a + slopes), load<f64>(b + slopes))));
  sum = f64x2.add(sum, f64x2.mul(h2, f64x2(load<f64>(a + curvatures), load<f64>(b + curvatures))));
  sum = f64x2.add(sum, f64x2.mul(h5, f64x2(load<f64>(a, 8), load<f64>(b, 8))));
  sum = f64x2.add(sum, f64x2.mul(h4, f64x2(load<f64>(a + slopes, 8), load<f64>(b + slopes, 8))));
  return f64x2.add(sum, f64x2.mul(h3, f64x2(load<f64>(a + curvatures, 8), load<f64>(b + curvatures, 8))));
}

/** Values a table's loop handles at a time, and its scratch space for their grid positions. */
const BLOCK = 512;
const positions = memory.data(BLOCK << 3, 16);

/**
 * Turns the uniforms at column[0, length) into an input's values, in place, by the quantile program
 * at `program` (doubles): [family, truncated, low, high, massBelow, mass, uFloor, uCeiling,
 * parameters…] — see src/kernel/programs.ts for each family's parameters.
 */
export function quantiles(column: usize, length: i32, program: usize): void {
  const family = <i32>load<f64>(program);
  const truncated = load<f64>(program, 8) != 0;
  const end = column + (<usize>length << 3);
  if (truncated) {
    const massBelow = load<f64>(program, 32);
    const mass = load<f64>(program, 40);
    const uFloor = load<f64>(program, 48);
    const uCeiling = load<f64>(program, 56);
    for (let at = column; at < end; at += 8) store<f64>(at, min(uCeiling, max(uFloor, massBelow + load<f64>(at) * mass)));
  }
  const p = program + 64;
  if (family == UNIFORM) {
    const lo = load<f64>(p);
    const width = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    for (let at = column; at < end; at += 8) store<f64>(at, min(hi, lo + load<f64>(at) * width));
  } else if (family == LOGUNIFORM) {
    const lo = load<f64>(p);
    const logRatio = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) {
      v128.store(at, f64x2.min(f64x2.splat(hi), f64x2.max(f64x2.splat(lo), f64x2.mul(f64x2.splat(lo), exp2x(f64x2.mul(v128.load(at), f64x2.splat(logRatio)))))));
    }
    for (let at = pairs; at < end; at += 8) store<f64>(at, min(hi, max(lo, lo * fdlibmExp(load<f64>(at) * logRatio))));
  } else if (family == NORMAL) {
    const mean = load<f64>(p);
    const sd = load<f64>(p, 8);
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) v128.store(at, f64x2.add(f64x2.splat(mean), f64x2.mul(f64x2.splat(sd), normalQuantile2(v128.load(at)))));
    for (let at = pairs; at < end; at += 8) store<f64>(at, mean + sd * normalQuantile(load<f64>(at)));
  } else if (family == LOGNORMAL) {
    const median = load<f64>(p);
    const sigma = load<f64>(p, 8);
    const mu = load<f64>(p, 16);
    // Two loops (Φ⁻¹, then exp) rather than one: fewer values live at once, no registers spilled.
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) v128.store(at, normalQuantile2(v128.load(at)));
    for (let at = pairs; at < end; at += 8) store<f64>(at, normalQuantile(load<f64>(at)));
    if (load<f64>(p, 24) != 0) {
      for (let at = column; at < pairs; at += 16) v128.store(at, f64x2.mul(f64x2.splat(median), exp2x(f64x2.mul(f64x2.splat(sigma), v128.load(at)))));
      for (let at = pairs; at < end; at += 8) store<f64>(at, median * fdlibmExp(sigma * load<f64>(at)));
    } else {
      for (let at = column; at < pairs; at += 16) v128.store(at, exp2x(f64x2.add(f64x2.splat(mu), f64x2.mul(f64x2.splat(sigma), v128.load(at)))));
      for (let at = pairs; at < end; at += 8) store<f64>(at, fdlibmExp(mu + sigma * load<f64>(at)));
    }
  } else if (family == TRIANGULAR) {
    const lo = load<f64>(p);
    const mode = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    const modeFraction = load<f64>(p, 24);
    const lowerArea = load<f64>(p, 32);
    const upperArea = load<f64>(p, 40);
    for (let at = column; at < end; at += 8) {
      const u = load<f64>(at);
      store<f64>(at, u < modeFraction ? min(mode, lo + sqrt(u * lowerArea)) : max(mode, min(hi, hi - sqrt((1 - u) * upperArea))));
    }
  } else if (family == TABLE) {
    const lo = load<f64>(p);
    const hi = load<f64>(p, 8);
    const width = load<f64>(p, 16);
    const table = <usize>load<f64>(p, 24);
    const id = <i32>load<f64>(p, 32);
    // Block by block: the grid positions first (log's loop), then the interpolation (fewer values live at once).
    for (let block = column; block < end; block += BLOCK << 3) {
      const stop = min(end, block + (BLOCK << 3));
      const pairs = block + ((stop - block) & ~15);
      for (let at = block; at < pairs; at += 16) v128.store(positions + (at - block), gridPosition2(v128.load(at)));
      for (let at = block; at < pairs; at += 16) {
        const q = tabulated2(v128.load(at), v128.load(positions + (at - block)), table, id);
        v128.store(at, f64x2.min(f64x2.splat(hi), f64x2.max(f64x2.splat(lo), f64x2.add(f64x2.splat(lo), f64x2.mul(f64x2.splat(width), q)))));
      }
      for (let at = pairs; at < stop; at += 8) store<f64>(at, min(hi, max(lo, lo + width * tabulated(load<f64>(at), table, id))));
    }
  } else if (family == DISCRETE) {
    const last = <i32>load<f64>(p) - 1;
    const atoms = <usize>load<f64>(p, 8);
    const cumulative = <usize>load<f64>(p, 16);
    // The first atom whose cumulative weight reaches u (the last if none of the others does), by a
    // binary search without branches: a draw's atom is random, and a branch on it is mispredicted.
    for (let at = column; at < end; at += 8) {
      const u = load<f64>(at);
      let base = 0;
      let n = last;
      while (n > 1) {
        const half = n >> 1;
        base = select<i32>(base + half, base, !(load<f64>(cumulative + (<usize>(base + half - 1) << 3)) >= u));
        n -= half;
      }
      if (n == 1) base += <i32>!(load<f64>(cumulative + (<usize>base << 3)) >= u);
      store<f64>(at, load<f64>(atoms + (<usize>base << 3)));
    }
  }
  if (truncated) {
    const low = load<f64>(program, 16);
    const high = load<f64>(program, 24);
    for (let at = column; at < end; at += 8) store<f64>(at, min(high, max(low, load<f64>(at))));
  }
}

