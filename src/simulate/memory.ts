/**
 * The memory budget of a run (`--memory`): what the engine's own summaries and gathered values may
 * hold across all threads. Node itself and the loaded code (~150 MB for the CLI with two workers)
 * come on top. The budget does not grow with the sample count: a run of 1e9 samples fits the default.
 */
import { SoraError, show } from '../errors.js';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { PAGE_BINS } from '../stats/float-bins.js';

export const DEFAULT_MEMORY_BYTES = 256 * 2 ** 20;

const MB = 2 ** 20;
const UNITS: Record<string, number> = { '': MB, k: 2 ** 10, kb: 2 ** 10, m: MB, mb: MB, g: 2 ** 30, gb: 2 ** 30 };

/**
 * The least a run needs: per thread (each worker and the main thread) and per output, the bin
 * counts of eight binades (an output spreading wider allocates more, and is checked after the
 * counting pass) and one chunk of scratch columns per worker.
 */
export function minimumMemoryBytes(workers: number): number {
  const countsPerOutput = 8 * PAGE_BINS * Float64Array.BYTES_PER_ELEMENT;
  return (workers + 1) * OUTPUT_KEYS.length * countsPerOutput + workers * OUTPUT_KEYS.length * 8192 * 8;
}

/** A budget as the command line writes it: `512MB`, `1GB`, `300m`, or a number of megabytes. */
export function parseMemory(value: unknown, path = 'memory'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*(k|kb|m|mb|g|gb)?$/.exec(text);
  const bytes = match ? Number(match[1]) * UNITS[match[2] ?? '']! : NaN;
  if (!(bytes >= 1) || !Number.isFinite(bytes)) {
    throw new SoraError('the memory budget must be a size', { path, expected: 'e.g. 256MB, 1GB or 512 (megabytes)', found: show(value) });
  }
  return Math.floor(bytes);
}

/** A budget given as a number of bytes (library use): NaN or Infinity would turn the budget off. */
export function checkMemoryBytes(bytes: number, path = 'memory'): number {
  if (!(Number.isFinite(bytes) && bytes >= 1)) {
    throw new SoraError('the memory budget must be a positive finite number of bytes', { path, expected: 'e.g. 268435456, or a size such as 256MB', found: show(bytes) });
  }
  return Math.floor(bytes);
}

/** A size rounded up to whole MB (or GB to a tenth): what a budget must at least be. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`;
}

/** A budget as given, exactly: `1 KB (1,024 bytes)`, `3 MB`, `1.5 GB` (never rounded into another size). */
export function givenBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 2 ** 30], ['MB', MB], ['KB', 2 ** 10]] as const) {
    if (bytes >= size) {
      const amount = bytes / size;
      const text = `${Number.isInteger(amount) ? amount : Number(amount.toPrecision(4))} ${unit}`;
      return unit === 'GB' || (unit === 'MB' && Number.isInteger(amount)) ? text : `${text} (${bytes.toLocaleString('en-US')} bytes)`;
    }
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Refuses a budget that cannot hold the streaming summaries of `workers` workers. */
export function checkMemoryBudget(bytes: number, workers: number): void {
  const least = minimumMemoryBytes(workers);
  if (bytes < least) {
    throw new SoraError('the memory budget cannot hold the streaming summaries', {
      path: 'memory',
      expected: `at least ${formatBytes(least)} with ${workers} worker${workers === 1 ? '' : 's'}`,
      found: givenBytes(bytes),
      hint: `the default, ${formatBytes(DEFAULT_MEMORY_BYTES)}, runs any sample count`,
    });
  }
}
