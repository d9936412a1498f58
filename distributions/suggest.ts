/**
 * Hints for misspelt names: the nearest family or parameter by Levenshtein distance, plus the
 * names people commonly write instead (`gaussian`, `stdev`, …).
 */
import { didYouMean, nearestNames } from '../src/did-you-mean.js';
import { showSets, type FamilyDoc } from './family.js';
import { FAMILY_DEFINITIONS } from './families.js';
import { FAMILIES, type Family } from './types.js';

const FAMILY_ALIASES: Readonly<Record<string, Family>> = {
  gaussian: 'normal',
  gauss: 'normal',
  'log-normal': 'lognormal',
  log_normal: 'lognormal',
  'log-uniform': 'loguniform',
  log_uniform: 'loguniform',
  reciprocal: 'loguniform',
  constant: 'fixed',
  const: 'fixed',
  point: 'fixed',
  categorical: 'discrete',
  choice: 'discrete',
  betapert: 'pert',
  'beta-pert': 'pert',
  'pert-beta': 'pert',
  triangle: 'triangular',
};

/** `did you mean \`lognormal\`?` for a near miss, else the list of families. */
export function familyHint(name: string): string {
  const lower = name.toLowerCase();
  const alias = Object.hasOwn(FAMILY_ALIASES, lower) ? FAMILY_ALIASES[lower] : undefined;
  const near = alias !== undefined ? [alias] : nearestNames(lower, FAMILIES);
  if (near.length > 0) return didYouMean(near);
  return `families: ${FAMILIES.join(', ')}`;
}

const PARAMETER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  stdev: ['sd'],
  std: ['sd'],
  stddev: ['sd'],
  sigma: ['sd'],
  mu: ['mean'],
  average: ['mean'],
  avg: ['mean'],
  minimum: ['min', 'low'],
  maximum: ['max', 'high'],
  lo: ['low', 'min'],
  hi: ['high', 'max'],
  likely: ['mode'],
  mostlikely: ['mode'],
  a: ['alpha'],
  b: ['beta'],
  weight: ['weights'],
  probabilities: ['weights'],
  p: ['weights'],
  value: ['values'],
  values: ['value'],
};

/**
 * `did you mean \`p95\`?` for a near miss (preferring names that complete a parameter set with the
 * valid parameters already given), else which families take `name`, else the family's parameter sets.
 */
export function parameterHint(doc: FamilyDoc, name: string, given: readonly string[]): string {
  const names = Object.keys(doc.parameters);
  const present = given.filter((key) => key !== name && names.includes(key));
  const completing = doc.sets
    .filter((set) => present.every((key) => set.required.includes(key) || set.optional.includes(key)))
    .flatMap((set) => [...set.required, ...set.optional])
    .filter((candidate) => !present.includes(candidate));
  const aliases = Object.hasOwn(PARAMETER_ALIASES, name.toLowerCase()) ? PARAMETER_ALIASES[name.toLowerCase()] : undefined;
  const aliased = aliases?.find((alias) => names.includes(alias));
  // Parameter names are short (p5, sd): at most 2 edits, and fewer than the name's own length.
  const near = (candidates: readonly string[]): string | undefined => nearestNames(name, candidates, Math.min(2, name.length - 1))[0];
  const suggestion = aliased ?? near(completing) ?? near(names.filter((candidate) => !present.includes(candidate)));
  if (suggestion !== undefined) return didYouMean([suggestion]);
  const owners = FAMILIES.filter((family) => Object.hasOwn(FAMILY_DEFINITIONS[family].doc.parameters, name));
  return owners.length > 0
    ? `${name} is a parameter of ${owners.join(', ')}, not of ${doc.family}`
    : `the parameter sets of ${doc.family} are ${showSets(doc)}`;
}
