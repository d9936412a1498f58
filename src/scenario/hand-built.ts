/**
 * A Scenario handed to simulate() by a library user may be built by hand: a Proxy, getters, or
 * fields of any type. simulate() runs on a plain copy of it (structured clone, as the workers will
 * receive it), so a getter is read once, a value cannot change between its check and its use, and
 * what cannot be copied is one SoraError here rather than a failed postMessage that closes the pool.
 */
import { SoraError, show } from '../errors.js';
import { checkStepCost } from '../model/compute.js';
import type { Scenario } from './resolve.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain copy of `scenario`, whose shape (resolved, resolved.inputs, resolved.stepCost) is checked; its values are checked by checkResolvedScenario. */
export function plainScenario(scenario: unknown): Scenario {
  if (!isRecord(scenario)) {
    throw new SoraError('simulate() needs a Scenario', { path: 'scenario', expected: "an object such as loadScenario('mission') returns", found: show(scenario) });
  }
  let copy: Record<string, unknown>;
  try {
    copy = structuredClone(scenario);
  } catch (error) {
    throw new SoraError('the scenario is not plain data', {
      path: 'scenario',
      expected: 'objects, arrays, strings and numbers (no Proxy, function or getter that throws)',
      found: `a value that cannot be copied: ${(error as Error).message}`,
      hint: 'build it from what loadScenario() returns, e.g. with spread or structuredClone',
    });
  }
  const resolved = copy.resolved;
  if (!isRecord(resolved)) {
    throw new SoraError('the scenario has no resolved assumptions', { path: 'resolved', expected: "an object such as loadScenario('mission').resolved", found: show(resolved) });
  }
  if (!isRecord(resolved.inputs)) {
    throw new SoraError('the scenario has no inputs', { path: 'resolved.inputs', expected: 'an object with an entry for every input of the model', found: show(resolved.inputs) });
  }
  checkStepCost(resolved.stepCost);
  return copy as unknown as Scenario;
}
