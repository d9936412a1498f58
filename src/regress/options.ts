/**
 * The check's own options, validated: the family-wise false-alarm rate, the seed reruns use, and
 * the command line that repeats a check.
 */
import { randomBytes } from 'node:crypto';
import { SoraError, show } from '../errors.js';
import { decimalNumber, parseSeed } from '../scenario/values.js';
import { DEFAULT_ALPHA, type CheckReport } from './report.js';

/** The family-wise rate: a probability strictly between 0 and 1 (`0.001`, `1e-3`). */
export function parseAlpha(value: unknown): number {
  const alpha = typeof value === 'string' && value.trim() !== '' ? decimalNumber(value) : value;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new SoraError('the false-alarm rate must be a probability between 0 and 1', {
      path: 'alpha',
      expected: 'e.g. 0.001 (the default) or 1e-4',
      found: show(value),
    });
  }
  return alpha;
}

/** The seed reruns use instead of each baseline's own: given, drawn fresh (and reported), or none. */
export function rerunSeed(request: { seed?: string | number | undefined; freshSeed?: boolean | undefined }): CheckReport['seed'] {
  if (request.seed !== undefined && request.freshSeed) {
    throw new SoraError('give either a seed or --fresh-seed, not both', { path: 'fresh-seed', found: `--seed ${show(request.seed)} --fresh-seed` });
  }
  if (request.seed !== undefined) return { value: parseSeed(request.seed, 'seed'), fresh: false };
  if (request.freshSeed) return { value: `fresh-${randomBytes(4).toString('hex')}`, fresh: true };
  return undefined;
}

function shellWord(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that repeats a check with the same targets, seed, sample count and rate. */
export function reproduceCommand(targets: readonly string[], seed: CheckReport['seed'], samples: number | undefined, alpha: number): string {
  return [
    'sora-mc check',
    ...targets,
    ...(seed ? ['--seed', seed.value] : []),
    ...(samples === undefined ? [] : ['--samples', String(samples)]),
    ...(alpha === DEFAULT_ALPHA ? [] : ['--alpha', String(alpha)]),
  ]
    .map((word, i) => (i === 0 ? word : shellWord(word)))
    .join(' ');
}
