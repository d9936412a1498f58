import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../distributions/compile.js';
import { FAMILY_DOCS } from '../../distributions/families.js';
import { SoraError } from '../../src/errors.js';

/** Valid inputs of every form, with the canonical spec each compiles to (where it is simple to state). */
const VALID: readonly (readonly [input: unknown, spec?: Record<string, unknown>])[] = [
  [120, { dist: 'fixed', value: 120 }],
  [-0.5, { dist: 'fixed', value: -0.5 }],
  ['10B to 30B'],
  ['2.5k to 40k'],
  [{ dist: 'fixed', value: 3 }, { dist: 'fixed', value: 3 }],
  [{ dist: 'uniform', min: 4, max: 10 }, { dist: 'uniform', min: 4, max: 10 }],
  [{ dist: 'loguniform', min: 1e3, max: 1e6 }, { dist: 'loguniform', min: 1e3, max: 1e6 }],
  [{ dist: 'normal', mean: 0.4, sd: 0.05 }, { dist: 'normal', mean: 0.4, sd: 0.05 }],
  [{ dist: 'normal', p5: 0.3, p95: 0.5 }],
  [{ dist: 'normal', p10: -3, p90: 3 }],
  [{ dist: 'normal', low: 1, high: 2, level: 0.5 }],
  [{ dist: 'lognormal', mu: 1, sigma: 0.5 }, { dist: 'lognormal', mu: 1, sigma: 0.5 }],
  [{ dist: 'lognormal', p5: 10e9, p95: 30e9 }],
  [{ dist: 'lognormal', p10: 1, p90: 2 }],
  [{ dist: 'lognormal', mean: 10, sd: 5 }],
  [{ dist: 'lognormal', low: 1, high: 8 }],
  [{ dist: 'triangular', min: 1, mode: 3, max: 10 }, { dist: 'triangular', min: 1, mode: 3, max: 10 }],
  [{ dist: 'pert', min: 1, mode: 3, max: 10 }, { dist: 'pert', min: 1, mode: 3, max: 10, lambda: 4 }],
  [{ dist: 'pert', min: 1, mode: 3, max: 10, lambda: 6 }, { dist: 'pert', min: 1, mode: 3, max: 10, lambda: 6 }],
  [{ dist: 'beta', alpha: 2, beta: 5 }, { dist: 'beta', alpha: 2, beta: 5, min: 0, max: 1 }],
  [{ dist: 'beta', alpha: 2, beta: 5, min: 0.2, max: 0.6 }, { dist: 'beta', alpha: 2, beta: 5, min: 0.2, max: 0.6 }],
  [{ dist: 'discrete', values: [3, 1] }, { dist: 'discrete', values: [1, 3], weights: [0.5, 0.5] }],
  [{ dist: 'discrete', values: [1, 2], weights: [3, 1] }, { dist: 'discrete', values: [1, 2], weights: [0.75, 0.25] }],
  [{ dist: 'normal', mean: 0, sd: 1, truncate: [0, null] }, { dist: 'normal', mean: 0, sd: 1, truncate: [0, null] }],
  [{ dist: 'normal', mean: 0, sd: 1, truncate: [null, null] }, { dist: 'normal', mean: 0, sd: 1 }],
  [{ dist: 'uniform', min: 0, max: 1, truncate: [0.25, 0.5] }, { dist: 'uniform', min: 0, max: 1, truncate: [0.25, 0.5] }],
  [{ dist: 'uniform', min: 0, max: 1, truncate: undefined, note: undefined }, { dist: 'uniform', min: 0, max: 1 }],
  ...FAMILY_DOCS.map((doc) => [doc.example] as const),
];

