/**
 * The JSON Schema of a baseline file (published as schema/baseline.schema.json; a test keeps the
 * file equal to this). A baseline is a subset of a Result, so it is built from the Result schema's
 * parts. Rules between fields (the percentile lists agree, each estimate lies in its interval, n is
 * at most the sample count, history dates parse) are checked by read.ts after the schema.
 */
import { OUTPUT_KEYS } from '../model/outputs.js';
import { count, distributionSpec, documentSchema, keyed, method, nameVersion, num, object, percentileEstimate, probability, sha256, stepCost, str, text, withOptional, type Schema } from '../result/schema.js';
import { NAME_MAX_LENGTH, ONE_LINE } from '../scenario/schema.js';
import { MAX_SAMPLES, MAX_SEED_LENGTH } from '../scenario/values.js';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION } from './baseline.js';

/**
 * The name, seed and sample count a baseline records follow the rules of a scenario file's (a name
 * is printed in check's table and the pull-request comment; a seed and a count are rerun), so a
 * hand-edited one is an error naming the baseline file and the field, before anything runs.
 */
const PLAIN_LINE = 'on one line, without control characters or bidirectional overrides';
const scenarioName: Schema = { type: 'string', maxLength: NAME_MAX_LENGTH, pattern: ONE_LINE, description: `the scenario's name: at most ${NAME_MAX_LENGTH} characters ${PLAIN_LINE}` };
const seed: Schema = { type: 'string', maxLength: MAX_SEED_LENGTH, pattern: ONE_LINE, description: `a seed of at most ${MAX_SEED_LENGTH} characters ${PLAIN_LINE}` };
const samples: Schema = { ...count(), maximum: MAX_SAMPLES, description: `a positive whole number of at most 2^53 − 1` };

export function baselineJsonSchema(): Schema {
  const source = {
    description: '{ "builtin": "<name>" } or { "path": "<scenario file relative to this baseline>" }',
    oneOf: ['builtin', 'path'].map((key) => ({ type: 'object', required: [key], properties: { [key]: text }, additionalProperties: false })),
  };
  const output = object('{ unit, label, n, percentiles }', {
    unit: str,
    label: str,
    n: count(),
    percentiles: { type: 'array', minItems: 1, items: percentileEstimate, description: 'one { p, value, lower, upper } per listed percentile' },
  });
  const digest: Schema = { type: 'string', pattern: '^[0-9a-f]{16}$', description: 'the first 16 hex digits of a sha256' };
  const history = withOptional(
    object('{ date, reason, toolVersion, engine, hash, seed, samples, digests }', {
      date: { ...text, description: 'an ISO 8601 date' },
      reason: text,
      toolVersion: text,
      engine: text,
      hash: text,
      seed: text,
      samples: count(),
    }),
    { digests: keyed('per output, the digest of its numbers as written (absent in entries of versions before digests)', OUTPUT_KEYS, digest, false) },
  );
  const correlations = object('{ inputs, rank }: the rank correlations of the scenario, when it has any', {
    inputs: { type: 'array', items: text, description: 'the correlated inputs, in catalogue order' },
    rank: { type: 'array', items: { type: 'array', items: num, description: 'a row of the matrix' }, description: 'their Spearman rank correlation matrix' },
  });
  const input = object('{ spec, description }', { spec: distributionSpec, description: str });
  return documentSchema('baseline', 'A sora-mc percentile baseline: what `sora-mc check` compares a rerun against.', {
    format: { const: BASELINE_FORMAT, description: JSON.stringify(BASELINE_FORMAT) },
    formatVersion: { const: BASELINE_FORMAT_VERSION, description: String(BASELINE_FORMAT_VERSION) },
    scenario: withOptional(
      object('{ source, name, hash, stepCost, inputs, correlations }', {
        source,
        name: scenarioName,
        hash: sha256,
        stepCost,
        inputs: { type: 'object', description: 'each input’s { spec, description }', additionalProperties: input },
      }),
      { correlations },
    ),
    run: object('{ seed, samples, sampling, generator, engine, tool }', { seed, samples, sampling: text, generator: nameVersion, engine: text, tool: nameVersion }),
    method,
    percentiles: { type: 'array', minItems: 1, items: probability, description: 'a non-empty list of probabilities in (0, 1), increasing' },
    outputs: keyed('per output { unit, label, n, percentiles }: every output (an output deleted by hand is an error, not a pass)', OUTPUT_KEYS, output, true),
    history: { type: 'array', items: history, description: 'a list of { date, reason, toolVersion, engine, hash, seed, samples, digests }' },
  });
}
