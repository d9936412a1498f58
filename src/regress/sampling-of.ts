/** A baseline's recorded sampling name (run.sampling) back to the method that reruns it. */
import { SAMPLING_METHODS, type SamplingMethod } from '../sampling/methods.js';

/**
 * The method whose recorded name is `sampling`, or undefined for a name this version does not know
 * (a baseline of another version): its rerun is then plain Monte Carlo, and the differing sampling
 * moves the check to the statistical tier (src/regress/drift.ts).
 */
export function methodOfSampling(sampling: string): SamplingMethod | undefined {
  return (Object.keys(SAMPLING_METHODS) as SamplingMethod[]).find((method) => SAMPLING_METHODS[method] === sampling);
}
