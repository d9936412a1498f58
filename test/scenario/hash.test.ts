import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-hash-');

describe('the assumption hash', () => {
  it('leaves out inputs at their article value: naming one at that value, or adding one to the catalogue, changes nothing', () => {
    const plain = loadScenario(scratch.write('plain.yaml', 'inputs:\n  soraParams: "10e9 to 30e9"\n'));
    const named = loadScenario(scratch.write('named.yaml', 'inputs:\n  soraParams: "10e9 to 30e9"\n  servingGpus: 1\n  trainDays: { dist: fixed, value: 30, source: "the article" }\n'));
    expect(named.resolved.hash).toBe(plain.resolved.hash);
  });

  it('changes with any assumption: a value off the article, a distribution, the step-cost model', () => {
    const base = loadScenario(scratch.write('base.yaml', 'inputs:\n  soraParams: "10e9 to 30e9"\n')).resolved.hash;
    const hashes = [
      'inputs:\n  soraParams: "10e9 to 30e9"\n  servingGpus: 2\n',
      'inputs:\n  soraParams: "10e9 to 31e9"\n',
      'stepCost: transformer\ninputs:\n  soraParams: "10e9 to 30e9"\n',
    ].map((text, i) => loadScenario(scratch.write(`v${i}.yaml`, text)).resolved.hash);
    expect(new Set([base, ...hashes]).size).toBe(4);
  });
});
