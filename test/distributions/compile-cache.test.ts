// compileDistribution remembers recently compiled specs (a scenario's inputs are compiled several
// times per run): a repeat must give the same distribution, and specs JSON would blur must not share one.
import { describe, expect, it } from 'vitest';
import { compileAcceptedSpec, compileDistribution } from '../../distributions/index.js';

describe('compileDistribution on a repeated spec', () => {
  it('returns the distribution it built the first time', () => {
    const spec = { dist: 'pert', min: 1, mode: 3, max: 10 };
    const first = compileDistribution(spec);
    expect(compileDistribution({ ...spec })).toBe(first);
    expect(compileDistribution({ ...spec, mode: 4 })).not.toBe(first);
  });

  it('keeps −0 and 0 apart (JSON prints both as 0)', () => {
    expect(Object.is(compileDistribution(0).quantile(0.5), 0)).toBe(true);
    expect(Object.is(compileDistribution(-0).quantile(0.5), -0)).toBe(true);
  });

  it('compileAcceptedSpec rebuilds the same quantile function without the checks', () => {
    const spec = { dist: 'beta', alpha: 2, beta: 5, min: 0.2, max: 0.6 };
    const checked = compileDistribution(spec);
    const rebuilt = compileAcceptedSpec(spec);
    for (const u of [1e-9, 0.001, 0.1, 0.37, 0.5, 0.9, 0.999999]) expect(rebuilt.quantile(u)).toBe(checked.quantile(u));
  });
});