describe('compileDistribution: valid inputs', () => {
  it.each(VALID.map(([input, spec]) => [JSON.stringify(input) ?? String(input), input, spec] as const))(
    '%s compiles to its canonical spec and compiles back to the same distribution',
    (_name, input, spec) => {
      const distribution = compileDistribution(input);
      if (spec !== undefined) expect(distribution.spec).toEqual(spec);
      const again = compileDistribution(JSON.parse(JSON.stringify(distribution.spec)));
      expect(again.spec).toEqual(distribution.spec);
      expect(again.support).toEqual(distribution.support);
      expect(again.describe()).toBe(distribution.describe());
      for (const u of [1e-16, 0.01, 0.3, 0.5, 0.77, 0.99, 1 - 2 ** -53]) {
        expect(again.quantile(u)).toBe(distribution.quantile(u));
      }
      expect(typeof distribution.describe()).toBe('string');
    },
  );

  it('reads "a to b" numbers in JS syntax with optional k/M/B/T suffixes', () => {
    expect(compileDistribution('10e9 to 30e9').spec).toEqual(compileDistribution({ dist: 'lognormal', p5: 1e10, p95: 3e10 }).spec);
    expect(compileDistribution('2.5k to 40k').spec).toEqual(compileDistribution({ dist: 'lognormal', p5: 2500, p95: 40000 }).spec);
    expect(compileDistribution('.5 to 1.5M').spec).toEqual(compileDistribution({ dist: 'lognormal', p5: 0.5, p95: 1.5e6 }).spec);
  });

  it('"10e9 to 30e9", "10B to 30B" and other spellings equal {dist: lognormal, p5: 10e9, p95: 30e9}', () => {
    const object = compileDistribution({ dist: 'lognormal', p5: 10e9, p95: 30e9 });
    for (const text of ['10e9 to 30e9', '10B to 30B', ' 1e10  to  3e10 ', '10000000000 to 30000000000', '0.01T to 0.03T']) {
      const shorthand = compileDistribution(text);
      expect(shorthand.spec, text).toEqual(object.spec);
      expect(shorthand.quantile(0.123)).toBe(object.quantile(0.123));
    }
    expect(Math.abs(object.quantile(0.05) / 10e9 - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(object.quantile(0.95) / 30e9 - 1)).toBeLessThanOrEqual(1e-12);
  });

  it('fills defaults: PERT λ = 4, beta on [0, 1], discrete equal weights', () => {
    expect(compileDistribution({ dist: 'pert', min: 0, mode: 1, max: 2 }).spec.lambda).toBe(4);
    expect(compileDistribution({ dist: 'beta', alpha: 1, beta: 1, max: 5 }).spec).toEqual({ dist: 'beta', alpha: 1, beta: 1, min: 0, max: 5 });
  });
});

interface BadCase {
  readonly input: unknown;
  readonly path: string;
  /** A fragment the message or hint must contain. */
  readonly says?: string;
  readonly hint?: boolean;
}

const BAD: readonly BadCase[] = [
  // the whole input
  { input: 'abc', path: '', hint: true },
  { input: '5', path: '', says: 'without quotes' },
  { input: '-1 to 5', path: '', says: 'normal', hint: true },
  { input: '0 to 5', path: '', says: 'a > 0' },
  { input: '5 to 5', path: '', says: 'greater' },
  { input: '30B to 10B', path: '', says: 'swap' },
  { input: '1e999 to 2e999', path: '', says: 'finite' },
  { input: Number.NaN, path: '', says: 'finite' },
  { input: Infinity, path: '', says: 'finite' },
  { input: null, path: '' },
  { input: true, path: '' },
  { input: [1, 2], path: '' },
  // family
  { input: { dist: 'lognromal', p5: 1, p95: 2 }, path: 'dist', says: 'did you mean `lognormal`' },
  { input: { dist: 'Normal', mean: 0, sd: 1 }, path: 'dist', says: 'did you mean `normal`' },
  { input: { dist: 'gaussian', mean: 0, sd: 1 }, path: 'dist', says: 'did you mean `normal`' },
  { input: { dist: 'zzzzzzzzzz' }, path: 'dist', says: 'families' },
  { input: { dist: 5 }, path: 'dist' },
  { input: { p5: 1, p95: 2 }, path: 'dist', says: 'normal or lognormal' },
  // parameter sets
  { input: { dist: 'normal', mean: 0 }, path: '', says: 'add sd' },
  { input: { dist: 'normal' }, path: '', says: '{mean, sd}' },
  { input: { dist: 'fixed' }, path: '', says: 'e.g. {value}' },
  { input: { dist: 'normal', mean: 0, sd: 1, p5: 3 }, path: '', says: 'one set' },
  { input: { dist: 'normal', mean: 0, stdev: 1 }, path: 'stdev', says: 'did you mean `sd`' },
  { input: { dist: 'lognormal', p5: 1, p59: 2 }, path: 'p59', says: 'did you mean `p95`' },
  { input: { dist: 'uniform', min: 0, max: 1, mode: 0.5 }, path: 'mode', says: 'triangular, pert' },
  { input: { dist: 'constructor' }, path: 'dist', says: 'families' },
  { input: { dist: 'normal', mean: 0, sd: 1, constructor: 1 }, path: 'constructor' },
  { input: JSON.parse('{"dist": "normal", "mean": 0, "sd": 1, "__proto__": 1}'), path: '__proto__' },
  { input: { dist: 'normal', mean: 0, sd: 1, toString: 2 }, path: 'toString' },
  // parameter values
  { input: { dist: 'normal', mean: '5', sd: 1 }, path: 'mean', says: 'without quotes' },
  { input: { dist: 'normal', mean: 0, sd: null }, path: 'sd' },
  { input: { dist: 'normal', mean: 0, sd: Infinity }, path: 'sd' },
  { input: { dist: 'normal', mean: Number.NaN, sd: 1 }, path: 'mean' },
  { input: { dist: 'fixed', value: 'x' }, path: 'value' },
  { input: { dist: 'normal', p5: 5, p95: 5 }, path: 'p95', says: 'greater than p5' },
  { input: { dist: 'normal', p5: 6, p95: 5 }, path: 'p95', says: 'swap' },
  { input: { dist: 'normal', p10: 6, p90: 5 }, path: 'p90' },
  { input: { dist: 'normal', low: 6, high: 5 }, path: 'high' },
  { input: { dist: 'lognormal', p5: -1, p95: 5 }, path: 'p5', says: 'normal' },
  { input: { dist: 'lognormal', p5: 0, p95: 5 }, path: 'p5' },
  { input: { dist: 'lognormal', p10: 3, p90: 2 }, path: 'p90' },
  { input: { dist: 'lognormal', mean: -1, sd: 1 }, path: 'mean' },
  { input: { dist: 'lognormal', low: 0, high: 1 }, path: 'low' },
  { input: { dist: 'loguniform', min: 0, max: 5 }, path: 'min', says: 'uniform' },
  { input: { dist: 'loguniform', min: -2, max: 5 }, path: 'min' },
  { input: { dist: 'loguniform', min: 5, max: 2 }, path: 'max' },
  { input: { dist: 'normal', mean: 0, sd: 0 }, path: 'sd', says: '> 0' },
  { input: { dist: 'normal', mean: 0, sd: -1 }, path: 'sd' },
  { input: { dist: 'lognormal', mu: 0, sigma: 0 }, path: 'sigma' },
  { input: { dist: 'lognormal', mean: 1, sd: 0 }, path: 'sd' },
  { input: { dist: 'uniform', min: 5, max: 5 }, path: 'max', says: 'fixed value' },
  { input: { dist: 'uniform', min: 5, max: 1 }, path: 'max' },
  { input: { dist: 'uniform', min: -1e308, max: 1e308 }, path: 'max', says: 'too wide' },
  { input: { dist: 'triangular', min: 0, mode: 2, max: 1 }, path: 'mode', says: 'within' },
  { input: { dist: 'triangular', min: 0, mode: -1, max: 1 }, path: 'mode' },
  { input: { dist: 'triangular', min: 1, mode: 1, max: 1 }, path: 'max' },
  { input: { dist: 'pert', min: 0, mode: 2, max: 1 }, path: 'mode' },
  { input: { dist: 'pert', min: 0, mode: 0.5, max: 1, lambda: 0 }, path: 'lambda' },
  { input: { dist: 'beta', alpha: 0, beta: 1 }, path: 'alpha', says: '> 0' },
  { input: { dist: 'beta', alpha: 1, beta: -2 }, path: 'beta' },
  { input: { dist: 'beta', alpha: 1, beta: 1, min: 1, max: 0 }, path: 'max' },
  // probability-like parameters
  { input: { dist: 'normal', low: 0, high: 1, level: 80 }, path: 'level', says: '0.8' },
  { input: { dist: 'normal', low: 0, high: 1, level: 1 }, path: 'level', says: 'between 0 and 1' },
  { input: { dist: 'lognormal', low: 1, high: 2, level: 0 }, path: 'level' },
  { input: { dist: 'lognormal', low: 1, high: 2, level: -0.9 }, path: 'level' },
  // discrete
  { input: { dist: 'discrete', values: [1, 2], weights: [1] }, path: 'weights', says: 'one entry per value' },
  { input: { dist: 'discrete', values: [1, 2], weights: [1, -1] }, path: 'weights.1', says: 'negative' },
  { input: { dist: 'discrete', values: [1, 2], weights: [0, 0] }, path: 'weights', says: 'all be 0' },
  { input: { dist: 'discrete', values: [1, 2], weights: [1, Number.NaN] }, path: 'weights.1' },
  { input: { dist: 'discrete', values: [1, 2], weights: [1e308, 1e308] }, path: 'weights' },
  { input: { dist: 'discrete', values: [] }, path: 'values', says: 'empty' },
  { input: { dist: 'discrete', values: 5 }, path: 'values', says: 'list' },
  { input: { dist: 'discrete', values: [1, 'x'] }, path: 'values.1' },
  // truncation
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: [5, 1] }, path: 'truncate', says: 'empty' },
  { input: { dist: 'uniform', min: 0, max: 1, truncate: [20, 30] }, path: 'truncate', says: 'no probability mass' },
  { input: { dist: 'uniform', min: 0, max: 1, truncate: [0.5, 0.5] }, path: 'truncate', says: 'no probability mass' },
  { input: { dist: 'discrete', values: [1, 2], truncate: [1.2, 1.8] }, path: 'truncate', says: 'no probability mass' },
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: [40, null] }, path: 'truncate', says: '1e-16' },
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: [0] }, path: 'truncate', says: 'pair' },
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: '0 to 1' }, path: 'truncate' },
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: [0, 'x'] }, path: 'truncate.1' },
  { input: { dist: 'normal', mean: 0, sd: 1, truncate: [Infinity, null] }, path: 'truncate.0' },
  // beyond the double range
  { input: { dist: 'lognormal', mu: 0, sigma: 1000 }, path: '', says: 'double' },
  { input: { dist: 'normal', mean: 0, sd: 1e307 }, path: '', says: 'truncate' },
];

