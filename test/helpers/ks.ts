/**
 * Goodness-of-fit helpers for the distribution tests: seeded uniforms, the one-sample
 * Kolmogorov–Smirnov statistic with its asymptotic critical value, and a chi-square test for
 * discrete samples. Every test using them states its false-fail rate; seeds are fixed, so each
 * outcome is deterministic (a correct sampler fails a given seed with probability α, once and for all).
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import seedrandom from 'seedrandom';

/** The significance level of every goodness-of-fit test here: a correct sampler fails with probability 0.1%. */
export const ALPHA = 0.001;

/** The sample size of the goodness-of-fit tests. */
export const SAMPLE_SIZE = 20_000;

/** `n` uniforms in (0, 1) from seedrandom's alea generator seeded with `seed` (53-bit `.double()`, exact 0 skipped). */
export function seededUniforms(seed: string, n: number): Float64Array {
  const rng = seedrandom.alea(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const u = rng.double();
    if (u > 0) out[i++] = u;
  }
  return out;
}

/** `n` draws quantile(u) with u from `seededUniforms(seed, n)`. */
export function drawByQuantile(quantile: (u: number) => number, n: number, seed: string): Float64Array {
  return seededUniforms(seed, n).map(quantile);
}

/** D = sup |F_n(x) − F(x)| of `samples` against the continuous CDF `cdf`. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i += 1) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * The asymptotic critical value of the one-sample KS statistic at level α:
 * sqrt(−ln(α/2)/2)/sqrt(n) (Kolmogorov's limit law; for n = 20,000 and α = 0.001, 0.01378).
 */
export function ksCriticalValue(n: number, alpha = ALPHA): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
}

export interface FitResult {
  readonly statistic: number;
  readonly critical: number;
  readonly rejected: boolean;
}

/** The KS test of `samples` against `cdf` at level α. */
export function ksTest(samples: ArrayLike<number>, cdf: (x: number) => number, alpha = ALPHA): FitResult {
  const statistic = ksStatistic(samples, cdf);
  const critical = ksCriticalValue(samples.length, alpha);
  return { statistic, critical, rejected: statistic > critical };
}

/**
 * Pearson's chi-square test of discrete `samples` against P(X = values[i]) = probabilities[i],
 * at level α with values.length − 1 degrees of freedom (every expected count should be ≥ 5).
 * A sample equal to none of the values is counted as a rejection.
 */
export function chiSquareTest(
  samples: ArrayLike<number>,
  values: readonly number[],
  probabilities: readonly number[],
  alpha = ALPHA,
): FitResult & { readonly strays: number } {
  const counts = new Array<number>(values.length).fill(0);
  let strays = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const index = values.indexOf(samples[i]!);
    if (index < 0) strays += 1;
    else counts[index]! += 1;
  }
  const n = samples.length;
  const statistic = counts.reduce((sum, count, i) => {
    const expected = n * probabilities[i]!;
    return sum + ((count - expected) * (count - expected)) / expected;
  }, 0);
  const critical = chisquareQuantile(1 - alpha, values.length - 1);
  return { statistic, critical, strays, rejected: strays > 0 || statistic > critical };
}

/** Stated in the names of the statistical tests. */
export const FALSE_FAIL_NOTE = `α = ${ALPHA}: fails by chance with probability 0.1% for a correct sampler; fixed seed, so deterministic`;
