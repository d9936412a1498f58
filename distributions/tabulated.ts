/**
 * A fast, accurate quantile function from a slow exact one, for families without a closed-form
 * inverse CDF (beta and PERT: stdlib's ibeta_inv costs ~6 µs a call, too slow for 1e7 samples).
 *
 * The quantile is tabulated on a grid uniform in t = logit(u) = ln(u / (1 − u)) over |t| ≤ 14
 * (u from 8e-7 to 1 − 8e-7), where Q(t) is smooth even when Q(u) has infinite slope at the ends,
 * and interpolated by cubic Hermite polynomials using the exact slopes
 * dQ/dt = u (1 − u) / f(Q(u)). Outside the grid (1.7e-6 of the mass) the exact function is called.
 * The interpolation error is below 1e-9 of the support's width for the shapes sora-mc uses
 * (a test measures it against the exact quantile); sampling noise at 1e7 samples is ~1e-4.
 */

const T_LIMIT = 14;
const CELLS = 4096;
const STEP = (2 * T_LIMIT) / CELLS;

function logistic(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

/**
 * @param exactQuantile the exact inverse CDF, used to build the table and in the far tails
 * @param density the probability density f(x)
 */
export function tabulateQuantile(exactQuantile: (u: number) => number, density: (x: number) => number): (u: number) => number {
  const values = new Float64Array(CELLS + 1);
  const slopes = new Float64Array(CELLS + 1);
  for (let i = 0; i <= CELLS; i++) {
    const u = logistic(-T_LIMIT + i * STEP);
    const x = exactQuantile(u);
    values[i] = x;
    const f = density(x);
    // Where the density vanishes the slope is unbounded; 0 keeps the cubic monotone-safe there (only at extreme cells).
    slopes[i] = f > 0 && Number.isFinite(f) ? (u * (1 - u)) / f : 0;
  }
  return (u: number): number => {
    const t = Math.log(u / (1 - u));
    const position = (t + T_LIMIT) / STEP;
    if (!(position >= 0 && position < CELLS)) return exactQuantile(u);
    const i = Math.floor(position);
    const s = position - i;
    const s2 = s * s;
    const s3 = s2 * s;
    // Cubic Hermite basis on the unit cell.
    const h00 = 2 * s3 - 3 * s2 + 1;
    const h10 = s3 - 2 * s2 + s;
    const h01 = -2 * s3 + 3 * s2;
    const h11 = s3 - s2;
    return h00 * values[i]! + h10 * STEP * slopes[i]! + h01 * values[i + 1]! + h11 * STEP * slopes[i + 1]!;
  };
}
