/** The fingerprint of a scenario's assumptions: what a baseline compares and a worker caches by. */
import { createHash } from 'node:crypto';
import type { StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { ResolvedCorrelations } from './correlations.js';
import type { InputAssumption } from './types.js';

/**
 * The sha256 of the assumptions (step-cost model, every input's distribution and any rank
 * correlations), not of names or prose. Without correlations the canonical form is as before, so
 * the hashes of existing scenarios and baselines do not change.
 */
export function assumptionHash(stepCost: StepCostModel, inputs: Readonly<Record<InputKey, Pick<InputAssumption, 'spec'>>>, correlations?: Pick<ResolvedCorrelations, 'inputs' | 'rank'>): string {
  const canonical = JSON.stringify({
    stepCost,
    inputs: INPUT_KEYS.map((key) => [key, inputs[key].spec]),
    ...(correlations ? { correlations: { inputs: correlations.inputs, rank: correlations.rank } } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
