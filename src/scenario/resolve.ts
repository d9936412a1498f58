/**
 * Resolving a scenario: follow `extends`, let each file's inputs override its parent's, fill the
 * inputs no file names with their article values, compile every distribution, and check that each
 * stays inside its input's domain. The result is the ResolvedScenario every Result carries.
 */
import { basename, dirname, extname } from 'node:path';
import { compileDistribution, LARGEST_U, SMALLEST_U, type Distribution } from '../../distributions/index.js';
import { SoraError } from '../errors.js';
import { display } from '../paths.js';
import { significant } from '../format.js';
import type { StepCostModel } from '../model/compute.js';
import { allowedValues, describeDomain, inDomain, INPUT_KEYS, INPUTS, type InputKey } from '../model/inputs.js';
import type { InputAssumption, ResolvedScenario } from './types.js';
import { parseDocument, type InputEntry, type ScenarioDocument } from './document.js';
import { locateScenario, readScenarioFile } from './files.js';
import { assumptionHash } from './hash.js';
import { resolveCorrelations } from './correlations.js';

/** A scenario ready to run: its resolved assumptions plus the seed and sample count it asks for. */
export interface Scenario {
  resolved: ResolvedScenario;
  seed: string;
  samples: number;
}

export const DEFAULT_SEED = '1';
export const DEFAULT_SAMPLES = 100_000;
const DEFAULT_STEP_COST: StepCostModel = 'article';

interface Layer {
  doc: ScenarioDocument;
  file: string;
  origin: string;
}

/** The most files an `extends` chain may hold, the named scenario and the built-in it may end in included. */
export const MAX_EXTENDS_DEPTH = 32;

/** The chain of documents from the named scenario up through its `extends`, child first. */
function loadChain(ref: string, from: string | undefined, seen: string[]): Layer[] {
  const { file, origin } = locateScenario(ref, from);
  if (seen.length >= MAX_EXTENDS_DEPTH) {
    const names = [...seen, file].map((f) => display(f));
    throw new SoraError('the chain of extends is too deep', {
      file: seen[0],
      path: 'extends',
      expected: `a chain of at most ${MAX_EXTENDS_DEPTH} scenario files`,
      found: `more than ${MAX_EXTENDS_DEPTH}: ${[...names.slice(0, 3), '…', ...names.slice(-2)].join(' → ')}`,
    });
  }
  if (seen.includes(file)) {
    throw new SoraError('scenarios extend each other in a cycle', {
      file,
      path: 'extends',
      found: [...seen, file].join(' → '),
      expected: 'a chain of extends that ends',
    });
  }
  let doc: ScenarioDocument;
  try {
    doc = parseDocument(readScenarioFile(file));
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(file) : error;
  }
  const layer = { doc, file, origin };
  if (doc.extends === undefined) return [layer];
  try {
    return [layer, ...loadChain(doc.extends, dirname(file), [...seen, file])];
  } catch (error) {
    throw error instanceof SoraError && error.details.file === undefined ? error.inFile(file) : error;
  }
}


function checkDomain(key: InputKey, distribution: Distribution, stepCost: StepCostModel): void {
  const spec = INPUTS[key];
  const lowest = distribution.quantile(SMALLEST_U);
  const highest = distribution.quantile(LARGEST_U);
  for (const [value, side] of [[lowest, 'below'], [highest, 'above']] as const) {
    if (inDomain(value, spec.domain)) continue;
    const bounded = spec.domain.max !== Infinity;
    const reached = significant(value, 4);
    throw new SoraError(`this distribution can produce ${reached}, outside what ${key} allows`, {
      path: `inputs.${key}`,
      expected: allowedValues(key),
      found: `${distribution.describe()}, which reaches ${reached} ${side === 'below' ? 'at its low end' : 'at its high end'}`,
      hint: bounded
        ? `truncate it (truncate: [${spec.domain.min}, ${spec.domain.max}]) or use a bounded family: beta, pert, triangular or uniform`
        : `truncate it (truncate: [${spec.domain.minOpen ? 'a positive minimum' : spec.domain.min}, null]) or use a positive family: lognormal or loguniform`,
    });
  }
  if (spec.transformerOnly && stepCost !== 'transformer' && distribution.family !== 'fixed') {
    throw new SoraError(`${key} is read only by the transformer step-cost model`, {
      path: `inputs.${key}`,
      expected: 'stepCost: transformer, or no distribution for this input',
      found: `stepCost: ${stepCost}`,
    });
  }
}