function caught(input: unknown): SoraError {
  try {
    compileDistribution(input);
  } catch (error) {
    if (error instanceof SoraError) return error;
    throw new Error(`threw ${String(error)} instead of SoraError`);
  }
  throw new Error('did not throw');
}

describe('compileDistribution: bad inputs throw SoraError with a relative path, expected and found', () => {
  it.each(BAD.map((bad) => [JSON.stringify(bad.input) ?? String(bad.input), bad] as const))('%s', (_name, bad) => {
    const error = caught(bad.input);
    expect(error.details.path).toBe(bad.path);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.details.expected).toEqual(expect.any(String));
    expect(error.details.expected!.length).toBeGreaterThan(0);
    expect(error.details.found).toEqual(expect.any(String));
    expect(error.details.found!.length).toBeGreaterThan(0);
    if (bad.hint === true) expect(error.details.hint).toEqual(expect.any(String));
    if (bad.says !== undefined) expect(`${error.message}\n${error.details.hint ?? ''}`).toContain(bad.says);
  });

  it('paths are relative: the caller prefixes them with SoraError.under', () => {
    const error = caught({ dist: 'normal', p5: 6, p95: 5 }).under('inputs.trainMfu');
    expect(error.details.path).toBe('inputs.trainMfu.p95');
    const whole = caught('abc').under('inputs.trainMfu');
    expect(whole.details.path).toBe('inputs.trainMfu');
    expect(error.describe()).toContain('inputs.trainMfu.p95');
  });
});
