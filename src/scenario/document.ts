/**
 * A scenario document as written in a YAML or JSON file, checked for shape (not yet resolved)
 * against the shape-only scenario schema (schema.ts): name, description, seed, samples, step-cost
 * model, `extends`, and an entry per named input (its distribution is checked when it is compiled).
 */
import { SoraError, show } from '../errors.js';
import type { StepCostModel } from '../model/compute.js';
import type { InputKey } from '../model/inputs.js';
import { validate } from '../validate.js';
import { ONE_LINE, scenarioJsonSchema, SOURCE_MAX_LENGTH } from './schema.js';
import { INPUT_BASES, type InputBasis } from './types.js';

const SOURCE_LINE = new RegExp(ONE_LINE, 'u');
import { parseSampleCount, parseSeed } from './values.js';

export interface InputEntry {
  /** The distribution as written, with `source` taken out. */
  distribution: unknown;
  /** Where the value or range comes from, if the file says. */
  source?: string;
  /** How the range was reached, if the file says (fitted or judgement). */
  basis?: InputBasis;
}

export interface ScenarioDocument {
  name?: string;
  description?: string;
  extends?: string;
  seed?: string;
  samples?: number;
  stepCost?: StepCostModel;
  inputs: Partial<Record<InputKey, InputEntry>>;
  /** Rank correlations as written (pairs or a matrix); checked when resolved (correlations.ts). */
  correlations?: unknown;
}

type Written = Omit<ScenarioDocument, 'seed' | 'samples' | 'inputs'> & { seed?: unknown; samples?: unknown; inputs?: Record<string, unknown> };

const shape = scenarioJsonSchema({ shapeOnly: true });

function parseInputEntry(key: string, value: unknown): InputEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { distribution: value };
  const { source, basis, ...distribution } = value as Record<string, unknown>;
  if (basis !== undefined && !(INPUT_BASES as readonly unknown[]).includes(basis)) {
    throw new SoraError('basis names how a range was reached', { path: `inputs.${key}.basis`, expected: INPUT_BASES.join(' or '), found: show(basis) });
  }
  if (source !== undefined && typeof source !== 'string') {
    throw new SoraError('source must be a string citing where the value comes from', { path: `inputs.${key}.source`, expected: 'a string', found: show(source) });
  }
  if (source !== undefined && (source.length > SOURCE_MAX_LENGTH || !SOURCE_LINE.test(source))) {
    throw new SoraError('source must be one line of plain text', {
      path: `inputs.${key}.source`,
      expected: `at most ${SOURCE_MAX_LENGTH} characters on one line, without control characters or bidirectional overrides`,
      found: show(source),
    });
  }
  return { distribution, ...(source === undefined ? {} : { source }), ...(basis === undefined ? {} : { basis: basis as InputBasis }) };
}

/** Checks the shape of a parsed scenario document. Paths in errors are relative to the document. */
export function parseDocument(raw: unknown): ScenarioDocument {
  const { $schema: _schema, seed, samples, inputs, ...written } = validate<Written & { $schema?: string }>(shape, raw);
  return {
    ...written,
    ...(seed === undefined ? {} : { seed: parseSeed(seed, 'seed') }),
    ...(samples === undefined ? {} : { samples: parseSampleCount(samples, 'samples') }),
    inputs: Object.fromEntries(Object.entries(inputs ?? {}).map(([key, value]) => [key, parseInputEntry(key, value)])),
  };
}
