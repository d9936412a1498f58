/**
 * The JSON Schema of a Result (published as schema/result.schema.json; a test keeps the file equal
 * to this), generated from the catalogues so it cannot drift from the code. `readResult` validates
 * with it; users can validate Results in their own pipelines. Its parts are reused by the baseline
 * schema (a baseline is a subset of a Result).
 */
import { FAMILIES } from '../../distributions/types.js';
import { STEP_COST_MODELS } from '../model/compute.js';
import { INPUT_KEYS } from '../model/inputs.js';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION } from './types.js';

export type Schema = Record<string, unknown>;

export const text = (description: string): Schema => ({ type: 'string', pattern: '\\S', description });
export const number = (description: string): Schema => ({ type: 'number', description });
export const count = (description: string, minimum = 1): Schema => ({ type: 'integer', minimum, description });
export const probability = (description: string): Schema => ({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description });
export const sha256 = (description: string): Schema => ({ type: 'string', pattern: '^[0-9a-f]{64}$', description: `${description}: a sha256 in hex (64 characters)` });
export const nameVersion = (description: string): Schema => object(description, { name: text('a name'), version: text('a version') });
export const stepCost: Schema = { enum: [...STEP_COST_MODELS], description: `the step-cost model: ${STEP_COST_MODELS.join(' or ')}` };
export const distributionSpec: Schema = {
  type: 'object',
  required: ['dist'],
  properties: { dist: { enum: [...FAMILIES], description: 'a distribution family' } },
  description: 'the distribution’s canonical parameters { dist, ... }',
};

/** An object whose every listed property is required. */
export function object(description: string, properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', description, required: Object.keys(properties), properties, ...extra };
}

/** A mapping with exactly the keys `keys` (or at most them, when `required` is false), each valued by `item`. */
export function keyed(description: string, keys: readonly string[], item: Schema, required = true): Schema {
  return {
    type: 'object',
    description,
    ...(required ? { required: [...keys] } : {}),
    properties: Object.fromEntries(keys.map((key) => [key, item])),
    additionalProperties: false,
  };
}

export const percentileEstimate: Schema = object('{ p, value, lower, upper } with finite numbers', {
  p: probability('the probability, e.g. 0.1 for P10'),
  value: number('the sample quantile'),
  lower: number('lower end of its confidence interval'),
  upper: number('upper end of its confidence interval'),
});

export const method: Schema = object('{ quantile, interval, confidence }', {
  quantile: text('the quantile definition'),
  interval: text('the interval method'),
  confidence: probability('the confidence level of the intervals, between 0 and 1'),
});

export function resultJsonSchema(): Schema {
  const input = object('one input as the scenario resolved it', {
    spec: distributionSpec,
    description: { type: 'string', description: 'the distribution in words' },
    source: { type: 'string', description: 'where the range comes from' },
    p10: number('the input’s 10th percentile'),
    p50: number('the input’s median'),
    p90: number('the input’s 90th percentile'),
  });
  const output = object('the statistics of one output', {
    unit: { type: 'string', description: 'the unit' },
    label: { type: 'string', description: 'a short name' },
    n: count('samples in the statistics', 0),
    nonFinite: count('samples that were not finite', 0),
    mean: number('the mean'),
    sd: number('the sample standard deviation'),
    min: number('the smallest sample'),
    max: number('the largest sample'),
    percentiles: { type: 'array', items: percentileEstimate, description: 'a list of { p, value, lower, upper }' },
    histogram: object('the chart histogram', {
      scale: { enum: ['log', 'linear'], description: 'log or linear' },
      bins: { type: 'array', items: object('one bin', { x0: number('left edge'), x1: number('right edge'), count: count('samples in it', 0) }), description: 'the bins' },
    }),
  });
  const tornadoBar = object('one input moved from its P10 to its P90', {
    input: { enum: [...INPUT_KEYS], description: 'an input of the catalogue' },
    inputLow: number('the input’s P10'),
    inputHigh: number('the input’s P90'),
    outputs: keyed('the outputs it moves', OUTPUT_KEYS, object('the output at the input’s P10 and P90', { atLow: number('at P10'), atHigh: number('at P90') }), false),
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sora-mc.invalid/schema/result.json',
    title: 'sora-mc result',
    ...object('A sora-mc Result: the resolved scenario, how the sample was drawn, and every output’s statistics.', {
      format: { const: RESULT_FORMAT, description: JSON.stringify(RESULT_FORMAT) },
      formatVersion: { const: RESULT_FORMAT_VERSION, description: String(RESULT_FORMAT_VERSION) },
      tool: nameVersion('the tool that wrote it'),
      scenario: object('the resolved scenario', {
        name: text('the scenario’s name'),
        description: { type: 'string', description: 'what it assumes' },
        origin: text('builtin:<name> or the file it was loaded from'),
        hash: sha256('the assumptions’ hash'),
        stepCost,
        inputs: keyed('every input of the catalogue, resolved', INPUT_KEYS, input),
      }),
      run: object('how the sample was drawn', {
        seed: text('the seed'),
        samples: count('the sample count'),
        workers: count('worker threads'),
        chunkSize: count('samples per chunk'),
        sampling: text('the sampling method'),
        generator: nameVersion('the random generator'),
        engine: text('the engine version'),
        elapsedMs: { type: 'number', minimum: 0, description: 'milliseconds taken' },
      }),
      method,
      outputs: keyed('per-output statistics', OUTPUT_KEYS, output),
      sensitivity: object('one-at-a-time sensitivity', {
        method: text('how it was computed'),
        atMedians: keyed('every output with all inputs at their medians', OUTPUT_KEYS, number('the output')),
        tornado: { type: 'array', items: tornadoBar, description: 'one bar per uncertain input' },
      }),
    }),
  };
}
