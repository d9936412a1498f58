/**
 * The JSON Schema of a baseline file (published as schema/baseline.schema.json; a test keeps the
 * file equal to this). A baseline is a subset of a Result, so it is built from the Result schema's
 * parts. Rules between fields (the percentile lists agree, each estimate lies in its interval, n is
 * at most the sample count, history dates parse) are checked by read.ts after the schema.
 */
import { OUTPUT_KEYS } from '../model/outputs.js';
import { count, distributionSpec, keyed, method, nameVersion, object, percentileEstimate, probability, sha256, stepCost, text, type Schema } from '../result/schema.js';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION } from './baseline.js';

export function baselineJsonSchema(): Schema {
  const source = {
    description: '{ "builtin": "<name>" } or { "path": "<scenario file relative to this baseline>" }',
    oneOf: [
      { type: 'object', required: ['builtin'], properties: { builtin: text('a built-in scenario name') }, additionalProperties: false },
      { type: 'object', required: ['path'], properties: { path: text('a scenario file, relative to the baseline') }, additionalProperties: false },
    ],
  };
  const output = object('per output { unit, label, n, percentiles }', {
    unit: { type: 'string', description: 'the unit' },
    label: { type: 'string', description: 'a short name' },
    n: count('a whole number from 1 to the sample count'),
    percentiles: { type: 'array', minItems: 1, items: percentileEstimate, description: 'one { p, value, lower, upper } per listed percentile' },
  });
  const history = object('{ date, reason, toolVersion, engine, hash, seed, samples }', {
    date: text('an ISO 8601 date'),
    reason: text('why the baseline was written'),
    toolVersion: text('the tool version'),
    engine: text('the engine version'),
    hash: text('the assumptions’ hash'),
    seed: text('the seed'),
    samples: count('a positive whole number'),
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sora-mc.invalid/schema/baseline.json',
    title: 'sora-mc baseline',
    ...object('A sora-mc percentile baseline: what `sora-mc check` compares a rerun against.', {
      format: { const: BASELINE_FORMAT, description: JSON.stringify(BASELINE_FORMAT) },
      formatVersion: { const: BASELINE_FORMAT_VERSION, description: String(BASELINE_FORMAT_VERSION) },
      scenario: object('the scenario: source, name, hash, stepCost, inputs', {
        source,
        name: text('a non-empty string'),
        hash: sha256('the assumptions’ hash'),
        stepCost,
        inputs: {
          type: 'object',
          description: 'each input’s { spec, description }',
          additionalProperties: object('{ spec, description }', { spec: distributionSpec, description: { type: 'string', description: 'a string' } }),
        },
      }),
      run: object('how the sample was drawn: seed, samples, sampling, generator, engine, tool', {
        seed: text('a non-empty string'),
        samples: count('a positive whole number'),
        sampling: text('a sampling method such as "monte-carlo"'),
        generator: nameVersion('{ name, version }'),
        engine: text('an engine version such as "sora-mc-engine/2"'),
        tool: nameVersion('{ name, version }'),
      }),
      method,
      percentiles: { type: 'array', minItems: 1, items: probability('a probability in (0, 1)'), description: 'a non-empty list of probabilities in (0, 1), increasing' },
      outputs: { ...keyed('per output { unit, label, n, percentiles }', OUTPUT_KEYS, output, false), minProperties: 1 },
      history: { type: 'array', items: history, description: 'a list of { date, reason, toolVersion, engine, hash, seed, samples }' },
    }),
  };
}
