/**
 * The report's words for how the inputs depend on each other: which inputs the scenario correlates
 * (Spearman rank correlations through a Gaussian copula) and that all others are independent.
 */
import type { ResolvedScenario } from '../src/scenario/types.js';

/** One sentence for the assumptions section and the method. */
export function dependenceSentence(scenario: Pick<ResolvedScenario, 'correlations'>): string {
  const c = scenario.correlations;
  if (!c) return 'Every uncertain input is sampled independently of the others.';
  const pairs: string[] = [];
  for (let i = 0; i < c.inputs.length; i++) {
    for (let j = i + 1; j < c.inputs.length; j++) {
      const rho = c.rank[i]![j]!;
      if (rho !== 0) pairs.push(`${c.inputs[i]} and ${c.inputs[j]} ${rho > 0 ? '+' : '−'}${Math.abs(rho)}`);
    }
  }
  return (
    `Correlated inputs (Spearman rank correlation, through a Gaussian copula, so each keeps its distribution): ${pairs.join('; ') || 'none (all zero)'}. ` +
    `Every other input is sampled independently. Discrete inputs reach a smaller rank correlation than asked (ties). ` +
    `The tornado moves one input at a time and does not follow the correlations.`
  );
}
