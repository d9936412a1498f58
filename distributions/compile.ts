/**
 * compileDistribution: a distribution as a scenario writes it (DistributionInput) → a validated
 * Distribution. Every bad input throws SoraError whose path is relative to the distribution
 * (`p95`, `weights.2`, `truncate.1`, or '' for the whole); the caller prefixes it (`inputs.trainMfu`).
 */
import { SoraError, show } from '../src/errors.js';
import {
  DOMAIN_TEXT,
  invalid,
  invalidRendered,
  showSet,
  showSets,
  type CheckedParameters,
  type FamilyDoc,
  type ParameterDoc,
} from './family.js';
import { FAMILY_DEFINITIONS } from './families.js';
import { fixedDistribution } from './fixed.js';
import { lognormalDistribution, lognormalFromQuantiles } from './lognormal.js';
import { parseQuantity, parseRange } from './shorthand.js';
import { familyHint, parameterHint } from './suggest.js';
import { truncateDistribution } from './truncate.js';
import { FAMILIES, LARGEST_U, type Distribution, type Family } from './types.js';

/**
 * Parses and validates one distribution:
 * - a finite number → fixed;
 * - `"a to b"` → lognormal with p5 = a, p95 = b (0 < a < b);
 * - `{ dist, ...parameters, truncate? }` → that family, from one of its parameter sets
 *   (see describeFamilies()), truncated to [min, max] when `truncate` is given.
 * compileDistribution(d.spec) rebuilds the same distribution d.
 *
 * @example compileDistribution('10B to 30B').describe() // => 'lognormal, 90% in [10B, 30B]'
 */
export function compileDistribution(input: unknown): Distribution {
  // A scenario's inputs are compiled when it is read, checked again before a run and for its
  // tornado: the same spec gives the same (frozen, pure) distribution, so the checks run once.
  const key = specKey(input);
  const known = key === undefined ? undefined : recentlyCompiled.get(key);
  if (known) return known;
  const distribution = compileUnchecked(input);
  requireFiniteQuantiles(distribution);
  requireSoundQuantiles(distribution);
  if (key !== undefined) {
    if (recentlyCompiled.size >= 256) recentlyCompiled.delete(recentlyCompiled.keys().next().value!);
    recentlyCompiled.set(key, distribution);
  }
  return distribution;
}

/**
 * Rebuilds a distribution from the spec of one that compileDistribution accepted (a sampling worker
 * rebuilding the main thread's inputs): the same distribution, without repeating the numerical checks.
 */
export function compileAcceptedSpec(spec: unknown): Distribution {
  return compileUnchecked(spec);
}

const recentlyCompiled = new Map<string, Distribution>();

/**
 * A key that tells inputs apart exactly, or undefined when JSON would blur them (non-finite numbers
 * and −0 print as null and 0, undefined fields vanish, objects with a prototype of their own or a
 * toJSON print as something else): those are compiled every time.
 */
function specKey(input: unknown): string | undefined {
  let faithful = true;
  const key = JSON.stringify(input, (_, value: unknown) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0)) faithful = false;
    } else if (typeof value === 'object' && value !== null) {
      const prototype = Object.getPrototypeOf(value);
      if ((prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) || 'toJSON' in value) faithful = false;
    } else if (typeof value !== 'string' && typeof value !== 'boolean' && value !== null) {
      faithful = false; // undefined, functions, symbols, bigints
    }
    return value;
  });
  return faithful && typeof key === 'string' ? key : undefined;
}

function compileUnchecked(input: unknown): Distribution {
  if (typeof input === 'number') return compileNumber(input);
  if (typeof input === 'string') return compileRange(input);
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return compileObject(input as Readonly<Record<string, unknown>>);
  }
  throw invalid('', 'not a distribution', FORMS, input);
}

const FORMS = 'a number, a string "a to b", or an object { dist: <family>, ...parameters }';

function compileNumber(value: number): Distribution {
  if (!Number.isFinite(value)) throw invalid('', 'a fixed value must be a finite number', 'a finite number', value);
  return fixedDistribution({ value });
}

function compileRange(text: string): Distribution {
  const range = parseRange(text);
  if (range === undefined) {
    const quantity = parseQuantity(text);
    const hint =
      quantity === undefined
        ? 'write "10B to 30B" for a lognormal with 90% in [10B, 30B], or an object such as { dist: uniform, min: 4, max: 10 }'
        : `for a fixed value write the number without quotes: ${quantity}`;
    throw invalid('', 'cannot read this distribution', '"a to b" with numbers 0 < a < b, e.g. "10e9 to 30e9" or "10B to 30B"', text, hint);
  }
  const { low, high } = range;
  const expected = '"a to b" with finite numbers 0 < a < b (a lognormal with 90% of its mass in [a, b])';
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    throw invalid('', 'the numbers of "a to b" must be finite', expected, text);
  }
  if (!(low > 0)) {
    throw invalid('', '"a to b" is a lognormal, which needs a > 0', expected, text, 'for a range that includes 0 or negative values write { dist: normal, p5: a, p95: b } or { dist: uniform, min: a, max: b }');
  }
  if (!(high > low)) {
    throw invalid('', 'in "a to b", b must be greater than a', expected, text, high === low ? `for a fixed value write the number: ${low}` : 'swap a and b?');
  }
  return lognormalDistribution(lognormalFromQuantiles(low, high, 0.95));
}

