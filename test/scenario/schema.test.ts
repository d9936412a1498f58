import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { builtinNames, locateScenario } from '../../src/scenario/files.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';

const published = JSON.parse(readFileSync(packagePath('schema', 'scenario.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(published);

describe('scenario JSON Schema', () => {
  it('is published as generated (run `npm run schema` after changing inputs or families)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it.each(builtinNames())('accepts the built-in scenario %s', (name) => {
    const doc = parse(readFileSync(locateScenario(name).file, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown input, a family with a missing parameter, a bad step-cost model', () => {
    expect(validate({ inputs: { trainMFU: 0.4 } })).toBe(false);
    expect(validate({ inputs: { trainMfu: { dist: 'pert', min: 0.3, max: 0.5 } } })).toBe(false);
    expect(validate({ stepCost: 'quadratic' })).toBe(false);
  });

  it('accepts the shorthand, sources and truncation', () => {
    expect(validate({ inputs: { soraParams: '10e9 to 30e9', trainMfu: { dist: 'lognormal', p5: 0.3, p95: 0.5, truncate: [null, 1], source: 'x' } } })).toBe(true);
  });
});
