/** The scenario a baseline names, loaded as it resolves today. */
import { SoraError } from '../errors.js';
import { loadScenario, type Scenario } from '../scenario/resolve.js';
import { scenarioRef, type BaselineFile } from './baseline.js';
import { display } from '../paths.js';

/**
 * Loads the scenario of a baseline: a built-in by name, a file by its path relative to the
 * baseline. Errors say which baseline asked for it; an error with no file of its own (a built-in
 * that no longer exists, a scenario file that is gone) is the baseline's `scenario.source` field.
 */
export function scenarioOf(source: BaselineFile): Scenario {
  const { file, baseline } = source;
  try {
    return loadScenario(scenarioRef(baseline.scenario.source, file));
  } catch (error) {
    if (!(error instanceof SoraError)) throw error;
    const field = 'builtin' in baseline.scenario.source ? 'scenario.source.builtin' : 'scenario.source.path';
    if (error.details.file === undefined) throw new SoraError(error.message, { ...error.details, file, path: field });
    throw new SoraError(`${error.message} (the scenario of baseline ${display(file)}, ${field})`, error.details);
  }
}
