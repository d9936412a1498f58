/**
 * The JSON Schema of scenario files, generated from the input catalogue and the distribution
 * families so it cannot drift from the validator. It is published as schema/scenario.schema.json
 * (a test keeps that file equal to this) for editors to complete and check scenario files; the
 * validator (document.ts, resolve.ts) remains the authority on rules between values.
 */
import { distributionJsonSchema } from '../../distributions/index.js';
import { STEP_COST_MODELS } from '../model/compute.js';
import { describeDomain, INPUT_KEYS, INPUTS } from '../model/inputs.js';
import { INPUT_BASES } from './types.js';
import { MAX_SAMPLES } from './values.js';

type Schema = Record<string, unknown>;

/**
 * Limits on the strings that reach charts, SVG, terminals and Markdown: a length, and no control
 * characters, bidirectional overrides or noncharacters (the characters src/io/printable.ts escapes).
 * A name is drawn in chart titles, so it is short; a 1,000-character name made 16,552-px PNGs.
 */
export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const SOURCE_MAX_LENGTH = 500;
const BANNED = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufdd0-\\ufdef\\ufffe\\uffff';
/** One line of text with something in it: no tab or newline either. */
export const ONE_LINE = `^[^\\t\\n${BANNED}]*[^\\s${BANNED}][^\\t\\n${BANNED}]*$`;
/** Text with something in it; tabs and newlines allowed. */
const TEXT = `^[^${BANNED}]*[^\\s${BANNED}][^${BANNED}]*$`;
const PLAIN = 'without control characters or bidirectional overrides';

const SOURCE = { type: 'string', maxLength: SOURCE_MAX_LENGTH, pattern: ONE_LINE, description: `where this value or range comes from (shown in reports): one line of at most ${SOURCE_MAX_LENGTH} characters, ${PLAIN}` };

const BASIS = { enum: [...INPUT_BASES], description: 'how the range was reached: fitted (by sora-mc calibrate, from the calibration set) or judgement (no published figure pins it); leave it out for a range read from its source' };

/** The distribution schema's object branches, each also allowing `source` and `basis`. */
function withSource(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withSource);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withSource(v)])) as Schema;
  if (copy.type === 'object' && typeof copy.properties === 'object' && copy.additionalProperties === false) {
    copy.properties = { ...(copy.properties as Schema), source: SOURCE, basis: BASIS };
  }
  return copy;
}

const CORRELATIONS_DESCRIPTION =
  'Spearman rank correlations between uncertain inputs, applied through a Gaussian copula (each input keeps its distribution): a list of { between: [a, b], rank: ρ }, or { inputs: [a, b, …], matrix: [[1, ρ, …], …] }; inputs not named are independent';

/** The correlations property (checked in full, with reasons, by correlations.ts). */
function correlationsSchema(): Schema {
  const input = { enum: [...INPUT_KEYS] };
  const rank = { type: 'number', minimum: -1, maximum: 1 };
  return {
    description: CORRELATIONS_DESCRIPTION,
    oneOf: [
      {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['between', 'rank'],
          properties: { between: { type: 'array', items: input, minItems: 2, maxItems: 2 }, rank },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['inputs', 'matrix'],
        properties: { inputs: { type: 'array', items: input, minItems: 2, uniqueItems: true }, matrix: { type: 'array', items: { type: 'array', items: rank } } },
      },
    ],
  };
}

/**
 * @param shapeOnly the schema a scenario file is first checked against (document.ts): inputs may
 *   hold anything (compileDistribution checks distributions, with hints a schema cannot give), and
 *   a seed or sample count may be a string (`"1e6"`), parsed afterwards.
 */
export function scenarioJsonSchema({ shapeOnly = false } = {}): Schema {
  const distribution = withSource(distributionJsonSchema) as Schema;
  const { definitions, $schema: _draft, $id: _id, title: _title, ...distributionRoot } = distribution;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sora-mc.invalid/schema/scenario.json',
    title: 'sora-mc scenario',
    description: 'A sora-mc scenario: every uncertain input of the Sora compute model as a distribution.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', maxLength: NAME_MAX_LENGTH, pattern: ONE_LINE, description: `a non-empty name of at most ${NAME_MAX_LENGTH} characters on one line, ${PLAIN} (shown in reports and charts)` },
      description: { type: 'string', maxLength: DESCRIPTION_MAX_LENGTH, pattern: TEXT, description: `a non-empty string of at most ${DESCRIPTION_MAX_LENGTH} characters, ${PLAIN}: what the scenario assumes, in a sentence or two` },
      extends: { type: 'string', pattern: '\\S', description: 'a built-in scenario name or a path relative to this file; its inputs are the defaults' },
      seed: { type: ['integer', 'string'], description: 'a whole number or a string (the same seed gives the same result)' },
      samples: shapeOnly
        ? { type: ['integer', 'string'], description: 'number of Monte Carlo samples' }
        : { type: 'integer', minimum: 1, maximum: MAX_SAMPLES, description: 'number of Monte Carlo samples' },
      stepCost: { enum: [...STEP_COST_MODELS], description: 'article: linear in latent frames; transformer: attention-aware' },
      correlations: shapeOnly ? { description: CORRELATIONS_DESCRIPTION } : correlationsSchema(),
      inputs: {
        type: 'object',
        additionalProperties: false,
        description: 'a mapping of input names to numbers or distributions (inputs not named keep their article value)',
        properties: Object.fromEntries(
          INPUT_KEYS.map((key) => {
            const spec = INPUTS[key];
            return [
              key,
              {
                description: `${spec.description} [${spec.unit}; article ${spec.article}; allowed ${describeDomain(spec.domain)}]`,
                ...(shapeOnly ? {} : { $ref: '#/definitions/distribution' }),
              },
            ];
          }),
        ),
      },
    },
    ...(shapeOnly ? {} : { definitions: { ...(definitions as Schema), distribution: distributionRoot } }),
  };
}
