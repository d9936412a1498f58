/**
 * What every family file declares besides its factory: its parameters, their domains, the
 * parameter sets a scenario may use, and how a matched set becomes a distribution. The table of
 * all of them (`./families.ts`) drives validation (`./compile.ts`), the docs and the JSON Schema.
 */
import { SoraError, show } from '../src/errors.js';
import type { Distribution, Family } from './types.js';
import { deepFrozen } from '../src/frozen.js';

/**
 * The domain of one parameter, checked before any family-specific rule:
 * - `real`: a finite number; `positive`: a finite number > 0; `nonnegative`: finite and ≥ 0;
 * - `open-unit`: a number strictly between 0 and 1 (a probability that cannot be 0 or 1);
 * - `real-list`: a non-empty array of finite numbers; `weight-list`: an array of finite numbers ≥ 0.
 */
export type Domain = 'real' | 'positive' | 'nonnegative' | 'open-unit' | 'real-list' | 'weight-list';

export const DOMAIN_TEXT: Readonly<Record<Domain, string>> = deepFrozen({
  real: 'a finite number',
  positive: 'a finite number > 0',
  nonnegative: 'a finite number ≥ 0',
  'open-unit': 'a number strictly between 0 and 1',
  'real-list': 'a non-empty list of finite numbers',
  'weight-list': 'a list of finite numbers ≥ 0, not all 0',
});

export interface ParameterDoc {
  readonly domain: Domain;
  readonly description: string;
  /** Value used when an optional parameter is left out. */
  readonly default?: number;
  /** Said when the value is outside its domain. */
  readonly hint?: string;
}

export interface ParameterSet {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly description: string;
  /** Rules between parameters that the domains alone do not say (for docs and the schema). */
  readonly constraints: readonly string[];
  /**
   * Builds the distribution from parameters matching this set (domains already checked, optional
   * parameters filled with their defaults); throws SoraError on cross-parameter rules.
   */
  build(parameters: CheckedParameters): Distribution;
}

export interface FamilyDoc {
  readonly family: Family;
  readonly summary: string;
  readonly parameters: Readonly<Record<string, ParameterDoc>>;
  readonly sets: readonly ParameterSet[];
  /** A valid input, for docs. */
  readonly example: { readonly dist: Family; readonly [parameter: string]: unknown };
}

/** Parameters that passed their domain checks: numbers, or arrays of numbers for `discrete`. */
export type CheckedParameters = Readonly<Record<string, number | readonly number[]>>;

export interface FamilyDefinition {
  readonly doc: FamilyDoc;
}

/** `{mean, sd}`: how a parameter set is written in messages. */
export function showSet(set: Pick<ParameterSet, 'required' | 'optional'>): string {
  const names = [...set.required, ...set.optional.map((name) => `${name}?`)];
  return `{${names.join(', ')}}`;
}

/** `{mean, sd} | {p5, p95} | …`: all parameter sets of a family. */
export function showSets(doc: FamilyDoc): string {
  return doc.sets.map(showSet).join(' | ');
}

/** A SoraError about the value at `path` (relative to the distribution); `found` is rendered with `show`. */
export function invalid(path: string, message: string, expected: string, found: unknown, hint?: string): SoraError {
  return invalidRendered(path, message, expected, show(found), hint);
}

/** As `invalid`, with `found` already rendered for people. */
export function invalidRendered(
  path: string,
  message: string,
  expected: string,
  found: string,
  hint?: string,
): SoraError {
  return new SoraError(message, { path, expected, found, ...(hint === undefined ? {} : { hint }) });
}

/** The number parameter `name` (domain already checked). */
export function numberParameter(parameters: CheckedParameters, name: string): number {
  const value = parameters[name];
  if (typeof value !== 'number') throw new TypeError(`parameter ${name} is not a number`);
  return value;
}

/** The list parameter `name` (domain already checked). */
export function listParameter(parameters: CheckedParameters, name: string): readonly number[] | undefined {
  const value = parameters[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number') throw new TypeError(`parameter ${name} is not a list`);
  return value;
}

/** Throws when `high ≤ low`, naming `highName` as the bad value. */
export function requireOrdered(low: number, high: number, lowName: string, highName: string): void {
  if (!(high > low)) {
    throw invalid(
      highName,
      `${highName} must be greater than ${lowName}`,
      `a number > ${lowName} (${show(low)})`,
      high,
      high === low ? `for a fixed value write just the number: ${show(low)}` : `swap ${lowName} and ${highName}?`,
    );
  }
}

/** Throws when `high − low` overflows to Infinity. */
export function requireFiniteWidth(low: number, high: number, highName: string): void {
  if (!Number.isFinite(high - low)) {
    throw invalid(highName, `the range is too wide to compute with`, `max − min finite (below about 1.8e308)`, high);
  }
}
