/** The fingerprint of a scenario's assumptions: what a baseline compares and a worker caches by. */
import { createHash } from 'node:crypto';
import type { StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { InputAssumption } from './types.js';

/** The sha256 of the assumptions (step-cost model and every input's distribution), not of names or prose. */
export function assumptionHash(stepCost: StepCostModel, inputs: Readonly<Record<InputKey, Pick<InputAssumption, 'spec'>>>): string {
  const canonical = JSON.stringify({ stepCost, inputs: INPUT_KEYS.map((key) => [key, inputs[key].spec]) });
  return createHash('sha256').update(canonical).digest('hex');
}
