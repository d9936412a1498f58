import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/model/inputs.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scenarioError } from '../helpers/scenario-error.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

const loadError = (yaml: string, name?: string) => scenarioError(scratch, yaml, name);

describe('built-in scenarios', () => {
  it('article: every input at its article value but the two dataset cases', () => {
    const { resolved } = loadScenario('article');
    expect(resolved.inputs.soraParams.spec).toEqual({ dist: 'fixed', value: INPUTS.soraParams.article });
    expect(resolved.inputs.datasetMultiplier.spec.dist).toBe('discrete');
    expect(resolved.inputs.trainMfu.source).toBe('article');
  });

  it('mission: model size lognormal with P5–P95 of 10–30B', () => {
    const { resolved, samples } = loadScenario('mission');
    expect(resolved.inputs.soraParams.spec.dist).toBe('lognormal');
    expect(resolved.inputs.soraParams.p50).toBeCloseTo(Math.sqrt(10e9 * 30e9), -3);
    expect(samples).toBe(1_000_000);
  });

  it('evidence-2025: attention-aware, every range citing a source', () => {
    const { resolved } = loadScenario('evidence-2025');
    expect(resolved.stepCost).toBe('transformer');
    for (const assumption of Object.values(resolved.inputs)) {
      if (assumption.source !== 'article') expect(assumption.source.length).toBeGreaterThan(10);
    }
  });
});

describe('scenario files', () => {
  it('extends a built-in and overrides its inputs; names are the file’s own', () => {
    const file = scratch.write('child.yaml', 'name: child\nextends: mission\nseed: 7\ninputs:\n  trainDays: 60\n');
    const { resolved, seed, samples } = loadScenario(file);
    expect(resolved.name).toBe('child');
    expect(resolved.inputs.trainDays.spec).toEqual({ dist: 'fixed', value: 60 });
    expect(resolved.inputs.soraParams.spec.dist).toBe('lognormal');
    expect([seed, samples]).toEqual(['7', 1_000_000]);
  });

  it('reads JSON too', () => {
    const file = scratch.write('s.json', JSON.stringify({ name: 'j', inputs: { soraParams: '10e9 to 30e9' } }));
    expect(loadScenario(file).resolved.inputs.soraParams.spec.dist).toBe('lognormal');
  });

  it('hashes assumptions, not names', () => {
    const a = loadScenario(scratch.write('a.yaml', 'name: a\ninputs:\n  trainDays: 60\n')).resolved.hash;
    const b = loadScenario(scratch.write('b.yaml', 'name: b\ninputs:\n  trainDays: 60\n')).resolved.hash;
    const c = loadScenario(scratch.write('c.yaml', 'name: a\ninputs:\n  trainDays: 61\n')).resolved.hash;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('bad scenarios', () => {
  it('an unknown input: names it and suggests the nearest', () => {
    const e = loadError('inputs:\n  trainMFU: 0.4\n');
    expect(e.details.path).toBe('inputs.trainMFU');
    expect(e.details.hint).toMatch(/trainMfu/);
    expect(e.details.file).toMatch(/bad\.yaml$/);
  });

  it('a p95 below its p5', () => {
    const e = loadError('inputs:\n  soraParams: { dist: lognormal, p5: 30e9, p95: 10e9 }\n');
    expect(e.details.path).toBe('inputs.soraParams.p95');
  });

  it('a non-positive lognormal bound', () => {
    expect(loadError('inputs:\n  soraParams: { dist: lognormal, p5: 0, p95: 10e9 }\n').details.path).toMatch(/^inputs\.soraParams/);
  });

  it('a probability outside [0, 1]', () => {
    const e = loadError('inputs:\n  tiktokAiShare: 1.5\n');
    expect(e.details.path).toBe('inputs.tiktokAiShare');
    expect(e.details.expected).toMatch(/\[0, 1\]/);
  });

  it('a weight list that does not match its values', () => {
    const e = loadError('inputs:\n  temporalCompression: { dist: discrete, values: [4, 8], weights: [1] }\n');
    expect(e.details.path).toBe('inputs.temporalCompression.weights');
  });

  it('an MFU lognormal that can exceed 1: suggests truncating or a bounded family', () => {
    const e = loadError('inputs:\n  trainMfu: { dist: lognormal, p5: 0.3, p95: 0.5 }\n');
    expect(e.details.path).toBe('inputs.trainMfu');
    expect(e.details.hint).toMatch(/truncate/);
    expect(e.details.hint).toMatch(/beta|pert/);
  });

  it('an MFU lognormal truncated to 1 is fine', () => {
    const file = scratch.write('ok.yaml', 'inputs:\n  trainMfu: { dist: lognormal, p5: 0.3, p95: 0.5, truncate: [null, 1] }\n');
    expect(loadScenario(file).resolved.inputs.trainMfu.p90).toBeLessThanOrEqual(1);
  });

  it('malformed YAML: names the line', () => {
    const e = loadError('inputs:\n  soraParams: [1, 2\n');
    expect(e.message).toMatch(/malformed YAML/);
    expect(e.details.path).toMatch(/line \d+/);
  });

  it('a sample count that is not a positive integer', () => {
    expect(loadError('samples: 1.5\n').details.path).toBe('samples');
    expect(loadError('samples: -3\n').details.path).toBe('samples');
    expect(loadError('samples: lots\n').details.found).toBe('"lots"');
  });

  it('an unknown top-level key, a bad step-cost model, a cycle', () => {
    expect(loadError('inptus: {}\n').details.hint).toMatch(/inputs/);
    expect(loadError('stepCost: quadratic\n').details.path).toBe('stepCost');
    scratch.write('loop-a.yaml', 'extends: ./loop-b.yaml\n');
    scratch.write('loop-b.yaml', 'extends: ./loop-a.yaml\n');
    expect(loadError('extends: ./loop-a.yaml\n', 'loop-start.yaml').message).toMatch(/cycle/);
  });

  it('a transformer-only input given a range under the article step cost', () => {
    expect(loadError('inputs:\n  layers: { dist: uniform, min: 40, max: 48 }\n').message).toMatch(/transformer/);
  });

  it('an unknown built-in name', () => {
    expect(() => loadScenario('missoin')).toThrow(/no built-in scenario named "missoin"/);
  });
});
