/**
 * Compiling a resolved scenario's inputs into distributions. Kept apart from resolve.ts (files,
 * YAML, validation) so that sampling workers load only what they use.
 */
import { compileDistribution, type Distribution } from '../../distributions/index.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from './types.js';

/** Every input's distribution of a resolved scenario (workers do this on their side). */
export function compileInputs(resolved: ResolvedScenario): Record<InputKey, Distribution> {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, compileDistribution(resolved.inputs[key].spec)])) as Record<
    InputKey,
    Distribution
  >;
}
