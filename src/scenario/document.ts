/**
 * A scenario document as written in a YAML or JSON file, checked for shape (not yet resolved):
 * name, description, seed, samples, step-cost model, `extends`, and an entry per named input.
 */
import { closest } from 'fastest-levenshtein';
import { SoraError, show } from '../errors.js';
import { STEP_COST_MODELS, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, isInputKey, type InputKey } from '../model/inputs.js';
import { parseSampleCount, parseSeed } from './values.js';

export interface InputEntry {
  /** The distribution as written, with `source` taken out. */
  distribution: unknown;
  /** Where the value or range comes from, if the file says. */
  source?: string;
}

export interface ScenarioDocument {
  name?: string;
  description?: string;
  extends?: string;
  seed?: string;
  samples?: number;
  stepCost?: StepCostModel;
  inputs: Partial<Record<InputKey, InputEntry>>;
}

export const DOCUMENT_KEYS = ['$schema', 'name', 'description', 'extends', 'seed', 'samples', 'stepCost', 'inputs'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(doc: Record<string, unknown>, key: string): string | undefined {
  const value = doc[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SoraError(`${key} must be a non-empty string`, { path: key, expected: 'a string', found: show(value) });
  }
  return value;
}

function unknownKey(kind: string, key: string, valid: readonly string[], path: string): SoraError {
  return new SoraError(`unknown ${kind} ${JSON.stringify(key)}`, {
    path,
    expected: `one of ${valid.join(', ')}`,
    found: JSON.stringify(key),
    hint: `did you mean ${JSON.stringify(closest(key, [...valid]))}?`,
  });
}

function parseInputEntry(key: InputKey, value: unknown): InputEntry {
  if (!isRecord(value)) return { distribution: value };
  const { source, ...distribution } = value;
  if (source !== undefined && typeof source !== 'string') {
    throw new SoraError('source must be a string citing where the value comes from', {
      path: `inputs.${key}.source`,
      expected: 'a string',
      found: show(source),
    });
  }
  return source === undefined ? { distribution } : { distribution, source };
}

/** Checks the shape of a parsed scenario document. Paths in errors are relative to the document. */
export function parseDocument(raw: unknown): ScenarioDocument {
  if (!isRecord(raw)) {
    throw new SoraError('a scenario must be a mapping of keys to values', {
      expected: `a YAML mapping or JSON object with keys ${DOCUMENT_KEYS.join(', ')}`,
      found: show(raw),
    });
  }
  for (const key of Object.keys(raw)) {
    if (!(DOCUMENT_KEYS as readonly string[]).includes(key)) throw unknownKey('scenario key', key, DOCUMENT_KEYS, key);
  }
  const doc: ScenarioDocument = { inputs: {} };
  const name = optionalString(raw, 'name');
  const description = optionalString(raw, 'description');
  const parent = optionalString(raw, 'extends');
  if (name !== undefined) doc.name = name;
  if (description !== undefined) doc.description = description;
  if (parent !== undefined) doc.extends = parent;
  if (raw.seed !== undefined) doc.seed = parseSeed(raw.seed, 'seed');
  if (raw.samples !== undefined) doc.samples = parseSampleCount(raw.samples, 'samples');
  if (raw.stepCost !== undefined) {
    if (!STEP_COST_MODELS.includes(raw.stepCost as StepCostModel)) {
      throw new SoraError('unknown step-cost model', {
        path: 'stepCost',
        expected: STEP_COST_MODELS.map((m) => JSON.stringify(m)).join(' or '),
        found: show(raw.stepCost),
      });
    }
    doc.stepCost = raw.stepCost as StepCostModel;
  }
  if (raw.inputs !== undefined) {
    if (!isRecord(raw.inputs)) {
      throw new SoraError('inputs must map input names to numbers or distributions', {
        path: 'inputs',
        expected: 'a mapping such as { soraParams: "10e9 to 30e9" }',
        found: show(raw.inputs),
      });
    }
    for (const [key, value] of Object.entries(raw.inputs)) {
      if (!isInputKey(key)) throw unknownKey('input', key, INPUT_KEYS, `inputs.${key}`);
      doc.inputs[key] = parseInputEntry(key, value);
    }
  }
  return doc;
}
