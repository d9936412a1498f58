/**
 * A scenario against the fit of a calibration set: which of its inputs are fitted (`basis:
 * fitted`), whether each holds the range the set gives, and the entries that would refit it. What
 * `sora-mc calibrate` reports; the command reads the files and writes the refitted scenario.
 */
import { SoraError, show } from '../errors.js';
import { EXIT_DRIFT, EXIT_OK } from '../exit-codes.js';
import type { ResolvedScenario } from '../result/types.js';
import { fitCalibration, FITTED_INPUTS, type CalibrationFit, type FittedKey, type FitOutcome, type FittedRange } from './fit.js';
import { fittedSpec, scenarioHolds } from './fitted-specs.js';
import type { CalibrationSet } from './types.js';

export interface FittedInputCheck {
  key: FittedKey;
  range: FitOutcome;
  /** The scenario's range now, in words. */
  now: string;
  agrees: boolean;
}

export interface CalibrateOutcome {
  scenario: { name: string; origin: string };
  /** The calibration set, as named in errors and output. */
  calibration: string;
  fit: CalibrationFit;
  /** The inputs the scenario marks as fitted (all three when it marks none). */
  inputs: FittedInputCheck[];
  /** Whether the scenario marks any input as fitted. */
  marked: boolean;
  /** The refitted scenario file written, if one was asked for. */
  written?: string;
  /** 0 when every marked input holds the fit (or none is marked), 1 when one differs. */
  exitCode: number;
}

/** What the fit needs from a scenario: the attention-aware step cost and a training MFU. */
export function requireFitInputs(scenario: ResolvedScenario): void {
  if (scenario.stepCost !== 'transformer') {
    throw new SoraError('the fit needs the attention-aware step cost', {
      file: scenario.origin, path: 'stepCost', expected: 'stepCost: transformer (the calibration set is read at each model’s own shape)', found: show(scenario.stepCost),
    });
  }
  if (scenario.inputs.trainMfu.source === 'article') {
    throw new SoraError('the fit needs trainMfu, which this scenario does not give', {
      file: scenario.origin, path: 'inputs.trainMfu', expected: 'a distribution (with its source): training figures without a published MFU are read at its median',
      found: `trainMfu left at the article's ${scenario.inputs.trainMfu.p50}`,
    });
  }
}

/** The scenario's fitted inputs checked against the set's fit; a range the set cannot give is an error naming it. */
export function checkScenarioFit(scenario: ResolvedScenario, set: CalibrationSet, calibration: string): CalibrateOutcome {
  requireFitInputs(scenario);
  const fit = fitCalibration(set, scenario);
  const marked = FITTED_INPUTS.filter((key) => scenario.inputs[key].basis === 'fitted');
  const keys = marked.length > 0 ? marked : [...FITTED_INPUTS];
  for (const key of keys) {
    const range = fit.ranges[key];
    if (!range.fitted) {
      throw new SoraError(`cannot fit ${key} from this calibration set`, { file: calibration, path: `inputs.${key}`, expected: 'figures of at least three models', found: range.reason });
    }
  }
  const inputs = keys.map((key) => ({ key, range: fit.ranges[key], now: scenario.inputs[key].description, agrees: scenarioHolds(scenario, key, fit.ranges[key]) }));
  return {
    scenario: { name: scenario.name, origin: scenario.origin },
    calibration,
    fit,
    inputs,
    marked: marked.length > 0,
    exitCode: marked.length === 0 || inputs.every((i) => i.agrees) ? EXIT_OK : EXIT_DRIFT,
  };
}

/** The scenario entries that refit the checked inputs: the fitted spec, `basis: fitted`, and the method as the source. */
export function refittedEntries(outcome: CalibrateOutcome): Record<string, Record<string, unknown>> {
  const fitted = outcome.inputs.map((i) => i.range).filter((r): r is FittedRange => r.fitted);
  return Object.fromEntries(fitted.map((range) => [range.key, { ...fittedSpec(range), basis: 'fitted', source: range.source }]));
}
