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

  it('draws the alea streams of the JavaScript sampler, one or two at a time', () => {
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
    put(state, 'sora-mc/1/inferMfu/7');
    kernel.exports.aleaFill(a, length, state);
    expect(kernel.f64(a, length)).toEqual(expected('sora-mc/1/inferMfu/7'));
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
    { dist: 'normal', mean: 0.4, sd: 0.2, truncate: [0, 1] },
    { dist: 'lognormal', p5: 0.3, p95: 0.6, truncate: [null, 1] },
    { dist: 'pert', min: 1, mode: 2, max: 9, truncate: [2, 8] },
    { dist: 'discrete', values: [1, 2, 5], truncate: [2, null] },
  ])('gives the JavaScript quantiles of %j bit for bit', (spec) => {
    const distribution = compileDistribution(spec);
    const u = uniforms(50_000);
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
