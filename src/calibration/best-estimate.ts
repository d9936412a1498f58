/**
 * The product's one best estimate: the built-in scenario whose ranges are fitted from published
 * measurements and hold them held out, and the sentence that says why, with the held-out figure,
 * computed from the backtest (never written by hand).
 */
import type { ResolvedScenario } from '../result/types.js';
import { backtest, summaryOf, type Backtest } from './backtest.js';
import { shippedCalibration } from './read.js';

export { BEST_ESTIMATE } from '../scenario/best-estimate-name.js';

export interface BestEstimate {
  scenario: string;
  /** Why this scenario, in one sentence with its held-out fit. */
  why: string;
  /** Held out: inference figures inside P5–P95, of those predicted, and measured / predicted. */
  heldOut: { inside: number; count: number; geometricMean: number };
  /** The article's linear step cost against the same figures: measured / predicted, and inside. */
  articleStepCost: { inside: number; count: number; geometricMean: number };
}

function times(x: number): string {
  return `${x < 2 ? x.toFixed(2) : x.toFixed(0)}×`;
}

/** The best estimate's case, from its backtest against the shipped calibration set. */
export function bestEstimate(scenario: ResolvedScenario, result: Backtest = backtest(scenario, shippedCalibration())): BestEstimate {
  const held = summaryOf(result, 'transformer', 'inference', 'held-out');
  const article = summaryOf(result, 'article', 'inference');
  if (!held || !article || result.rangesFrom !== 'this set') {
    throw new Error(`${scenario.name} is not fitted from the shipped calibration set: it cannot be the best estimate`);
  }
  const fitted = result.rows.filter((r) => r.kind === 'inference' && r.counted);
  const models = new Set(fitted.map((r) => r.modelId)).size;
  const why = `${scenario.name} is the best estimate because its ranges are fitted from ${fitted.length} published timings of ${models} open video models, ` +
    `and each model predicted without its own figures lands inside its P5–P95 band ${held.inside} times in ${held.count} ` +
    `(measured / predicted ${times(held.geometricMean)}), where the article's step cost misses all ${article.count} by ${times(article.geometricMean)}.`;
  return {
    scenario: scenario.name,
    why,
    heldOut: { inside: held.inside, count: held.count, geometricMean: held.geometricMean },
    articleStepCost: { inside: article.inside, count: article.count, geometricMean: article.geometricMean },
  };
}
