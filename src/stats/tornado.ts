/**
 * The tornado, recentred on the simulated P50: for each uncertain input and each headline
 * output, the output's median when that input is in its bottom decile and when it is in its top
 * decile, read from the sample itself (decile-medians.ts), so discrete inputs and correlations are
 * handled. An input is listed for an output only when Mood's median test finds that its deciles move
 * it (hasEffect). The model with every input at its median is kept for one use only: the engine's
 * centre for its sums of deviations (modelAtMedians).
 */
import { computePoint } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { HEADLINE_OUTPUTS, type OutputKey } from '../model/outputs.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { binnedMedian, BOTTOM_DECILE, EFFECT_Z, hasEffect, MEDIAN_RESOLUTION, TOP_DECILE, type MergedDeciles } from './decile-medians.js';

/** One uncertain input: the median of each output it moves, given the input's bottom and top decile. */
export interface TornadoBar {
  input: InputKey;
  /** The input's P10 and P90: its bottom decile lies at or below inputLow, its top decile at or above inputHigh. */
  inputLow: number;
  inputHigh: number;
  /** The output's median given the input's bottom decile (atLow) and top decile (atHigh); only outputs it moves. */
  outputs: Partial<Record<OutputKey, { atLow: number; atHigh: number }>>;
}

export interface Sensitivity {
  method: string;
  /** The relative resolution of the conditional medians (their bins' width). */
  resolution: number;
  tornado: TornadoBar[];
}

export const TORNADO_METHOD =
  `conditional medians: each headline output's median given each uncertain input in its bottom decile (uniform < ${BOTTOM_DECILE}) and its top decile (uniform ≥ ${TOP_DECILE}), ` +
  `from the sample itself, around the simulated P50, each known to within its bin (2^−7 ≈ 0.8% relative, placed in it by rank); an input is left out of an output's tornado when Mood's median test on both deciles is within ${EFFECT_Z} standard errors`;

/** Every output with each input at its median: the engine's centre for its sums of deviations (near the values, so the sums stay small). */
export function modelAtMedians({ inputs, stepCost }: ResolvedScenario): Record<OutputKey, number> {
  const medians = Object.fromEntries(INPUT_KEYS.map((key) => [key, inputs[key].p50])) as Record<InputKey, number>;
  return computePoint(medians, stepCost);
}

/** The outputs the tornado is folded for, in the order the engine folds them. */
export const TORNADO_OUTPUTS: readonly OutputKey[] = HEADLINE_OUTPUTS;

/** The tornado from the run's merged decile summaries (over TORNADO_OUTPUTS) and each output's simulated P50. */
export function decileTornado({ inputs }: ResolvedScenario, merged: MergedDeciles, p50: Partial<Record<OutputKey, number>>): Sensitivity {
  const tornado = merged.inputs.map((key, i): TornadoBar => {
    const input = key as InputKey;
    const outputs: TornadoBar['outputs'] = {};
    TORNADO_OUTPUTS.forEach((output, j) => {
      const median = p50[output];
      if (median === undefined || !Number.isFinite(median)) return;
      const bottom = merged.side(i, 0, j).nonEmpty();
      const top = merged.side(i, 1, j).nonEmpty();
      if (!hasEffect([bottom, top], merged.overall(j).nonEmpty(), median)) return;
      outputs[output] = { atLow: binnedMedian(bottom, median), atHigh: binnedMedian(top, median) };
    });
    return { input, inputLow: inputs[input].p10, inputHigh: inputs[input].p90, outputs };
  });
  return { method: TORNADO_METHOD, resolution: MEDIAN_RESOLUTION, tornado };
}

/** The bars that move `output`, widest swing first (ties in input order). */
export function barsFor(sensitivity: Sensitivity, output: OutputKey): TornadoBar[] {
  const swing = (bar: TornadoBar) => {
    const o = bar.outputs[output];
    return o ? Math.abs(o.atHigh - o.atLow) : 0;
  };
  return sensitivity.tornado.filter((bar) => bar.outputs[output] !== undefined).sort((a, b) => swing(b) - swing(a));
}
