/** Distributions that were silently wrong (exit 0) are refused, with the right hint. */
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

function refusal(yaml: string, file: string): SoraError {
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof SoraError) return error;
    throw error;
  }
  throw new Error(`expected a SoraError for ${yaml}`);
}

describe('distributions that would be wrong without a word are refused', () => {
  const scratch = scratchDir();
  const load = (name: string, input: string) => {
    const yaml = `inputs:\n  ${input}\n`;
    return refusal(yaml, scratch.write(`${name}.yaml`, yaml));
  };

  it('an upper-tail truncation holding ~6e-16 of the mass (beta(1, 30) on [0.7, 1], a constant 0.70611) is refused', () => {
    const error = load('beta-tail', 'trainMfu: {dist: beta, alpha: 1, beta: 30, truncate: [0.7, 1]}');
    expect(error.message).toMatch(/too little mass the sampler can reach/);
    expect(error.details.path).toBe('inputs.trainMfu.truncate');
  });

  it('normal(0, 1e9) truncated to [8e9, ∞) (P99 8.21e9 against a true 8.55e9) is refused', () => {
    expect(load('normal-tail', 'soraParams: {dist: normal, mean: 0, sd: 1e9, truncate: [8e9, null]}').message).toMatch(/too little mass the sampler can reach/);
  });

  it('a PERT with lambda 1e20 (P10 0, P90 1) is refused: the check covers the whole range, not two points', () => {
    const error = load('pert', 'tiktokAiShare: {dist: pert, min: 0, mode: 0.5, max: 1, lambda: 1e20}');
    expect(error.message).toMatch(/beyond what sora-mc can compute accurately/);
    expect(error.details.path).toBe('inputs.tiktokAiShare');
  });

  it('beta(1e12, 1), whose quantiles are NaN, is refused with a hint about the parameters, not about the domain', () => {
    const error = load('beta-nan', 'tiktokAiShare: {dist: beta, alpha: 1e12, beta: 1}');
    expect(error.details.found).toMatch(/NaN/);
    expect(error.details.hint).toMatch(/moderate size/);
    expect(error.details.hint).not.toMatch(/truncate it/);
  });
});
