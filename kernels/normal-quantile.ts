// Φ⁻¹, the standard normal quantile, by Wichura's AS 241 (Applied Statistics 37, 1988), one value
// or two lanes (f64x2) at a time, operation for operation as distributions/normal-quantile.ts.
import { fdlibmLog } from './fdlibm';

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
@inline export function normalQuantile2(u: v128): v128 {
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
