/** The distributions of model inputs: one family per file, each sampled through its quantile function. */
export { FAMILIES, LARGEST_U, SMALLEST_U, type Distribution, type DistributionInput, type DistributionSpec, type Family, type KernelSpec, type QuantileTable } from './types.js';
export { compileAcceptedSpec, compileDistribution } from './compile.js';
export { describeFamilies, FAMILY_DOCS, SHORTHANDS } from './families.js';
export { DOMAIN_TEXT, type Domain, type FamilyDoc, type ParameterDoc, type ParameterSet } from './family.js';
export { distributionJsonSchema, RANGE_PATTERN } from './schema.js';
export { parseQuantity, parseRange } from './shorthand.js';
export { shortNumber, shortPercent, shortRange } from '../src/format.js';
export { truncateDistribution } from './truncate.js';
export { fixedDistribution } from './fixed.js';
export { uniformDistribution, type RangeParameters } from './uniform.js';
export { loguniformDistribution } from './loguniform.js';
export {
  normalDistribution,
  normalFromQuantiles,
  standardNormalCdf,
  standardNormalQuantile,
  type NormalParameters,
} from './normal.js';
export {
  lognormalDistribution,
  lognormalFromMoments,
  lognormalFromQuantiles,
  type LognormalParameters,
} from './lognormal.js';
export { triangularDistribution, type ModeRangeParameters } from './triangular.js';
export { pertDistribution, pertShape, type PertParameters } from './pert.js';
export { betaDistribution, type BetaParameters } from './beta.js';
export { discreteDistribution, canonicalDiscrete, type DiscreteParameters } from './discrete.js';
