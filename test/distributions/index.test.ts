import { describe, expect, it } from 'vitest';
import * as distributions from '../../distributions/index.js';

describe('distributions/index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'FAMILIES',
      'compileDistribution',
      'describeFamilies',
      'FAMILY_DOCS',
      'distributionJsonSchema',
      'truncateDistribution',
      'fixedDistribution',
      'uniformDistribution',
      'loguniformDistribution',
      'normalDistribution',
      'lognormalDistribution',
      'triangularDistribution',
      'pertDistribution',
      'betaDistribution',
      'discreteDistribution',
      'standardNormalQuantile',
      'parseQuantity',
      'parseRange',
    ]) {
      expect(distributions, name).toHaveProperty(name);
    }
    expect(distributions.compileDistribution('1 to 2').family).toBe('lognormal');
  });
});
