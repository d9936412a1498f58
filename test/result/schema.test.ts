// The published Result and baseline schemas: generated from the code, and what a user's own ajv accepts.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate } from '../../src/index.js';
import { packagePath } from '../../src/paths.js';
import { baselineJsonSchema } from '../../src/regress/schema.js';
import { resultJsonSchema } from '../../src/result/schema.js';

const published = (kind: string) => JSON.parse(readFileSync(packagePath('schema', `${kind}.schema.json`), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });

describe('published Result and baseline schemas', () => {
  it('are published as generated (run `npm run schema` after changing inputs, outputs or the formats)', () => {
    expect(published('result')).toEqual(JSON.parse(JSON.stringify(resultJsonSchema())));
    expect(published('baseline')).toEqual(JSON.parse(JSON.stringify(baselineJsonSchema())));
  });

  it("accept this repository's baselines and a fresh Result, and reject an edited one", async () => {
    const baseline = ajv.compile(published('baseline'));
    for (const file of readdirSync(packagePath('baselines'))) {
      const doc = JSON.parse(readFileSync(packagePath('baselines', file), 'utf8'));
      expect(baseline(doc), `${file}: ${JSON.stringify(baseline.errors)}`).toBe(true);
    }
    const result = ajv.compile(published('result'));
    const fresh = JSON.parse(JSON.stringify(await simulate(loadScenario('mission'), { samples: 2000, workers: 1 })));
    expect(result(fresh), JSON.stringify(result.errors)).toBe(true);
    delete fresh.outputs.trainH100s.percentiles[0].upper;
    expect(result(fresh)).toBe(false);
  });
});
