/**
 * One-at-a-time sensitivity for tornado charts: every input at its median, then each uncertain
 * input moved alone to its own P10 and P90. Deterministic (the model at a few points, from the
 * quantiles the resolved scenario already holds), so it needs no samples and reads the same for
 * every seed.
 */
import { computePoint } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** One-at-a-time sensitivity: each uncertain input moved from its P10 to its P90, the rest at medians. */
export interface TornadoBar {
  input: InputKey;
  inputLow: number;
  inputHigh: number;
  /** Output at the input's P10 and P90. */
  outputs: Partial<Record<OutputKey, { atLow: number; atHigh: number }>>;
}

export interface Sensitivity {
  method: string;
  /** Outputs with every input at its median. */
  atMedians: Record<OutputKey, number>;
  tornado: TornadoBar[];
}

export const TORNADO_METHOD = 'one at a time: each uncertain input moved from its P10 to its P90 with every other input at its median';

export function tornado({ inputs, stepCost }: ResolvedScenario): Sensitivity {
  const medians = Object.fromEntries(INPUT_KEYS.map((key) => [key, inputs[key].p50])) as Record<InputKey, number>;
  const atMedians = computePoint(medians, stepCost);
  const bars: TornadoBar[] = [];
  for (const input of INPUT_KEYS) {
    const { p10: inputLow, p90: inputHigh } = inputs[input];
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
