/** Seeds and sample counts, as scenario files and command-line flags give them. */
import { SoraError, show } from '../errors.js';

/** The most samples one run holds in memory (21 output columns of 8 bytes each: 8.4 GB). */
export const MAX_SAMPLES = 50_000_000;

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
    throw new SoraError('too many samples for one run in memory', {
      path,
      expected: `at most ${MAX_SAMPLES.toLocaleString('en-US')}`,
      found: n.toLocaleString('en-US'),
      hint: 'percentile intervals at 1e7 samples are already narrower than 0.1% for smooth outputs',
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
