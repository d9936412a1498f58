// fdlibm's log and exp (fdlibm.ts) on two lanes at once (f64x2), operation for operation, so each
// lane's result has the very bits of the scalar function. Only the main path is vectorised: fdlibm's
// branches on the argument's magnitude either compute the same value as the main path (shown at
// each one below) or are rare, and a pair with a lane on a rare branch is computed by the scalar
// function, lane by lane.
import { fdlibmExp, fdlibmLog } from './fdlibm';

const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;

/** The high 32 bits of each lane (as i64 lanes, 0 to 2³² − 1). */
// @ts-ignore: decorator
@inline function highWords(x: v128): v128 {
  return i64x2.shr_u(x, 32);
}

/** Small integers in i64 lanes (their low 32 bits) as doubles. */
// @ts-ignore: decorator
@inline function toDoubles(k: v128): v128 {
  return f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 0, 2, 0, 2));
}

/**
 * fdlibm's __ieee754_log of both lanes. The main path covers positive normal arguments whose
 * reduced f = x / 2^k − 1 is not within 2⁻²⁰ of 0. fdlibm's k = 0 formulas are its general ones with
 * dk = 0: dk·LN2_HI − ((A + dk·LN2_LO) − f) = 0 − (A − f) = f − A exactly (rounding is symmetric).
 */
// @ts-ignore: decorator
@inline export function log2x(x: v128): v128 {
  let hx = highWords(x);
  // Zero, subnormal, negative, infinite or NaN lanes: the scalar function.
  const outside = v128.or(i64x2.lt_s(hx, i64x2.splat(0x00100000)), i64x2.ge_s(hx, i64x2.splat(0x7ff00000)));
  let k = i64x2.sub(i64x2.shr_u(hx, 20), i64x2.splat(1023));
  hx = v128.and(hx, i64x2.splat(0x000fffff));
  const i = v128.and(i64x2.add(hx, i64x2.splat(0x95f64)), i64x2.splat(0x100000));
  const high = v128.or(hx, v128.xor(i, i64x2.splat(0x3ff00000)));
  const reduced = v128.or(i64x2.shl(high, 32), v128.and(x, i64x2.splat(0xffffffff)));
  k = i64x2.add(k, i64x2.shr_u(i, 20));
  // fdlibm's branch for |f| < 2⁻²⁰: (0x000fffff & (2 + hx)) < 3.
  const nearOne = i64x2.lt_s(v128.and(i64x2.add(hx, i64x2.splat(2)), i64x2.splat(0x000fffff)), i64x2.splat(3));
  if (v128.any_true(v128.or(outside, nearOne))) {
    return f64x2(fdlibmLog(f64x2.extract_lane(x, 0)), fdlibmLog(f64x2.extract_lane(x, 1)));
  }
  const f = f64x2.sub(reduced, f64x2.splat(1.0));
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const dk = toDoubles(k);
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LG1), f64x2.mul(w, f64x2.add(f64x2.splat(LG3), f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))));
  const r = f64x2.add(t2, t1);
  // fdlibm's i > 0: ((hx − 0x6147a) | (0x6b851 − hx)) > 0.
  const wide = i64x2.gt_s(v128.or(i64x2.sub(hx, i64x2.splat(0x6147a)), i64x2.sub(i64x2.splat(0x6b851), hx)), i64x2.splat(0));
  const dkHi = f64x2.mul(dk, f64x2.splat(LN2_HI));
  const dkLo = f64x2.mul(dk, f64x2.splat(LN2_LO));
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  // i > 0: dk·LN2_HI − ((hfsq − (s·(hfsq + R) + dk·LN2_LO)) − f)
  const a = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(hfsq, f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), dkLo)), f));
  // otherwise: dk·LN2_HI − ((s·(f − R) − dk·LN2_LO) − f)
  const b = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(f64x2.mul(s, f64x2.sub(f, r)), dkLo), f));
  return v128.bitselect(a, b, wide);
}

const INVLN2: f64 = 1.44269504088896338700e+00;
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;

/**
 * fdlibm's __ieee754_exp of both lanes. The main path covers 2⁻²⁸ ≤ |x| < 512 (|x| ≥ 512 reaches
 * fdlibm's overflow, underflow and subnormal scalings; below 2⁻²⁸ it returns 1 + x). Its reduction
 * for 0.5·ln2 < |x| < 1.5·ln2 (k = ±1, hi = x ∓ LN2_HI, lo = ±LN2_LO) is the general one at
 * k = ±1; for |x| up to 0.5·ln2 (high word ≤ 0x3fd62e42) it uses k = 0 and returns
 * 1 − ((x·c)/(c − 2) − x), which is the general 1 − ((lo − (x·c)/(2 − c)) − hi) at hi = x, lo = 0
 * (c − 2 = −(2 − c) exactly, so the quotients differ in sign only), times 2⁰.
 */
// @ts-ignore: decorator
@inline export function exp2x(x: v128): v128 {
  const hx = v128.and(highWords(x), i64x2.splat(0x7fffffff));
  // fdlibm returns e itself for x = 1 (the general path would miss its last bit).
  const outside = v128.or(v128.or(i64x2.lt_s(hx, i64x2.splat(0x3e300000)), i64x2.ge_s(hx, i64x2.splat(0x40800000))), f64x2.eq(x, f64x2.splat(1.0)));
  if (v128.any_true(outside)) {
    return f64x2(fdlibmExp(f64x2.extract_lane(x, 0)), fdlibmExp(f64x2.extract_lane(x, 1)));
  }
  const negative = i64x2.lt_s(x, i64x2.splat(0));
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), negative);
  // k = (int)(INVLN2·x ± 0.5), and 0 where fdlibm takes no reduction.
  const reduces = i64x2.gt_s(hx, i64x2.splat(0x3fd62e42));
  const t = v128.and(f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INVLN2), x), half)), reduces);
  const hi = f64x2.sub(x, f64x2.mul(t, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(t, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const rr = f64x2.mul(r, r);
  const c = f64x2.sub(r, f64x2.mul(rr, f64x2.add(f64x2.splat(P1), f64x2.mul(rr, f64x2.add(f64x2.splat(P2), f64x2.mul(rr, f64x2.add(f64x2.splat(P3), f64x2.mul(rr, f64x2.add(f64x2.splat(P4), f64x2.mul(rr, f64x2.splat(P5)))))))))));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c))), hi));
  // 2^k from k's bits: (0x3ff + k) << 52.
  const k = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(t));
  const twopk = i64x2.shl(i64x2.add(k, i64x2.splat(0x3ff)), 52);
  return f64x2.mul(y, twopk);
}

/** log of column[0, length) in place, two lanes at a time (what the tests compare with V8's Math.log). */
export function logColumn(column: usize, length: i32): void {
  let i = 0;
  for (; i + 1 < length; i += 2) v128.store(column + (<usize>i << 3), log2x(v128.load(column + (<usize>i << 3))));
  if (i < length) store<f64>(column + (<usize>i << 3), fdlibmLog(load<f64>(column + (<usize>i << 3))));
}

/** exp of column[0, length) in place, two lanes at a time. */
export function expColumn(column: usize, length: i32): void {
  let i = 0;
  for (; i + 1 < length; i += 2) v128.store(column + (<usize>i << 3), exp2x(v128.load(column + (<usize>i << 3))));
  if (i < length) store<f64>(column + (<usize>i << 3), fdlibmExp(load<f64>(column + (<usize>i << 3))));
}
