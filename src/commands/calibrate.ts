/**
 * The calibrate job: fit a scenario's calibrated inputs from a calibration set and say for each
 * whether the scenario holds the fitted range (src/calibration/scenario-fit.ts); with `out`, write
 * the scenario with its fitted inputs refitted as a new file, never over an existing one. Exit 0
 * when every fitted input agrees with the set, 1 when one differs (as `check` does for drift).
 */
import { extname } from 'node:path';
import { readCalibration, shippedCalibration, SHIPPED_CALIBRATION } from '../calibration/read.js';
import { checkScenarioFit, refittedEntries, type CalibrateOutcome } from '../calibration/scenario-fit.js';
import { SoraError, show } from '../errors.js';
import { readInputFile } from '../io/read.js';
import { writeNewFile } from '../io/new-file.js';
import { withInputEntries } from '../scenario/edit.js';
import { locateScenario } from '../scenario/files.js';
import { loadScenario } from '../scenario/resolve.js';

export interface CalibrateRequest {
  scenario: string;
  calibration?: string;
  /** A new scenario file to write with the fitted inputs refitted. */
  out?: string;
}

export function calibrateJob(request: CalibrateRequest): CalibrateOutcome {
  const scenario = loadScenario(request.scenario).resolved;
  const set = request.calibration ? readCalibration(request.calibration) : shippedCalibration();
  const outcome = checkScenarioFit(scenario, set, request.calibration ?? SHIPPED_CALIBRATION);
  if (request.out === undefined) return outcome;
  if (!['.yaml', '.yml', '.json'].includes(extname(request.out).toLowerCase())) {
    throw new SoraError('a scenario file ends in .yaml, .yml or .json', { path: '--out', expected: 'a new .yaml, .yml or .json file', found: show(request.out) });
  }
  const { file } = locateScenario(request.scenario);
  writeNewFile(request.out, withInputEntries(file, readInputFile(file, 'the scenario file'), request.out, refittedEntries(outcome)));
  return { ...outcome, written: request.out };
}
