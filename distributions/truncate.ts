import { SoraError } from '../src/errors.js';
import { shortNumber } from '../src/format.js';
import { LARGEST_U, type Distribution, type DistributionSpec } from './types.js';

/**
 * `base` conditioned on lower ≤ X ≤ upper (either end may be null: no bound on that side),
 * sampled through the base quantile: quantile_T(u) = Q(F(lower⁻) + u · (F(upper) − F(lower⁻))),
 * where F(lower⁻) = P(X < lower) (equal to F(lower) for continuous families; for discrete ones an
 * atom at `lower` is kept). The argument of Q is kept strictly inside (F(lower⁻), F(upper)] ∩ (0, 1)
 * and the result is clamped to [lower, upper], so rounding can never step outside the interval.
 *
 * Accuracy: F(upper) − F(lower⁻) is computed in double precision, so an interval holding less than
 * about 1e-16 of the mass in the upper tail (where F is near 1) cannot be sampled: that case, an
 * empty interval (lower > upper), and an interval holding no mass throw SoraError with path `truncate`.
 *
 * @example truncateDistribution(normal01, 0, null).quantile(0.5) // => 0.674… (the half-normal's median)
 */
export function truncateDistribution(base: Distribution, lower: number | null, upper: number | null): Distribution {
  if (lower === null && upper === null) return base;
  const low = lower ?? -Infinity;
  const high = upper ?? Infinity;
  if (low > high) {
    throw new SoraError('the truncation interval is empty', {
      path: 'truncate',
      expected: '[min, max] with min ≤ max',
      found: `[${lower}, ${upper}]`,
    });
  }
  // P(X < lower): the left limit of F, which differs from F(lower) only at an atom.
  const atomic = base.family === 'discrete' || base.family === 'fixed';
  const massBelow = lower === null ? 0 : base.cdf(atomic ? nextDown(lower) : lower);
  const massUpTo = upper === null ? 1 : base.cdf(upper);
  const mass = massUpTo - massBelow;
  if (!(mass > 0)) {
    const [supportMin, supportMax] = base.support;
    const outside = high < supportMin || low > supportMax;
    let hint = 'widen the interval; one holding under ~1e-16 of the mass where the CDF is near 1 cannot be sampled in double precision';
    if (outside) hint = `the distribution lies within [${supportMin}, ${supportMax}]`;
    else if (atomic) hint = 'none of the values with positive weight lies in the interval';
    throw new SoraError('the truncation interval holds no probability mass', {
      path: 'truncate',
      expected: `an interval where ${base.describe()} has mass`,
      found: `[${lower}, ${upper}]`,
      hint,
    });
  }
  const uFloor = nextUp(massBelow);
  const uCeiling = Math.min(massUpTo, LARGEST_U);
  // The mass the sampler can reach is the doubles between uFloor and uCeiling, not F(upper) − F(lower⁻):
  // near F = 1 they are 1.1e-16 apart, so a tail holding 6e-16 of the mass gives ~5 distinct values.
  const reachable = uCeiling > uFloor ? (uCeiling - uFloor) / ulp(uCeiling) : 0;
  if (!atomic && reachable < MIN_REACHABLE_VALUES) {
    throw new SoraError('the truncation interval holds too little mass the sampler can reach', {
      path: 'truncate',
      expected: `an interval the sampler can reach with at least ${MIN_REACHABLE_VALUES.toExponential(0)} distinct values`,
      found: `[${lower}, ${upper}]: ${base.describe()} has ${shortNumber(mass)} of its mass there, ~${Math.floor(reachable)} distinct values in double precision`,
      hint: 'an upper tail beyond ~1e-10 of the mass cannot be sampled through the quantile: choose a distribution whose mass lies in the interval',
    });
  }
  const baseQuantile = base.quantile;
  const baseCdf = base.cdf;
  const [baseMin, baseMax] = base.support;
  const support = Object.freeze(
    atomic
      ? ([baseQuantile(uFloor), baseQuantile(uCeiling)] as const)
      : ([Math.max(low, baseMin), Math.min(high, baseMax)] as const),
  );
  const spec: DistributionSpec = Object.freeze({ ...base.spec, truncate: Object.freeze([lower, upper]) as [number | null, number | null] });
  return Object.freeze({
    family: base.family,
    spec,
    support,
    quantile: (u: number): number =>
      Math.min(high, Math.max(low, baseQuantile(Math.min(uCeiling, Math.max(uFloor, massBelow + u * mass))))),
    cdf: (x: number): number => {
      if (x < low) return 0;
      if (x >= high) return 1;
      return Math.min(1, Math.max(0, (baseCdf(x) - massBelow) / mass));
    },
    describe: (write = shortNumber): string => `${base.describe(write)}, ${describeBounds(lower, upper, write)}`,
    ...(base.kernel ? { kernel: { ...base.kernel, truncate: [low, high, massBelow, mass, uFloor, uCeiling] as const } } : {}),
  });
}

/** The fewest distinct uniforms a continuous truncation must be able to draw (2^20). */
const MIN_REACHABLE_VALUES = 2 ** 20;

/** The spacing of doubles at x (0 < x ≤ 1). */
function ulp(x: number): number {
  return 2 ** (Math.floor(Math.log2(x)) - 52);
}

function describeBounds(lower: number | null, upper: number | null, write: (x: number) => string): string {
  if (lower === null) return `truncated to ≤ ${write(upper!)}`;
  if (upper === null) return `truncated to ≥ ${write(lower)}`;
  return `truncated to [${write(lower)}, ${write(upper)}]`;
}

/** The next double towards −∞ (x finite). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** The next double towards +∞ (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = bits[0]! + (x > 0 ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}