function compileObject(input: Readonly<Record<string, unknown>>): Distribution {
  const given = Object.entries(input).filter(([key, value]) => key !== 'dist' && key !== 'truncate' && value !== undefined);
  const family = resolveFamily(input.dist, given.map(([key]) => key));
  const { doc } = FAMILY_DEFINITIONS[family];
  const checked: Record<string, number | readonly number[]> = {};
  for (const [name, value] of given) {
    const parameter = Object.hasOwn(doc.parameters, name) ? doc.parameters[name] : undefined;
    if (parameter === undefined) throw unknownParameter(doc, name, given.map(([key]) => key));
    checked[name] = checkDomain(name, value, parameter);
  }
  const set = matchSet(doc, Object.keys(checked));
  for (const name of doc.sets[set]!.optional) {
    const fallback = doc.parameters[name]!.default;
    if (checked[name] === undefined && fallback !== undefined) checked[name] = fallback;
  }
  const bounds = parseTruncate(input.truncate);
  const base = doc.sets[set]!.build(checked as CheckedParameters);
  return bounds === undefined ? base : truncateDistribution(base, bounds[0], bounds[1]);
}

function resolveFamily(dist: unknown, parameterNames: readonly string[]): Family {
  const expected = `one of ${FAMILIES.join(', ')}`;
  if (dist === undefined) {
    const fitting = FAMILIES.filter((family) =>
      FAMILY_DEFINITIONS[family].doc.sets.some((set) => sameNames([...set.required], parameterNames)),
    );
    const hint =
      fitting.length > 0
        ? `{${parameterNames.join(', ')}} fits ${fitting.join(' or ')}: add e.g. dist: ${fitting[0]}`
        : `add dist: <family>, e.g. { dist: uniform, min: 4, max: 10 }`;
    throw invalidRendered('dist', 'missing "dist": which family of distribution?', expected, 'no dist', hint);
  }
  if (typeof dist !== 'string') throw invalid('dist', 'dist must be the name of a family', expected, dist);
  if ((FAMILIES as readonly string[]).includes(dist)) return dist as Family;
  throw invalid('dist', `unknown distribution family ${show(dist)}`, expected, dist, familyHint(dist));
}

function unknownParameter(doc: FamilyDoc, name: string, given: readonly string[]): SoraError {
  const expected = `one of the parameter sets ${showSets(doc)}`;
  return invalid(name, `${doc.family} has no parameter ${show(name)}`, expected, name, parameterHint(doc, name, given));
}

function checkDomain(name: string, value: unknown, parameter: ParameterDoc): number | readonly number[] {
  const expected = DOMAIN_TEXT[parameter.domain];
  if (parameter.domain === 'real-list' || parameter.domain === 'weight-list') {
    if (!Array.isArray(value)) throw invalid(name, `${name} must be a list of numbers`, expected, value, `write e.g. ${name}: [1, 2, 3]`);
    if (parameter.domain === 'real-list' && value.length === 0) throw invalid(name, `${name} must not be empty`, expected, value);
    value.forEach((item: unknown, i) => {
      const itemExpected = parameter.domain === 'weight-list' ? 'a finite number ≥ 0' : 'a finite number';
      if (typeof item !== 'number' || !Number.isFinite(item)) {
        throw invalid(`${name}.${i}`, `${name}[${i}] must be a finite number`, itemExpected, item, numberHint(item));
      }
      if (parameter.domain === 'weight-list' && item < 0) {
        throw invalid(`${name}.${i}`, 'weights must not be negative', itemExpected, item, 'a weight is a relative probability: use 0 to leave a value out');
      }
    });
    return value as number[];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(name, `${name} must be a finite number`, expected, value, numberHint(value));
  }
  const inDomain =
    parameter.domain === 'real' ||
    (parameter.domain === 'positive' && value > 0) ||
    (parameter.domain === 'nonnegative' && value >= 0) ||
    (parameter.domain === 'open-unit' && value > 0 && value < 1);
  if (!inDomain) {
    const percentHint =
      parameter.domain === 'open-unit' && value > 1 && value < 100 ? `write it as a fraction: ${value / 100} rather than ${value}` : undefined;
    throw invalid(name, `${name} must be ${expected.replace(/^a (finite )?number /, '')}`, expected, value, percentHint ?? parameter.hint);
  }
  return value;
}

