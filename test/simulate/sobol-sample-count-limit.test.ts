// A sobol sample count above 8 × 2^32 (more points a replicate than 32-bit Sobol
// indices address) was refused with "expected: a multiple of 8 from 16 …" although it was one: the
// message did not say that there is an upper limit, nor what it is.
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { checkReplicateSamples } from '../../src/simulate/replicates.js';

function refusal(samples: number): SoraError {
  try {
    checkReplicateSamples(samples, '--samples');
  } catch (error) {
    if (error instanceof SoraError) return error;
    throw error;
  }
  throw new Error(`${samples} was accepted`);
}

describe('the sobol sample count limit', () => {
  it('accepts 8 × 2^32, the most 32-bit point indices address, and 16, the fewest', () => {
    expect(checkReplicateSamples(8 * 2 ** 32, '--samples')).toBe(2 ** 32);
    expect(checkReplicateSamples(16, '--samples')).toBe(2);
  });

  it('refuses one replicate more than that saying what the limit is', () => {
    const error = refusal(8 * 2 ** 32 + 8);
    expect(error.details.expected).toMatch(/at most 34,359,738,368/);
    expect(error.details.found).toBe('34,359,738,376');
  });

  it('keeps saying "a multiple of 8" for counts that are not one', () => {
    expect(refusal(1001).details.expected).toMatch(/a multiple of 8 from 16/);
  });
});
