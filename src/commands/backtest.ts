/**
 * The backtest job: load a scenario and a calibration set (the shipped one unless a file is given),
 * refuse a scenario that lacks an input the backtest needs, and return the backtest. It reports; it
 * does not gate (the CLI exits 0 whatever the fit).
 */
import { backtest, requireBacktestInputs, type Backtest } from '../calibration/backtest.js';
import { readCalibration, shippedCalibration } from '../calibration/read.js';
import { loadScenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';

export interface BacktestRequest {
  scenario: string;
  calibration?: string;
  samples?: string;
  seed?: string;
}

export function backtestJob(request: BacktestRequest): Backtest {
  const scenario = loadScenario(request.scenario);
  requireBacktestInputs(scenario.resolved);
  const set = request.calibration ? readCalibration(request.calibration) : shippedCalibration();
  return backtest(scenario.resolved, set, {
    ...(request.samples !== undefined ? { samples: parseSampleCount(request.samples, '--samples') } : {}),
    ...(request.seed !== undefined ? { seed: parseSeed(request.seed, '--seed') } : {}),
  });
}
