import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/did-you-mean.js';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

// A misspelt key, input, family or parameter in a scenario file gets the guess in the same words as
// a misspelt command or flag (src/did-you-mean.ts).
const scratch = scratchDir();

function hintFor(yaml: string): string | undefined {
  const file = scratch.write(`s${Math.random().toString(36).slice(2)}.yaml`, yaml);
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof SoraError) return error.details.hint;
    throw error;
  }
  throw new Error('the scenario loaded');
}

describe('misspelt names in a scenario file', () => {
  it.each([
    ['a top-level key', 'sed: 4\n', ['seed']],
    ['an input', 'inputs:\n  trainMfo: 0.4\n', ['trainMfu']],
    ['a family', 'inputs:\n  soraParams: { dist: lognromal, p5: 1e9, p95: 2e9 }\n', ['lognormal']],
    ['a parameter', 'inputs:\n  soraParams: { dist: lognormal, p5: 1e9, p59: 2e9 }\n', ['p95']],
  ])('%s', (_what, yaml, names) => {
    expect(hintFor(yaml)).toBe(didYouMean(names));
  });

  it('no guess for a key far from every key', () => {
    expect(hintFor('zzzzzzzzzz: 1\n')).toBeUndefined();
  });
});
