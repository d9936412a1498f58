/**
 * distributionJsonSchema: a JSON Schema (draft-07, the draft editors support best) of every
 * DistributionInput form, generated from the family table so it cannot drift from the validator.
 * It checks shapes and single-parameter domains; rules between parameters (p5 < p95,
 * min ≤ mode ≤ max, …) are in each branch's description and enforced by compileDistribution.
 */
import { DOMAIN_TEXT, showSet, type Domain, type FamilyDoc, type ParameterDoc } from './family.js';
import { FAMILY_DOCS } from './families.js';
import { FAMILIES } from './types.js';

type Schema = { readonly [keyword: string]: unknown };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[kMBT]?`;

/** The pattern of the `"a to b"` shorthand (also checked by compileDistribution: 0 < a < b). */
export const RANGE_PATTERN = String.raw`^\s*${NUMBER}\s+[Tt][Oo]\s+${NUMBER}\s*$`;

const DOMAIN_SCHEMA: Readonly<Record<Domain, Schema>> = {
  real: { type: 'number' },
  positive: { type: 'number', exclusiveMinimum: 0 },
  nonnegative: { type: 'number', minimum: 0 },
  'open-unit': { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
  'real-list': { type: 'array', items: { type: 'number' }, minItems: 1 },
  'weight-list': { type: 'array', items: { type: 'number', minimum: 0 } },
};

function parameterSchema(parameter: ParameterDoc): Schema {
  return {
    ...DOMAIN_SCHEMA[parameter.domain],
    description: `${parameter.description} (${DOMAIN_TEXT[parameter.domain]})`,
    ...(parameter.default === undefined ? {} : { default: parameter.default }),
  };
}

/** One closed object schema per parameter set of the family. */
function familySchema(doc: FamilyDoc): Schema {
  const branches = doc.sets.map((set) => {
    const names = [...set.required, ...set.optional];
    const rules = set.constraints.length > 0 ? `; requires ${set.constraints.join(', ')}` : '';
    return {
      type: 'object',
      description: `${doc.family} ${showSet(set)}: ${set.description}${rules}`,
      required: ['dist', ...set.required],
      properties: {
        dist: { const: doc.family },
        ...Object.fromEntries(names.map((name) => [name, parameterSchema(doc.parameters[name]!)])),
        truncate: { $ref: '#/definitions/truncate' },
      },
      additionalProperties: false,
    };
  });
  return branches.length === 1 ? branches[0]! : { description: doc.summary, oneOf: branches };
}

/**
 * The JSON Schema of a DistributionInput: a number (fixed), a string "a to b" (lognormal, 90%
 * in [a, b]), or an object `{ dist, ...one parameter set, truncate? }`. Use it as
 * `{ "$ref": ".../distribution.schema.json" }` for each input of a scenario schema.
 */
export const distributionJsonSchema: Schema = deepFreeze({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://sora-mc.invalid/schema/distribution.json',
  title: 'sora-mc distribution',
  description:
    'A distribution for one model input: a number (fixed), a string "a to b" (lognormal with 90% of its mass in [a, b]; suffixes k, M, B, T allowed), or an object { dist: <family>, ...parameters, truncate?: [min | null, max | null] }.',
  oneOf: [
    { type: 'number', description: 'fixed at this value' },
    {
      type: 'string',
      pattern: RANGE_PATTERN,
      description: 'lognormal with p5 = a and p95 = b, e.g. "10B to 30B" or "10e9 to 30e9"; requires 0 < a < b',
    },
    { $ref: '#/definitions/object' },
  ],
  definitions: {
    truncate: {
      type: 'array',
      description: 'keep only values in [min, max]; null for no bound on that side',
      items: [
        { type: ['number', 'null'], description: 'lower bound or null' },
        { type: ['number', 'null'], description: 'upper bound or null' },
      ],
      minItems: 2,
      maxItems: 2,
      additionalItems: false,
    },
    object: {
      type: 'object',
      required: ['dist'],
      properties: { dist: { enum: [...FAMILIES], description: 'the family of the distribution' } },
      allOf: FAMILY_DOCS.map((doc) => ({
        if: { properties: { dist: { const: doc.family } }, required: ['dist'] },
        then: { $ref: `#/definitions/${doc.family}` },
      })),
    },
    ...Object.fromEntries(FAMILY_DOCS.map((doc) => [doc.family, familySchema(doc)])),
  },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
