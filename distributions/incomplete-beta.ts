/**
 * The regularised incomplete beta function I_x(a, b) — the beta distribution's cdf — and its inverse,
 * small enough to run fast from a cold start (a quantile table of 513 points takes a few milliseconds).
 *
 * I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))), with
 * d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)):
 * the continued fraction of Abramowitz & Stegun 26.5.8, evaluated by the modified Lentz method as in
 * Numerical Recipes (3rd ed., §6.4). It converges in O(√max(a, b)) terms for x < (a + 1)/(a + b + 2);
 * beyond that I_x(a, b) = 1 − I_{1−x}(b, a). The prefactor is exp(a ln x + b ln(1 − x) − ln B(a, b)),
 * ln B from stdlib's betaln: its rounding, ~1e-16 of the terms in the exponent, is the relative error
 * of the result (~1e-14 for shapes up to 100; it grows in proportion for larger ones).
 *
 * The inverse solves I_x(a, b) = p on the side of the median where p ≤ ½ (the other side by the same
 * symmetry, from q = 1 − p given exactly), by Newton's method on ln I against ln x — nearly a straight
 * line of slope a in the tail, where I ≈ x^a / (a B) — kept inside a bracket of the root and halving
 * it when a step leaves it, until the error left — a step's size, or Newton's C·step² with C read
 * from the last two steps once they are small — is below ~1e-15 of x.
 */
import betaln from '@stdlib/math-base-special-betaln';

/** Terms of the continued fraction at most (it needs ~√max(a, b) · 10 for 1e-15). */
const MAX_TERMS = 10_000;
const TINY = 1e-300;

/** The continued fraction's value at x (accurate for x < (a + 1)/(a + b + 2)), Lentz's method. */
function continuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** A beta(a, b) distribution's cdf, density and quantile on [0, 1]. */
export interface UnitBeta {
  /** I_x(a, b). */
  cdf(x: number): number;
  density(x: number): number;
  /**
   * x with I_x(a, b) = p, given p and q = 1 − p (pass q computed exactly when p is near 1), and
   * optionally a guess of x to start from (a neighbour's value: fewer steps).
   */
  quantile(p: number, q?: number, guess?: number): number;
}

export function unitBeta(a: number, b: number): UnitBeta {
  const lnBeta = betaln(a, b);
  /** I_x(a, b) in the tail where the continued fraction converges, with its complement. */
  const lower = (x: number, s: number, t: number): number => (x <= 0 ? 0 : Math.exp(s * Math.log(x) + t * Math.log1p(-x) - lnBeta) * continuedFraction(x, s, t) / s);
  /** I_x(s, t) for either (a, b) or (b, a): the fraction on its own side, 1 − the other side's beyond. */
  const tail = (x: number, s: number, t: number): number => (x < (s + 1) / (s + t + 2) ? lower(x, s, t) : 1 - lower(1 - x, t, s));
  const density = (x: number, s: number, t: number): number => Math.exp((s - 1) * Math.log(x) + (t - 1) * Math.log1p(-x) - lnBeta);
  /** The density's limit at the end whose exponent is s − 1. */
  const edge = (s: number): number => (s < 1 ? Infinity : s === 1 ? Math.exp(-lnBeta) : 0);

  /** x with I_x(s, t) = p, for p ≤ ½, starting from `guess` if it is inside (0, 1). */
  const solve = (p: number, s: number, t: number, guess: number): number => {
    if (!(p > 0)) return p === 0 ? 0 : NaN;
    const target = Math.log(p);
    // Start from the guess, or from the tail's I ≈ x^s / (s B) below the median.
    let z = guess > 0 && guess < 1 ? Math.log(guess) : Math.min((target + Math.log(s) + lnBeta) / s, Math.log(s / (s + t)));
    // A root below the smallest positive double is 0 (the tail's approximation is close there).
    if (z < -700 && tail(Number.MIN_VALUE, s, t) >= p) return 0;
    /** The last step's size, when it was Newton's (0 after a halving). */
    let last = 0;
    let zLow = -Infinity;
    let zHigh = 0;
    for (let i = 0; i < 200; i++) {
      const x = Math.exp(z);
      const value = tail(x, s, t);
      const h = Math.log(value) - target;
      if (h < 0) zLow = z;
      else zHigh = z;
      // d ln I / d ln x = x f(x) / I(x).
      const newton = z - h / ((x * density(x, s, t)) / value);
      const d = Math.abs(newton - z);
      const tolerance = 1e-15 * Math.max(1, Math.abs(z));
      // Newton's error after a step of size d is ~ C d², C read from the last two Newton steps
      // (d = C last²): stop when that, or the step itself, is below rounding.
      if (d <= tolerance || (last > 0 && last < 1e-3 && (d / (last * last)) * d * d <= tolerance)) return Math.exp(newton);
      const inside = newton > zLow && newton < zHigh;
      last = inside ? d : 0;
      z = inside ? newton : zLow === -Infinity ? z - Math.max(1, Math.abs(z)) : (zLow + zHigh) / 2;
    }
    return Math.exp(z);
  };

  return {
    cdf: (x) => (x <= 0 ? 0 : x >= 1 ? 1 : tail(x, a, b)),
    density: (x) => (x > 0 && x < 1 ? density(x, a, b) : x === 0 ? edge(a) : x === 1 ? edge(b) : 0),
    quantile: (p, q = 1 - p, guess = NaN) => (p <= q ? solve(p, a, b, guess) : 1 - solve(q, b, a, 1 - guess)),
  };
}
