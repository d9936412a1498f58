/**
 * How a fitted range is written into a scenario: the lognormal with the prediction interval's P5
 * and P95 (three significant figures), truncated to the input's domain where it is bounded above
 * (an MFU cannot exceed 1). `calibrate` writes these specs and checks a scenario against them; the
 * backtest's cross-validation samples the same specs fitted without each model.
 */
import { compileDistribution } from '../../distributions/index.js';
import { INPUTS } from '../model/inputs.js';
import type { ResolvedScenario } from '../result/types.js';
import type { FitOutcome, FittedKey, FittedRange } from './fit.js';

export interface FittedSpec {
  dist: 'lognormal';
  p5: number;
  p95: number;
  truncate?: [null, number];
}

/** `x` to three significant figures, as a plain number. */
export function threeFigures(x: number): number {
  return Number(x.toPrecision(3));
}

export function fittedSpec(range: FittedRange): FittedSpec {
  const max = INPUTS[range.key].domain.max;
  return {
    dist: 'lognormal',
    p5: threeFigures(range.p5),
    p95: threeFigures(range.p95),
    ...(Number.isFinite(max) ? { truncate: [null, max] as [null, number] } : {}),
  };
}

/** Whether the scenario holds the fitted range for `key` (the same canonical distribution). */
export function scenarioHolds(scenario: ResolvedScenario, key: FittedKey, range: FitOutcome): boolean {
  if (!range.fitted) return false;
  return JSON.stringify(compileDistribution(fittedSpec(range)).spec) === JSON.stringify(scenario.inputs[key].spec);
}
