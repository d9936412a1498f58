/**
 * One-at-a-time sensitivity for tornado charts: every input at its median, then each uncertain
 * input moved alone to its own P10 and P90. Deterministic (the model at a few points), so it needs
 * no samples and reads the same for every seed.
 */
import type { Distribution } from '../../distributions/index.js';
import { computePoint, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import type { Sensitivity, TornadoBar } from '../result/types.js';

export const TORNADO_METHOD = 'one at a time: each uncertain input moved from its P10 to its P90 with every other input at its median';

export function tornado(distributions: Readonly<Record<InputKey, Distribution>>, stepCost: StepCostModel): Sensitivity {
  const medians = Object.fromEntries(INPUT_KEYS.map((key) => [key, distributions[key].quantile(0.5)])) as Record<InputKey, number>;
  const atMedians = computePoint(medians, stepCost);
  const bars: TornadoBar[] = [];
  for (const input of INPUT_KEYS) {
    const distribution = distributions[input];
    if (distribution.family === 'fixed') continue;
    const inputLow = distribution.quantile(0.1);
    const inputHigh = distribution.quantile(0.9);
    if (inputLow === inputHigh) continue;
    const low = computePoint({ ...medians, [input]: inputLow }, stepCost);
    const high = computePoint({ ...medians, [input]: inputHigh }, stepCost);
    const outputs: TornadoBar['outputs'] = {};
    for (const key of OUTPUT_KEYS) {
      if (low[key] !== atMedians[key] || high[key] !== atMedians[key]) outputs[key] = { atLow: low[key], atHigh: high[key] };
    }
    bars.push({ input, inputLow, inputHigh, outputs });
  }
  return { method: TORNADO_METHOD, atMedians, tornado: bars };
}

/** The bars that move `output`, widest swing first. */
export function barsFor(sensitivity: Sensitivity, output: OutputKey): TornadoBar[] {
  const swing = (bar: TornadoBar) => {
    const o = bar.outputs[output];
    return o ? Math.abs(o.atHigh - o.atLow) : 0;
  };
  return sensitivity.tornado.filter((bar) => swing(bar) > 0).sort((a, b) => swing(b) - swing(a));
}
