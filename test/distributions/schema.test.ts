import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../distributions/compile.js';
import { FAMILY_DOCS } from '../../distributions/families.js';
import { distributionJsonSchema } from '../../distributions/schema.js';
import { FAMILIES } from '../../distributions/types.js';

const validate = new Ajv({ strict: true, allErrors: true }).compile(distributionJsonSchema);

/** Inputs the schema must accept (each also compiles). */
const ACCEPTED: readonly unknown[] = [
  120,
  '10B to 30B',
  '10e9 to 30e9',
  '1.5k to 2M',
  { dist: 'normal', mean: 0, sd: 1 },
  { dist: 'normal', p5: 1, p95: 2, truncate: [0, null] },
  { dist: 'normal', low: 1, high: 2, level: 0.8 },
  { dist: 'lognormal', mean: 10, sd: 3, truncate: [null, 30] },
  { dist: 'pert', min: 1, mode: 2, max: 5 },
  { dist: 'beta', alpha: 2, beta: 3 },
  { dist: 'discrete', values: [1, 2, 3] },
  ...FAMILY_DOCS.map((doc) => doc.example),
];

/** Inputs the schema must reject (each also fails to compile). */
const REJECTED: readonly unknown[] = [
  'abc',
  '10B',
  true,
  null,
  [1, 2],
  { dist: 'lognromal', p5: 1, p95: 2 },
  { p5: 1, p95: 2 },
  { dist: 'normal', mean: 0 },
  { dist: 'normal', mean: 0, sd: 1, p5: 3 },
  { dist: 'normal', mean: 0, stdev: 1 },
  { dist: 'normal', mean: 0, sd: -1 },
  { dist: 'normal', mean: '0', sd: 1 },
  { dist: 'normal', low: 0, high: 1, level: 80 },
  { dist: 'lognormal', p5: 0, p95: 1 },
  { dist: 'beta', alpha: 0, beta: 1 },
  { dist: 'discrete', values: [] },
  { dist: 'discrete', values: [1, 2], weights: [1, -1] },
  { dist: 'uniform', min: 0, max: 1, truncate: [0] },
  { dist: 'uniform', min: 0, max: 1, truncate: [0, 1, 2] },
  { dist: 'uniform', min: 0, max: 1, truncate: ['0', 1] },
];

describe('distributionJsonSchema', () => {
  it('is a draft-07 schema that Ajv compiles in strict mode', () => {
    expect(distributionJsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(typeof validate).toBe('function');
  });

  it.each(ACCEPTED.map((input) => [JSON.stringify(input), input] as const))('accepts %s', (_name, input) => {
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
    expect(() => compileDistribution(input)).not.toThrow();
  });

  it.each(REJECTED.map((input) => [JSON.stringify(input), input] as const))('rejects %s', (_name, input) => {
    expect(validate(input)).toBe(false);
    expect(() => compileDistribution(input)).toThrow();
  });

  it('describes every family and every parameter set', () => {
    const definitions = distributionJsonSchema.definitions as Record<string, unknown>;
    for (const doc of FAMILY_DOCS) {
      expect(definitions[doc.family]).toBeDefined();
      const text = JSON.stringify(definitions[doc.family]);
      for (const set of doc.sets) for (const name of set.required) expect(text).toContain(`"${name}"`);
    }
    expect(JSON.stringify(distributionJsonSchema)).toContain(JSON.stringify([...FAMILIES]));
  });

  it('accepts every canonical spec (what results and baselines store)', () => {
    for (const input of ACCEPTED) {
      const spec = compileDistribution(input).spec;
      expect(validate(JSON.parse(JSON.stringify(spec))), JSON.stringify(spec)).toBe(true);
    }
  });

  it('can be referenced by its $id from a larger schema (e.g. a scenario file whose inputs are distributions)', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addSchema(distributionJsonSchema);
    const scenario = ajv.compile({
      type: 'object',
      properties: { inputs: { type: 'object', additionalProperties: { $ref: distributionJsonSchema.$id as string } } },
    });
    expect(scenario({ inputs: { trainMfu: { dist: 'beta', alpha: 4, beta: 6 }, modelParams: '3B to 30B' } })).toBe(true);
    expect(scenario({ inputs: { trainMfu: { dist: 'beta', alpha: -4, beta: 6 } } })).toBe(false);
  });
});
