// The error a scenario file's text, or any action, is refused with (it must be the project's SoraError).
import { expect } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import type { scratchDir } from './scratch.js';

export function scenarioError(scratch: ReturnType<typeof scratchDir>, yaml: string, name = 'bad.yaml'): SoraError {
  const file = scratch.write(name, yaml);
  try {
    loadScenario(file);
  } catch (error) {
    expect(error).toBeInstanceOf(SoraError);
    return error as SoraError;
  }
  throw new Error('expected the scenario to be rejected');
}

/** The SoraError `action` throws; any other error, or none, fails the test. */
export function soraError(action: () => unknown): SoraError {
  try {
    action();
  } catch (error) {
    if (error instanceof SoraError) return error;
    throw error;
  }
  throw new Error('expected a SoraError');
}

/** What the SoraError `action` throws prints (its describe()). */
export function printedError(action: () => unknown): string {
  return soraError(action).describe();
}
