// src/validate.ts compiles schemas without checking them against JSON Schema's meta-schema (that
// check cost each command ~0.1 s): it is made here, once, for every schema validate() is given.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_SCHEMA } from '../src/calibration/schema.js';
import { baselineJsonSchema } from '../src/regress/schema.js';
import { resultJsonSchema } from '../src/result/schema.js';
import { scenarioJsonSchema } from '../src/scenario/schema.js';

describe('the schemas sora-mc validates its files with', () => {
  const ajv = new Ajv({ strict: false });
  const schemas: [string, Record<string, unknown>][] = [
    ['scenario (shape only)', scenarioJsonSchema({ shapeOnly: true })],
    ['scenario', scenarioJsonSchema()],
    ['result', resultJsonSchema()],
    ['baseline', baselineJsonSchema()],
    ['calibration', CALIBRATION_SCHEMA],
  ];
  it.each(schemas)('%s is a valid JSON Schema', (_, schema) => {
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
  it('a broken schema is caught by this check', () => {
    expect(ajv.validateSchema({ type: 'no-such-type' })).toBe(false);
  });
});
