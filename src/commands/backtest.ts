/**
 * The backtest job: load a scenario and a calibration set (the shipped one unless a file is given),
 * refuse a scenario that lacks an input the backtest needs, and return the backtest. It reports; it
 * does not gate (the CLI exits 0 whatever the fit).
 */
import { backtest, requireBacktestInputs, type Backtest } from '../calibration/backtest.js';
import { readCalibration, shippedCalibration } from '../calibration/read.js';
import { SoraError } from '../errors.js';
import { loadScenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';

export interface BacktestRequest {
  scenario: string;
  calibration?: string;
  samples?: string;
  seed?: string;
}

/**
 * Draws per figure: the backtest holds a column of draws per input in memory (1,048,576 draws:
 * ~0.8 GB, 23 s), and its bands are P5 and P95, which need more than a handful of draws.
 */
const MIN_SAMPLES = 100;
const MAX_SAMPLES = 1 << 20;

function backtestSamples(text: string): number {
  const samples = parseSampleCount(text, '--samples');
  if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
    throw new SoraError('the number of backtest draws is out of range', {
      path: '--samples',
      expected: `between ${MIN_SAMPLES} and ${MAX_SAMPLES.toLocaleString('en-US')} draws per figure`,
      found: samples.toLocaleString('en-US'),
    });
  }
  return samples;
}

export function backtestJob(request: BacktestRequest): Backtest {
  const scenario = loadScenario(request.scenario);
  requireBacktestInputs(scenario.resolved);
  const set = request.calibration ? readCalibration(request.calibration) : shippedCalibration();
  return backtest(scenario.resolved, set, {
    ...(request.samples !== undefined ? { samples: backtestSamples(request.samples) } : {}),
    ...(request.seed !== undefined ? { seed: parseSeed(request.seed, '--seed') } : {}),
  });
}
