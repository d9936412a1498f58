import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../distributions/index.js';
import { writeProgram } from '../../src/kernel/programs.js';
import { aleaState, fillAleaUniforms } from '../../src/sampling/alea.js';
import { builtKernel } from '../helpers/kernel.js';

/** Deterministic uniforms in (0, 1), both extremes of the sampler included. */
function uniforms(count: number): Float64Array {
  const u = new Float64Array(count);
  fillAleaUniforms(u, 'kernel-draw-test');
  u.set([2 ** -53, 1 - 2 ** -53, 1e-9, 1 - 1e-9, 0.5, 1e-7, 1 - 1e-7, 0.1, 0.9, 2 ** -40]);
  return u;
}

describe('the WebAssembly draw kernel', () => {
  const kernel = builtKernel();

  it('computes log and exp bit for bit as V8 does (fdlibm)', () => {
    const x = uniforms(200_000);
    let differ = 0;
    for (let i = 0; i < x.length; i++) {
      const small = x[i]! * 10 ** (40 * x[(i + 1) % x.length]! - 20);
      const wide = (x[i]! - 0.5) * 1500;
      if (!Object.is(kernel.exports.fdlibmLog(small), Math.log(small))) differ++;
      if (!Object.is(kernel.exports.fdlibmExp(wide), Math.exp(wide))) differ++;
    }
    for (const special of [0, -0, -1, Infinity, -Infinity, NaN, 1, 5e-324, 1e-310, 709.78, 710, -745.2, -746, 1e-30]) {
      if (!Object.is(kernel.exports.fdlibmLog(special), Math.log(special))) differ++;
      if (!Object.is(kernel.exports.fdlibmExp(special), Math.exp(special))) differ++;
    }
    expect(differ).toBe(0);
  });

  it('computes log and exp two lanes at a time bit for bit as V8 does', () => {
    const u = uniforms(400_000);
    const n = u.length / 2;
    // Arguments on every path: the main ones, near 1 and near powers of 2 (log's |f| < 2⁻²⁰), 1 itself
    // (exp returns e), tiny, huge, subnormal, zero, negative and non-finite ones, in both lanes.
    const logs = new Float64Array(n);
    const exps = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = u[2 * i]!;
      const b = u[2 * i + 1]!;
      logs[i] = i % 7 === 0 ? 2 ** Math.round(60 * b - 30) * (1 + (a - 0.5) * 2 ** -19) : a * 10 ** (40 * b - 20);
      exps[i] = i % 5 === 0 ? (a - 0.5) * 2 ** (-40 + 80 * b) : (a - 0.5) * 30;
    }
    const special = [0, -0, -1, Infinity, -Infinity, NaN, 1, 2, 0.5, 5e-324, 1e-310, 1 + 2 ** -52, 1 - 2 ** -53];
    logs.set([...special, ...special.reverse()], 11);
    const expSpecial = [1, -1, 0, -0, 2 ** -30, 0.34657359027997264, 0.3465735903, 1.0397207708, 511.9, 512, 709.78, 710, -745.2, -746, -708, Infinity, -Infinity, NaN];
    exps.set([...expSpecial, ...expSpecial.reverse()], 11);
    // Just above 0.5·ln2 but in the same high word, where fdlibm takes no reduction.
    for (let j = 0; j < 400; j++) exps[100 + j] = (j % 2 ? -1 : 1) * (0.34657359027997264 + j * 2.3e-12);
    const at = kernel.reserveF64(n);
    let differ = 0;
    kernel.f64(at, n).set(logs);
    kernel.exports.logColumn(at, n);
    kernel.f64(at, n).forEach((y, i) => (differ += Object.is(y, Math.log(logs[i]!)) ? 0 : 1));
    kernel.f64(at, n).set(exps);
    kernel.exports.expColumn(at, n);
    kernel.f64(at, n).forEach((y, i) => (differ += Object.is(y, Math.exp(exps[i]!)) ? 0 : 1));
    expect(differ).toBe(0);
  });

  it('draws the alea streams of the JavaScript sampler, in one call or several', () => {
    const length = 8192;
    const state = kernel.exports.reserve(64);
    const a = kernel.reserveF64(length);
    const b = kernel.reserveF64(length);
    const put = (at: number, seed: string) => {
      const s = aleaState(seed);
      kernel.f64(at, 4).set([s.s0, s.s1, s.s2, s.c]);
    };
    const expected = (seed: string) => {
      const column = new Float64Array(length);
      fillAleaUniforms(column, seed);
      return column;
    };
    put(state, 'sora-mc/1/soraParams/0');
    put(state + 32, 'sora-mc/1/trainMfu/0');
    kernel.exports.aleaFill2(a, b, length, state, state + 32);
    expect(kernel.f64(a, length)).toEqual(expected('sora-mc/1/soraParams/0'));
    expect(kernel.f64(b, length)).toEqual(expected('sora-mc/1/trainMfu/0'));
    // The state advances: a stream drawn in three calls is the same stream.
    put(state, 'sora-mc/1/inferMfu/7');
    kernel.exports.aleaFill(a, 1000, state);
    kernel.exports.aleaFill(a + 8000, 1, state);
    kernel.exports.aleaFill(a + 8008, length - 1001, state);
    expect(kernel.f64(a, length)).toEqual(expected('sora-mc/1/inferMfu/7'));
    put(state, 'sora-mc/1/inferMfu/7');
    kernel.exports.aleaFill(a, length, state);
    expect(kernel.f64(a, length)).toEqual(expected('sora-mc/1/inferMfu/7'));
  });

  it('redraws an exact zero as seedrandom does, in either lane', () => {
    // seedrandom 3.0.5's alea on doubles (lib/alea.js), from a given state: next() and double().
    const reference = (start: number[], count: number) => {
      let [s0, s1, s2, c] = start as [number, number, number, number];
      const next = () => {
        const t = 2091639 * s0 + c * 2 ** -32;
        s0 = s1;
        s1 = s2;
        return (s2 = t - (c = t | 0));
      };
      return Array.from({ length: count }, () => {
        let u = 0;
        while (u === 0) u = next() + ((next() * 0x200000) | 0) * 2 ** -53;
        return u;
      });
    };
    // A state whose first double() is exactly 0: 2091639 · S0 + C ≡ 0 and the next step's S2 < 2¹¹ (mod 2³²).
    // 2091639 is odd, so it has an inverse mod 2³²: Newton's x ← x (2 − a x) doubles the correct bits from x = a (3 bits).
    let inverse = 2091639n;
    for (let i = 0; i < 4; i++) inverse = (inverse * (2n - 2091639n * inverse)) % 2n ** 32n;
    expect(((2091639n * inverse) % 2n ** 32n + 2n ** 32n) % 2n ** 32n).toBe(1n);
    const c = 5n;
    const S0 = (((-c * inverse) % 2n ** 32n) + 2n ** 32n) % 2n ** 32n;
    const c1 = (2091639n * S0 + c) >> 32n;
    const S1 = (((-c1 * inverse) % 2n ** 32n) + 2n ** 32n) % 2n ** 32n;
    expect((2091639n * S0 + c) % 2n ** 32n).toBe(0n); // the first next() is 0 …
    expect((2091639n * S1 + c1) % 2n ** 32n < 2n ** 11n).toBe(true); // … and the second below 2⁻²¹: double() is 0
    const zero = [Number(S0) / 2 ** 32, Number(S1) / 2 ** 32, 0.25, Number(c)];
    const plain = aleaState('plain');
    const other = [plain.s0, plain.s1, plain.s2, plain.c];
    const state = kernel.exports.reserve(64);
    const a = kernel.reserveF64(100);
    const b = kernel.reserveF64(100);
    kernel.f64(state, 8).set([...zero, ...other]);
    kernel.exports.aleaFill2(a, b, 100, state, state + 32);
    expect([...kernel.f64(a, 100)]).toEqual(reference(zero, 100));
    expect([...kernel.f64(b, 100)]).toEqual(reference(other, 100));
    kernel.f64(state, 8).set([...other, ...zero]);
    kernel.exports.aleaFill2(a, b, 100, state, state + 32);
    expect([...kernel.f64(b, 100)]).toEqual(reference(zero, 100));
    kernel.f64(state, 4).set(zero);
    kernel.exports.aleaFill(a, 100, state);
    expect([...kernel.f64(a, 100)]).toEqual(reference(zero, 100));
  });

  it.each([
    { dist: 'uniform', min: 4, max: 10 },
    { dist: 'loguniform', min: 1e3, max: 1e6 },
    { dist: 'normal', mean: 0.4, sd: 0.05 },
    '10B to 30B',
    { dist: 'lognormal', mu: -700, sigma: 2 },
    { dist: 'triangular', min: 1, mode: 3, max: 10 },
    { dist: 'triangular', min: 1, mode: 1, max: 10 },
    { dist: 'pert', min: 0.3, mode: 0.4, max: 0.55 },
    { dist: 'beta', alpha: 2, beta: 5, min: 1, max: 3 },
    { dist: 'beta', alpha: 0.6, beta: 0.7 },
    { dist: 'discrete', values: [1, 2, 5], weights: [0.2, 0.5, 0.3] },
    { dist: 'discrete', values: [7] },
    { dist: 'discrete', values: Array.from({ length: 37 }, (_, i) => i * i), weights: Array.from({ length: 37 }, (_, i) => 1 + ((i * 7) % 5)) },
    { dist: 'normal', mean: 0.4, sd: 0.2, truncate: [0, 1] },
    { dist: 'lognormal', p5: 0.3, p95: 0.6, truncate: [null, 1] },
    { dist: 'pert', min: 1, mode: 2, max: 9, truncate: [2, 8] },
    { dist: 'discrete', values: [1, 2, 5], truncate: [2, null] },
  ])('gives the JavaScript quantiles of %j bit for bit', (spec) => {
    const distribution = compileDistribution(spec);
    const u = uniforms(50_001); // odd: the last value takes the one-lane path
    const column = kernel.reserveF64(u.length);
    kernel.f64(column, u.length).set(u);
    kernel.exports.quantiles(column, u.length, writeProgram(kernel, distribution)!);
    const drawn = kernel.f64(column, u.length);
    let differ = 0;
    for (let i = 0; i < u.length; i++) if (!Object.is(drawn[i], distribution.quantile(u[i]!))) differ++;
    expect(differ).toBe(0);
  });

  it('leaves a beta too steep for the table to JavaScript', () => {
    expect(writeProgram(kernel, compileDistribution({ dist: 'beta', alpha: 0.3, beta: 2 }))).toBeNull();
  });
});
