import { describe, expect, it } from 'vitest';
import { FAMILY_DEFINITIONS } from '../../distributions/families.js';
import { familyHint, parameterHint } from '../../distributions/suggest.js';

describe('familyHint', () => {
  it.each([
    ['lognromal', 'did you mean `lognormal`?'],
    ['Normal', 'did you mean `normal`?'],
    ['gaussian', 'did you mean `normal`?'],
    ['log-uniform', 'did you mean `loguniform`?'],
    ['triangle', 'did you mean `triangular`?'],
    ['betapert', 'did you mean `pert`?'],
    ['poisson', 'families: fixed, uniform, loguniform, normal, lognormal, triangular, pert, beta, discrete'],
    ['constructor', 'families: fixed, uniform, loguniform, normal, lognormal, triangular, pert, beta, discrete'],
  ])('%s → %s', (name, hint) => {
    expect(familyHint(name)).toBe(hint);
  });
});

describe('parameterHint', () => {
  const { normal, lognormal, uniform, discrete } = {
    normal: FAMILY_DEFINITIONS.normal.doc,
    lognormal: FAMILY_DEFINITIONS.lognormal.doc,
    uniform: FAMILY_DEFINITIONS.uniform.doc,
    discrete: FAMILY_DEFINITIONS.discrete.doc,
  };

  it('suggests aliases and near misses, preferring names that complete the set being written', () => {
    expect(parameterHint(normal, 'stdev', ['mean', 'stdev'])).toBe('did you mean `sd`?');
    expect(parameterHint(normal, 'mu', ['mu', 'sd'])).toBe('did you mean `mean`?');
    expect(parameterHint(lognormal, 'p59', ['p5', 'p59'])).toBe('did you mean `p95`?');
    expect(parameterHint(lognormal, 'p01', ['p01', 'p90'])).toBe('did you mean `p10`?');
    expect(parameterHint(discrete, 'weight', ['values', 'weight'])).toBe('did you mean `weights`?');
  });

  it('says which families take a parameter of another family, or lists the sets', () => {
    expect(parameterHint(uniform, 'mode', ['min', 'mode', 'max'])).toBe('mode is a parameter of triangular, pert, not of uniform');
    expect(parameterHint(uniform, 'zzzz', ['zzzz'])).toBe('the parameter sets of uniform are {min, max}');
    expect(parameterHint(uniform, 'constructor', ['constructor'])).toBe('the parameter sets of uniform are {min, max}');
  });
});
