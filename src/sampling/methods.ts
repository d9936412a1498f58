/**
 * The sampling methods of the uniform stage: plain Monte Carlo, Latin hypercube per chunk
 * (latin-hypercube.ts), or scrambled Sobol points in independent replicates (sobol-points.ts,
 * src/simulate/replicates.ts). `--method mc|lhs|sobol`; the Result records the long name in `run.sampling`.
 */
import { SoraError, show } from '../errors.js';
import { deepFrozen } from '../frozen.js';

export const SAMPLING_METHODS = deepFrozen({ mc: 'monte-carlo', lhs: 'latin-hypercube', sobol: 'scrambled-sobol' } as const);
export type SamplingMethod = keyof typeof SAMPLING_METHODS;
export type SamplingName = (typeof SAMPLING_METHODS)[SamplingMethod];

export function parseSamplingMethod(value: unknown, path = '--method'): SamplingMethod {
  if (typeof value === 'string' && Object.hasOwn(SAMPLING_METHODS, value)) return value as SamplingMethod;
  throw new SoraError('unknown sampling method', {
    path,
    expected: `one of ${Object.entries(SAMPLING_METHODS).map(([key, name]) => `${key} (${name})`).join(', ')}`,
    found: show(value),
  });
}
