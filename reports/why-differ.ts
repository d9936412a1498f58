/**
 * Why the best estimate differs from the article's figure and from the mission band, in one short
 * line per headline output, from the bridge (src/bridge): both bridges start at the article's inputs
 * and move the same groups of inputs in the same order, so a group's factor in the best estimate's
 * bridge over its factor in mission's is what that group contributes to their difference. The two
 * groups that move the output most are named.
 */
import { bridge, type Bridge } from '../src/bridge/bridge.js';
import { SoraError } from '../src/errors.js';
import { factor } from '../src/format.js';
import type { OutputKey } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';

/** The bridge groups as a table cell names them. */
const SHORT: Record<string, string> = {
  'dit-reference': 'DiT figures',
  'macs-to-flops': 'MACs → FLOPs',
  'model-size': 'model size',
  data: 'training data',
  clip: 'clip',
  'step-cost': 'step cost',
  guidance: 'guidance',
  steps: 'steps',
  'gpu-peak': 'GPU peak',
  utilisation: 'utilisation',
  'run-length': 'run length',
  price: 'GPU price',
  demand: 'demand',
  sampling: 'sampling',
};

function bridgeOf(result: Result, key: OutputKey): Bridge | undefined {
  try {
    return bridge(result, key);
  } catch (error) {
    if (error instanceof SoraError) return undefined;
    throw error;
  }
}

/** The `count` largest factors (by |log|) of id → factor, as `training data ×0.125, utilisation ×2.54`. */
function largest(factors: readonly { id: string; factor: number }[], count = 2): string {
  return [...factors]
    .filter((f) => Number.isFinite(f.factor) && f.factor > 0 && Math.abs(Math.log(f.factor)) > Math.log(1.1))
    .sort((a, b) => Math.abs(Math.log(b.factor)) - Math.abs(Math.log(a.factor)))
    .slice(0, count)
    .map((f) => `${SHORT[f.id] ?? f.id} ${factor(f.factor)}`)
    .join(', ');
}

export interface Difference {
  /** Against the article's figure: the best estimate's median over the bridge's start, and its largest steps. */
  article: string;
  /** Against mission: the ratio of medians and the groups that account for most of it. */
  mission: string;
}

/** Why `result`'s median differs from the article's figure and from `mission`'s median. */
export function whyDiffer(result: Result, mission: Result, key: OutputKey): Difference {
  const best = bridgeOf(result, key);
  const other = bridgeOf(mission, key);
  const article = best ? `article ${factor(best.end / best.start)}: ${largest(best.steps) || 'no single group'}` : '';
  const versus = best && other
    ? `mission ${factor(best.end / other.end)}: ${largest(best.steps.map((s, i) => ({ id: s.id, factor: s.factor / other.steps[i]!.factor }))) || 'no single group'}`
    : '';
  return { article, mission: versus };
}