function assume(key: InputKey, entry: InputEntry | undefined, stepCost: StepCostModel): [InputAssumption, Distribution] {
  const written = entry ? entry.distribution : INPUTS[key].article;
  let distribution: Distribution;
  try {
    distribution = compileDistribution(written);
  } catch (error) {
    throw error instanceof SoraError ? error.under(`inputs.${key}`) : error;
  }
  checkDomain(key, distribution, stepCost);
  const assumption: InputAssumption = {
    spec: distribution.spec,
    description: distribution.describe(),
    source: entry?.source ?? (entry ? 'scenario' : 'article'),
    ...(entry?.basis ? { basis: entry.basis } : {}),
    p10: distribution.quantile(0.1),
    p50: distribution.quantile(0.5),
    p90: distribution.quantile(0.9),
  };
  return [assumption, distribution];
}

/**
 * The checks loadScenario makes, for a scenario built by hand (library use): every input's spec
 * compiles and stays inside its input's domain, the step-cost model is known. simulate() calls it,
 * so no Scenario reaches the workers unchecked.
 */
export function checkResolvedScenario(resolved: ResolvedScenario): void {
  const stepCost = resolved.stepCost;
  for (const key of INPUT_KEYS) {
    const assumption = (resolved.inputs as Partial<Record<InputKey, InputAssumption>>)[key];
    if (!assumption) throw new SoraError(`the scenario has no entry for input ${key}`, { path: `inputs.${key}`, expected: 'every input of the model', found: 'nothing' });
    let distribution: Distribution;
    try {
      distribution = compileDistribution(assumption.spec);
    } catch (error) {
      throw error instanceof SoraError ? error.under(`inputs.${key}`) : error;
    }
    checkDomain(key, distribution, stepCost);
  }
  const correlations = resolved.correlations;
  if (correlations) {
    // A hand-built matrix gets the checks a file's gets; the copula's normal-score matrix must be the rank one's.
    const uncertain = new Set(INPUT_KEYS.filter((key) => resolved.inputs[key].spec.dist !== 'fixed'));
    const again = resolveCorrelations({ inputs: correlations.inputs, matrix: correlations.rank }, uncertain);
    const same = again !== undefined && again.inputs.join() === correlations.inputs.join() &&
      again.normal.every((row, i) => row.every((x, j) => Math.abs(x - (correlations.normal[i]?.[j] ?? NaN)) <= 1e-12));
    if (!same) {
      throw new SoraError('the resolved correlations do not match their rank matrix', {
        path: 'correlations.normal',
        expected: '2 sin(π ρ / 6) of each rank correlation, inputs in catalogue order',
        found: 'a different matrix',
      });
    }
  }
}

/** An already resolved record of a scenario's assumptions (what a baseline keeps): specs by input, correlations by rank. */
export interface RecordedAssumptions {
  name: string;
  origin: string;
  stepCost: StepCostModel;
  inputs: Readonly<Record<string, { spec: unknown } | undefined>>;
  correlations?: { inputs: readonly string[]; rank: readonly (readonly number[])[] } | undefined;
}

/**
 * The scenario a record describes, resolved as a file's would be: every recorded spec compiled and
 * checked against its input's domain, inputs it does not record at their article values, its rank
 * correlations resolved again. Its hash is recomputed, so a caller can compare it with the record's.
 */
