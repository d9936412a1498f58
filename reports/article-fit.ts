/**
 * The sentence a scenario using the article's step cost owes its reader: how far that cost model
 * sits from measured inference, with the backtest's own figure (geometric mean of measured /
 * predicted over the calibration set's inference runs). Computed once per scenario hash.
 */
import { backtest, summaryOf } from '../src/calibration/backtest.js';
import { shippedCalibration } from '../src/calibration/read.js';
import { rounded } from '../src/format.js';
import type { Result } from '../src/result/types.js';

const cache = new Map<string, string>();

export function articleStepCostFit(result: Result): string {
  const hit = cache.get(result.scenario.hash);
  if (hit !== undefined) return hit;
  const fit = summaryOf(backtest(result.scenario, shippedCalibration()), 'article', 'inference');
  const direction = fit && fit.geometricMean >= 1 ? 'under-predicts' : 'over-predicts';
  const factor = fit ? (fit.geometricMean >= 1 ? fit.geometricMean : 1 / fit.geometricMean) : 1;
  const sentence = fit
    ? `The article step cost ${direction} measured inference ${rounded(factor, 3)}×: at published models' own sizes and settings, ` +
      `measured GPU-seconds are ${rounded(fit.geometricMean, 3)}× its prediction (geometric mean of ${fit.count} runs, spread ×${rounded(fit.geometricSpread, 3)}; sora-mc backtest).`
    : '';
  cache.set(result.scenario.hash, sentence);
  return sentence;
}