function numberHint(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const quantity = parseQuantity(value);
    return quantity === undefined ? undefined : `write the number without quotes: ${quantity}`;
  }
  if (typeof value === 'number') return 'infinite and NaN values are not allowed';
  return undefined;
}

/** The index of the one parameter set that `names` fill (optional parameters may be left out). */
function matchSet(doc: FamilyDoc, names: readonly string[]): number {
  const fitting = doc.sets
    .map((set, index) => ({ set, index }))
    .filter(({ set }) => names.every((name) => set.required.includes(name) || set.optional.includes(name)));
  const complete = fitting.find(({ set }) => set.required.every((name) => names.includes(name)));
  if (complete !== undefined) return complete.index;
  const expected = `one of the parameter sets ${showSets(doc)}`;
  const found = names.length === 0 ? 'no parameters' : `{${names.join(', ')}}`;
  if (fitting.length === 0) {
    throw invalidRendered('', `${doc.family} parameters ${found} mix different parameter sets`, expected, found, 'give the parameters of exactly one set');
  }
  const best = fitting
    .map(({ set }) => set.required.filter((name) => !names.includes(name)))
    .reduce((fewest, missing) => (missing.length < fewest.length ? missing : fewest));
  if (names.length === 0) {
    throw invalidRendered('', `${doc.family} needs parameters`, expected, found, `give one parameter set, e.g. ${showSet(doc.sets[0]!)}`);
  }
  throw invalidRendered('', `${doc.family} needs ${best.join(' and ')} alongside ${names.join(' and ')}`, expected, found, `add ${best.join(', ')}`);
}

function parseTruncate(value: unknown): [number | null, number | null] | undefined {
  if (value === undefined) return undefined;
  const expected = '[min, max], either end null for no bound, e.g. [0, null]';
  if (!Array.isArray(value) || value.length !== 2) throw invalid('truncate', 'truncate must be a pair [min, max]', expected, value);
  const bounds = value.map((bound: unknown, i) => {
    if (bound === null) return null;
    if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw invalid(`truncate.${i}`, `truncate[${i}] must be a finite number or null`, 'a finite number, or null for no bound', bound, numberHint(bound));
    }
    return bound;
  });
  return [bounds[0]!, bounds[1]!];
}

/** Rejects parameters whose quantile overflows at the ends of (0, 1) (e.g. a lognormal with huge sigma). */
function requireFiniteQuantiles(distribution: Distribution): void {
  for (const u of [Number.MIN_VALUE, LARGEST_U]) {
    const value = distribution.quantile(u);
    if (!Number.isFinite(value)) {
      throw invalidRendered(
        '',
        'these parameters reach beyond the range of double-precision numbers',
        'parameters whose quantiles are finite for every u in (0, 1)',
        `${distribution.describe()}: quantile(${u}) = ${value}`,
        'reduce the spread (sd, sigma), or add truncate: [min, max]',
      );
    }
  }
}

/** Where the quantile function is probed across its whole range, not only at its two ends. */
const PROBES = [1e-12, 1e-6, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 - 1e-6, LARGEST_U];
/** Where the round trip cdf(quantile(u)) ≈ u is checked, and how closely (loose: it catches 0.1 → 0, not rounding). */
const ROUND_TRIP = [0.1, 0.25, 0.5, 0.75, 0.9];
const ROUND_TRIP_TOLERANCE = 0.01;

/**
 * Rejects parameters the numerical methods cannot follow, which would otherwise sample silently
 * wrong values: a quantile that is NaN anywhere in (0, 1), one that decreases, or one whose cdf
 * does not come back to u (a PERT with lambda 1e20 gives P10 = 0 and P90 = 1; a truncation in a
 * tail beyond double precision gives a handful of distinct values). Atomic families (discrete,
 * fixed) have steps in their cdf and skip the round trip.
 */
function requireSoundQuantiles(distribution: Distribution): void {
  const refuse = (found: string) =>
    invalidRendered(
      '',
      'these parameters are beyond what sora-mc can compute accurately',
      'parameters whose quantile function is a number, increasing, and consistent with the cdf across (0, 1)',
      `${distribution.describe()}: ${found}`,
      'use parameters of moderate size (e.g. a shape or lambda below 1e6), or a truncation interval holding more of the mass',
    );
  let previous = -Infinity;
  for (const u of PROBES) {
    const value = distribution.quantile(u);
    if (Number.isNaN(value)) throw refuse(`quantile(${u}) is NaN`);
    if (value < previous) throw refuse(`the quantile decreases at u = ${u}`);
    previous = value;
  }
  if (distribution.family === 'discrete' || distribution.family === 'fixed') return;
  for (const u of ROUND_TRIP) {
    const back = distribution.cdf(distribution.quantile(u));
    if (!(Math.abs(back - u) <= ROUND_TRIP_TOLERANCE)) throw refuse(`cdf(quantile(${u})) = ${back.toPrecision(3)}, not ${u}`);
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}