export function scenarioFromRecord(record: RecordedAssumptions, seed: string, samples: number): Scenario {
  const inputs = {} as Record<InputKey, InputAssumption>;
  for (const key of INPUT_KEYS) {
    const recorded = record.inputs[key];
    [inputs[key]] = assume(key, recorded ? { distribution: recorded.spec, source: 'recorded' } : undefined, record.stepCost);
  }
  const uncertain = new Set(INPUT_KEYS.filter((key) => inputs[key].spec.dist !== 'fixed'));
  const correlations = record.correlations ? resolveCorrelations({ inputs: record.correlations.inputs, matrix: record.correlations.rank }, uncertain) : undefined;
  return {
    resolved: {
      name: record.name,
      description: '',
      origin: record.origin,
      hash: assumptionHash(record.stepCost, inputs, correlations),
      stepCost: record.stepCost,
      inputs,
      ...(correlations ? { correlations } : {}),
    },
    seed,
    samples,
  };
}

export interface LoadOptions {
  /** Folder a relative path is read from (default: the working directory). */
  from?: string;
}

/**
 * One document for a chain: the named file's name and description, the nearest file's seed, sample
 * count, step-cost model and correlations (whole), and each input's entry from the nearest file that
 * names it.
 */
function flatten(chain: readonly Layer[]): ScenarioDocument {
  const pick = <K extends keyof ScenarioDocument>(key: K): ScenarioDocument[K] | undefined =>
    chain.find((layer) => layer.doc[key] !== undefined)?.doc[key];
  const inputs: Partial<Record<InputKey, InputEntry>> = {};
  for (const layer of [...chain].reverse()) Object.assign(inputs, layer.doc.inputs);
  const { name, description } = chain[0]!.doc;
  const nearest = { seed: pick('seed'), samples: pick('samples'), stepCost: pick('stepCost'), correlations: pick('correlations') };
  return {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...Object.fromEntries(Object.entries(nearest).filter(([, value]) => value !== undefined)),
    inputs,
  };
}

/**
 * A scenario as its files write it, with `extends` followed and flattened into one document (no
 * `extends`): what `sora-mc init` writes out. Every value is as written (`p5`/`p95`, `"10B to
 * 30B"`), checked for shape but not resolved.
 */
export function writtenScenario(ref: string, options: LoadOptions = {}): { document: ScenarioDocument; origin: string } {
  const chain = loadChain(ref, options.from, []);
  return { document: flatten(chain), origin: chain[0]!.origin };
}

/** Loads a built-in scenario by name, or a scenario file by path, and resolves it. */
export function loadScenario(ref: string, options: LoadOptions = {}): Scenario {
  const chain = loadChain(ref, options.from, []);
  const written = flatten(chain);
  const first = chain[0]!;
  const stepCost = written.stepCost ?? DEFAULT_STEP_COST;
  const entries = written.inputs;

  const inputs = {} as Record<InputKey, InputAssumption>;
  for (const key of INPUT_KEYS) {
    try {
      [inputs[key]] = assume(key, entries[key], stepCost);
    } catch (error) {
      // Name the file that wrote this input.
      const writer = chain.find((layer) => layer.doc.inputs[key] !== undefined) ?? first;
      throw error instanceof SoraError ? error.inFile(writer.file) : error;
    }
  }
  // Correlations are the nearest file's, whole (a child's list replaces its parent's).
  const correlationsWriter = chain.find((layer) => layer.doc.correlations !== undefined);
  let correlations: ReturnType<typeof resolveCorrelations>;
  try {
    const uncertain = new Set(INPUT_KEYS.filter((key) => inputs[key].spec.dist !== 'fixed'));
    correlations = resolveCorrelations(correlationsWriter?.doc.correlations, uncertain);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(correlationsWriter!.file) : error;
  }
  return {
    resolved: {
      // Name and description are the named file's own: a child that extends "mission" is not "mission".
      name: first.doc.name ?? basename(first.file, extname(first.file)),
      description: first.doc.description ?? (first.doc.extends ? `extends ${first.doc.extends}` : ''),
      origin: first.origin,
      hash: assumptionHash(stepCost, inputs, correlations),
      stepCost,
      inputs,
      ...(correlations ? { correlations } : {}),
    },
    seed: written.seed ?? DEFAULT_SEED,
    samples: written.samples ?? DEFAULT_SAMPLES,
  };
}
