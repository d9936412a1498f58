/** The fingerprint of a scenario's assumptions: what a baseline compares and a worker caches by. */
import { createHash } from 'node:crypto';
import type { StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, INPUTS, type InputKey } from '../model/inputs.js';
import type { ResolvedCorrelations } from './correlations.js';
import type { InputAssumption } from './types.js';

/**
 * The sha256 of the assumptions (step-cost model, the distribution of every input that is not fixed
 * at its article value, and any rank correlations), not of names or prose. Inputs at their article
 * value are left out, so an input added to the catalogue (at a default that changes no number)
 * leaves every existing hash as it was; without correlations the canonical form has no
 * correlations key.
 */
export function assumptionHash(stepCost: StepCostModel, inputs: Readonly<Record<InputKey, Pick<InputAssumption, 'spec'>>>, correlations?: Pick<ResolvedCorrelations, 'inputs' | 'rank'>): string {
  const atArticle = (key: InputKey) => {
    const spec = inputs[key].spec as { dist: string; value?: number };
    return spec.dist === 'fixed' && Object.is(spec.value, INPUTS[key].article);
  };
  const canonical = JSON.stringify({
    stepCost,
    inputs: INPUT_KEYS.filter((key) => !atArticle(key)).map((key) => [key, inputs[key].spec]),
    ...(correlations ? { correlations: { inputs: correlations.inputs, rank: correlations.rank } } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
