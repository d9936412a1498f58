/**
 * The JSON Schema of a Result (published as schema/result.schema.json; a test keeps the file equal
 * to this), generated from the catalogues so it cannot drift from the code. `readResult` validates
 * with it; users can validate Results in their own pipelines. Its parts are reused by the baseline
 * schema (a baseline is a subset of a Result). A field's `description` is what error messages say
 * was expected there.
 */
import { FAMILIES } from '../../distributions/types.js';
import { STEP_COST_MODELS } from '../model/compute.js';
import { INPUT_KEYS } from '../model/inputs.js';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION } from './types.js';
import { INPUT_BASES } from '../scenario/types.js';

export type Schema = Record<string, unknown>;

export const str: Schema = { type: 'string', description: 'a string' };
export const text: Schema = { type: 'string', pattern: '\\S', description: 'a non-empty string' };
export const num: Schema = { type: 'number', description: 'a finite number' };
export const count = (minimum = 1): Schema => ({ type: 'integer', minimum, description: minimum === 1 ? 'a positive whole number' : 'a whole number ≥ 0' });
export const probability: Schema = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'a probability in (0, 1)' };
export const sha256: Schema = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'a sha256 in hex (64 characters)' };
export const stepCost: Schema = { enum: [...STEP_COST_MODELS], description: `one of ${STEP_COST_MODELS.join(', ')}` };
export const distributionSpec: Schema = {
  type: 'object',
  required: ['dist'],
  properties: { dist: { enum: [...FAMILIES], description: `a distribution family: ${FAMILIES.join(', ')}` } },
  description: 'the distribution’s canonical parameters { dist, ... }',
};

/** An object whose every listed property is required (other properties are allowed). */
export function object(description: string, properties: Record<string, Schema>): Schema {
  return { type: 'object', description, required: Object.keys(properties), properties };
}

/** `schema` (an object schema) with more properties that may be absent. */
export function withOptional(schema: Schema, properties: Record<string, Schema>): Schema {
  return { ...schema, properties: { ...(schema.properties as Record<string, Schema>), ...properties } };
}

/** A mapping of exactly the keys `keys` (with `all` false: some of them), each valued by `item`. */
export function keyed(description: string, keys: readonly string[], item: Schema, all = true): Schema {
  const properties = Object.fromEntries(keys.map((key) => [key, item]));
  return { type: 'object', description, ...(all ? { required: [...keys] } : {}), properties, additionalProperties: false };
}

/** A published document schema (draft-07): schema/<kind>.schema.json. */
export function documentSchema(kind: string, description: string, properties: Record<string, Schema>): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://sora-mc.invalid/schema/${kind}.json`,
    title: `sora-mc ${kind}`,
    ...object(description, properties),
  };
}

export const nameVersion: Schema = object('{ name, version }', { name: text, version: text });
const estimate = object('{ p, value, lower, upper } with finite numbers (and coverage, when the interval falls short of the confidence)', { p: probability, value: num, lower: num, upper: num });
export const percentileEstimate: Schema = {
  ...estimate,
  properties: {
    ...(estimate.properties as Record<string, Schema>),
    coverage: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'the real coverage of an interval that falls short of the stated confidence (too few samples)' },
  },
};
export const method: Schema = object('{ quantile, interval, confidence }', { quantile: text, interval: text, confidence: probability });

export function resultJsonSchema(): Schema {
  const input = withOptional(object('{ spec, description, source, p10, p50, p90 } (and basis, when the scenario gives one)', { spec: distributionSpec, description: str, source: str, p10: num, p50: num, p90: num }), {
    basis: { enum: [...INPUT_BASES], description: 'how the range was reached: fitted from the calibration set, or judgement' },
  });
  const bin = object('{ x0, x1, count }', { x0: num, x1: num, count: count(0) });
  const output = object('{ unit, label, n, nonFinite, mean, sd, min, max, percentiles, histogram }', {
    unit: str,
    label: str,
    n: count(0),
    nonFinite: count(0),
    mean: num,
    sd: num,
    min: num,
    max: num,
    percentiles: { type: 'array', items: percentileEstimate, description: 'a list of { p, value, lower, upper }' },
    histogram: object('{ scale, bins }', { scale: { enum: ['log', 'linear'], description: 'log or linear' }, bins: { type: 'array', items: bin, description: 'a list of bins' } }),
  });
  const swing = object('{ atLow, atHigh }', { atLow: num, atHigh: num });
  const bar = object('{ input, inputLow, inputHigh, outputs }', {
    input: { enum: [...INPUT_KEYS], description: 'an input of the catalogue' },
    inputLow: num,
    inputHigh: num,
    outputs: keyed('the headline outputs its deciles move: their medians given its bottom and top decile', OUTPUT_KEYS, swing, false),
  });
  return documentSchema('result', 'A sora-mc Result: the resolved scenario, how the sample was drawn, and every output’s statistics.', {
    format: { const: RESULT_FORMAT, description: JSON.stringify(RESULT_FORMAT) },
    formatVersion: { const: RESULT_FORMAT_VERSION, description: String(RESULT_FORMAT_VERSION) },
    tool: nameVersion,
    scenario: object('{ name, description, origin, hash, stepCost, inputs }', {
      name: text,
      description: str,
      origin: text,
      hash: sha256,
      stepCost,
      inputs: keyed('every input of the catalogue, resolved', INPUT_KEYS, input),
    }),
    run: withOptional(object('{ seed, samples, workers, chunkSize, sampling, generator, engine, elapsedMs }', {
      seed: text,
      samples: count(),
      workers: count(),
      chunkSize: count(),
      sampling: text,
      generator: nameVersion,
      engine: text,
      elapsedMs: { type: 'number', minimum: 0, description: 'milliseconds ≥ 0' },
    }), {
      // Only a scrambled-sobol run has replicates (src/simulate/replicates.ts).
      replicates: { type: 'integer', minimum: 2, description: 'with scrambled-sobol: the number of independent scrambles, a whole number ≥ 2' },
    }),
    method,
    outputs: keyed('the statistics of every output', OUTPUT_KEYS, output),
    sensitivity: object('{ method, resolution, tornado }', {
      method: text,
      resolution: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'the relative resolution of the conditional medians, in (0, 1]' },
      tornado: { type: 'array', items: bar, description: 'one bar per uncertain input' },
    }),
  });
}
