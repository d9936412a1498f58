/**
 * Compiling a resolved scenario's inputs into distributions. Kept apart from resolve.ts (files,
 * YAML, validation) so that sampling workers load only what they use.
 */
import { compileAcceptedSpec, compileDistribution, type Distribution } from '../../distributions/index.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from './types.js';

/**
 * Every input's distribution of a resolved scenario (workers do this on their side). `accepted`:
 * the main thread has already compiled these specs with their checks (a worker skips repeating them).
 */
export function compileInputs(resolved: ResolvedScenario, { accepted = false } = {}): Record<InputKey, Distribution> {
  const compile = accepted ? compileAcceptedSpec : compileDistribution;
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, compile(resolved.inputs[key].spec)])) as Record<
    InputKey,
    Distribution
  >;
}
