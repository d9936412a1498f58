/** Seeds and sample counts, as scenario files and command-line flags give them. */
import { SoraError, show } from '../errors.js';
import { hasUnprintable } from '../io/printable.js';

/** The longest seed string. */
export const MAX_SEED_LENGTH = 200;

/**
 * The most samples one run takes: 2⁵³ − 1, the largest safe integer, beyond which sample counts
 * (and the statistics' integer counts, held in doubles) are no longer exact — 2⁵³ itself is not:
 * "9007199254740993" reads as it. The worker pool takes the same bound (Number.isSafeInteger).
 * Memory does not grow with the count.
 */
export const MAX_SAMPLES = Number.MAX_SAFE_INTEGER;

/**
 * A number as a person writes one: decimal, with an optional sign, fraction and exponent (`16`, `1e6`,
 * `2.5E3`); NaN for anything else. JavaScript's Number() also reads `0x10`, `0b10000` and `0o20` as 16:
 * a count typed with such a prefix is a mistake to report, not a number to run.
 */
export function decimalNumber(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : NaN;
}

/** A positive whole number of samples: 100000, 1e6 or "1e6" (decimal or e-notation: decimalNumber). */
export function parseSampleCount(value: unknown, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? decimalNumber(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new SoraError('the sample count must be a positive whole number', {
      path,
      expected: 'a positive integer in decimal or e-notation, such as 100000 or 1e6',
      found: show(value),
    });
  }
  if (n > MAX_SAMPLES) {
    throw new SoraError('too many samples for one run', {
      path,
      expected: `at most 2^53 − 1 = ${MAX_SAMPLES.toLocaleString('en-US')}, where counts stop being exact`,
      found: n.toLocaleString('en-US'),
      hint: 'percentile intervals at 1e9 samples are already narrower than 0.01% for smooth outputs',
    });
  }
  return n;
}

/** A seed: any whole number or non-empty string; kept as a string (it names the random streams). */
export function parseSeed(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'number' && Number.isInteger(value)) {
    // 9007199254740993 reads as 9007199254740992: the seed the file means is already lost.
    throw new SoraError('the seed is too large to be read exactly as a number', {
      path,
      expected: `a whole number up to ${Number.MAX_SAFE_INTEGER} (2^53 − 1), or a string`,
      found: show(value),
      hint: 'write it as a string: seed: "9007199254740993"',
    });
  }
  if (typeof value === 'string' && value.trim() !== '') {
    // A seed is printed in reports and terminals: short, one line, nothing that a terminal would obey.
    if (value.length > MAX_SEED_LENGTH || hasUnprintable(value)) {
      throw new SoraError('the seed must be a short line of plain text', {
        path,
        expected: `at most ${MAX_SEED_LENGTH} characters without control characters or bidirectional overrides`,
        found: show(value),
      });
    }
    return value;
  }
  throw new SoraError('the seed must be a whole number or a non-empty string', {
    path,
    expected: 'e.g. 2024 or "my-seed"',
    found: show(value),
  });
}
