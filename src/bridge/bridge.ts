/**
 * The bridge (a waterfall) from the article's figure to a scenario's simulated median: start at the
 * model evaluated at every input's article value with the article's step cost; move one group of inputs
 * (src/bridge/groups.ts) at a time to the scenario's median; each bar is the ratio of the model after
 * the move to the model before it (both `computePoint`, the simulator's own arithmetic). The last bar,
 * "sampling", is the Result's simulated median over the model at all the inputs' medians: the median of
 * a product is not the product of the medians.
 *
 * The bars telescope: start × Π factors = simulated median (up to floating-point rounding, ~1e-15), and
 * the log-contributions ln(factor) add up exactly to ln(median / start). A factor depends on the order
 * only where the model is not a product of the groups (the attention-aware step cost couples size,
 * clip and shape); the order is BRIDGE_GROUPS's and is stated wherever the bridge is shown.
 */
import { SoraError } from '../errors.js';
import { computePoint, type StepCostModel } from '../model/compute.js';
import { articleValues, type InputKey } from '../model/inputs.js';
import { OUTPUTS, type OutputKey } from '../model/outputs.js';
import { percentile } from '../result/percentile.js';
import type { Result } from '../result/types.js';
import { BRIDGE_GROUPS, SAMPLING_STEP } from './groups.js';
import { deepFrozen } from '../frozen.js';

/** The outputs the report and `sora-mc bridge` show a bridge for. */
export const BRIDGED_OUTPUTS: readonly OutputKey[] = deepFrozen(['trainH100s', 'costPerVideoMinuteUsd']);

export interface BridgeStep {
  id: string;
  label: string;
  /** The inputs of this step's group (empty for the sampling step). */
  inputs: readonly InputKey[];
  /** Those whose scenario median differs from their article value: the ones that actually move. */
  moved: readonly InputKey[];
  /** The output before and after the step. */
  from: number;
  to: number;
  /** to / from. */
  factor: number;
  /** This step also switched the step-cost model (article → the scenario's). */
  switchesStepCost: boolean;
}

export interface Bridge {
  output: OutputKey;
  unit: string;
  scenario: string;
  /** The model at every input's article value, article step cost. */
  start: number;
  /** The model at every input's median, the scenario's step cost (the point before the sampling step). */
  atMedians: number;
  /** The Result's simulated median. */
  end: number;
  /** The scenario's step-cost model. */
  stepCost: StepCostModel;
  /** One per group, in order, then the sampling step. */
  steps: BridgeStep[];
  /** The order in words, for a caption. */
  order: string;
}

/** The bridge of `output` from the article's inputs to `result`'s simulated median. */
export function bridge(result: Result, output: OutputKey): Bridge {
  const { scenario } = result;
  const point: Record<InputKey, number> = articleValues();
  let stepCost: StepCostModel = 'article';
  const at = () => checked(computePoint(point, stepCost)[output], output, scenario.name);
  const start = at();
  const steps: BridgeStep[] = [];
  let before = start;
  for (const group of BRIDGE_GROUPS) {
    const moved = group.inputs.filter((key) => scenario.inputs[key].p50 !== point[key]);
    for (const key of group.inputs) point[key] = scenario.inputs[key].p50;
    const switches = group.stepCost === true && scenario.stepCost !== 'article';
    if (group.stepCost) stepCost = scenario.stepCost;
    const after = at();
    steps.push({ id: group.id, label: group.label, inputs: group.inputs, moved, from: before, to: after, factor: after / before, switchesStepCost: switches });
    before = after;
  }
  const end = checked(percentile(result.outputs[output], 0.5).value, output, scenario.name);
  steps.push({ id: SAMPLING_STEP.id, label: SAMPLING_STEP.label, inputs: [], moved: [], from: before, to: end, factor: end / before, switchesStepCost: false });
  return {
    output,
    unit: OUTPUTS[output].unit,
    scenario: scenario.name,
    start,
    atMedians: before,
    end,
    stepCost: scenario.stepCost,
    steps,
    order: `${BRIDGE_GROUPS.map((g) => g.label).join(' → ')} → sampling`,
  };
}

/** What the first bar stands for, in words. */
export function startWords(b: Pick<Bridge, 'output'>): string {
  if (b.output === 'trainH100s') return "the article's figure (its conservative case, 4× DiT's data)";
  if (b.output === 'costPerVideoMinuteUsd') return "the article's inputs at $2 an H100-hour (the article prints no cost)";
  return "the article's inputs";
}

/** The bridges of BRIDGED_OUTPUTS. */
export function bridges(result: Result): Bridge[] {
  return BRIDGED_OUTPUTS.map((key) => bridge(result, key));
}

/** Log contributions need positive, finite values. */
function checked(x: number, output: OutputKey, scenario: string): number {
  if (Number.isFinite(x) && x > 0) return x;
  throw new SoraError(`the bridge of ${OUTPUTS[output].label} needs positive values at every step`, {
    path: `outputs.${output}`,
    expected: 'a positive, finite value (each bar is a ratio)',
    found: `${x} in scenario ${scenario}`,
    hint: 'an input of 0 (e.g. a GPU price of 0) makes the output 0: the bridge cannot be drawn as factors',
  });
}
