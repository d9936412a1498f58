/** Seeds and sample counts, as scenario files and command-line flags give them. */
import { SoraError, show } from '../errors.js';

/**
 * The most samples one run takes: 2⁵³, beyond which sample counts (and the statistics' integer
 * counts, held in doubles) are no longer exact. Memory does not grow with the count (engine 3).
 */
export const MAX_SAMPLES = 2 ** 53;

/** A positive whole number of samples: 100000, 1e6 or "1e6". */
export function parseSampleCount(value: unknown, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new SoraError('the sample count must be a positive whole number', {
      path,
      expected: 'a positive integer such as 100000 or 1e6',
      found: show(value),
    });
  }
  if (n > MAX_SAMPLES) {
    throw new SoraError('too many samples for one run', {
      path,
      expected: `at most 2^53 = ${MAX_SAMPLES.toLocaleString('en-US')}, where counts stop being exact`,
      found: n.toLocaleString('en-US'),
      hint: 'percentile intervals at 1e9 samples are already narrower than 0.01% for smooth outputs',
    });
  }
  return n;
}

/** A seed: any whole number or non-empty string; kept as a string (it names the random streams). */
export function parseSeed(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new SoraError('the seed must be a whole number or a non-empty string', {
    path,
    expected: 'e.g. 2024 or "my-seed"',
    found: show(value),
  });
}
