/**
 * The parameter sets normal and lognormal share: a distribution given by a central interval that
 * holds a stated share of its mass — {p5, p95} (90%), {p10, p90} (80%) or {low, high, level?}.
 * Each family supplies only how such an interval becomes its own parameters.
 */
import { numberParameter, requireOrdered, type CheckedParameters, type Domain, type ParameterDoc, type ParameterSet } from './family.js';
import type { Distribution } from './types.js';

/**
 * The upper probability of a central interval holding `level` of the mass: (1 + level)/2.
 * Exact for 0.9 and 0.8, so `{low, high}` is `{p5, p95}` and `{low, high, level: 0.8}` is `{p10, p90}`.
 */
export function upperOfLevel(level: number): number {
  return (1 + level) / 2;
}

/** The interval's parameters, each in `domain` (real for normal, positive for lognormal). */
export function centralIntervalParameters(domain: Domain, hint?: string): Record<string, ParameterDoc> {
  const withHint = (description: string): ParameterDoc => ({ domain, description, ...(hint === undefined ? {} : { hint }) });
  return {
    p5: withHint('5th percentile'),
    p95: withHint('95th percentile'),
    p10: withHint('10th percentile'),
    p90: withHint('90th percentile'),
    low: withHint('lower end of the central interval holding `level` of the mass'),
    high: withHint('upper end of the central interval holding `level` of the mass'),
    level: {
      domain: 'open-unit',
      description: 'probability of [low, high], e.g. 0.8 for an 80% interval',
      default: 0.9,
      hint: 'write the interval as a fraction: 0.8 for an 80% interval',
    },
  };
}

/**
 * Builds a family's distribution from the ends of a central interval: `low` and `high` are its
 * quantiles at 1 − pHigh and pHigh; `names` are the parameters they were given as, for messages.
 */
export type FromInterval = (low: number, high: number, pHigh: number, names: { low: string; high: string }) => Distribution;

/** The three interval parameter sets; `lowerBound` is written before each constraint (`0 < ` for lognormal). */
export function centralIntervalSets(lowerBound: string, fromInterval: FromInterval): ParameterSet[] {
  const pair = (lowName: string, highName: string, pHigh: (parameters: CheckedParameters) => number) => (parameters: CheckedParameters) => {
    const low = numberParameter(parameters, lowName);
    const high = numberParameter(parameters, highName);
    requireOrdered(low, high, lowName, highName);
    return fromInterval(low, high, pHigh(parameters), { low: lowName, high: highName });
  };
  return [
    { required: ['p5', 'p95'], optional: [], description: '5th and 95th percentiles', constraints: [`${lowerBound}p5 < p95`], build: pair('p5', 'p95', () => 0.95) },
    { required: ['p10', 'p90'], optional: [], description: '10th and 90th percentiles', constraints: [`${lowerBound}p10 < p90`], build: pair('p10', 'p90', () => 0.9) },
    {
      required: ['low', 'high'],
      optional: ['level'],
      description: 'central interval [low, high] holding `level` of the mass',
      constraints: [`${lowerBound}low < high`],
      build: pair('low', 'high', (parameters) => upperOfLevel(numberParameter(parameters, 'level'))),
    },
  ];
}
