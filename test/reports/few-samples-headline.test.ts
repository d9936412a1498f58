/**
 * `report --samples 1` wrote "Training: 12,952 H100s for a month
 * (P10 = P90)" — a scenario full of uncertainty read as a certain figure, because one sample has no
 * spread. Where P10's or P90's interval cannot reach 95% (too few samples), the headline says how
 * few samples there were instead of a band or "P10 = P90".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headline } from '../../reports/headline.js';
import type { Result } from '../../src/result/types.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { simulate } from '../../src/simulate/simulate.js';

describe('a headline from too few samples says so', () => {
  let pool: SamplerPool;
  const results: Record<number, Result> = {};

  beforeAll(async () => {
    pool = SamplerPool.start(1);
    for (const samples of [1, 10, 2000]) results[samples] = await simulate(loadScenario('mission'), { samples, pool });
  }, 60_000);
  afterAll(() => pool.close());

  it.each([1, 10])('%i samples: no "P10 = P90" and no bare band; the sample count is named', (samples) => {
    const text = headline(results[samples]!, 'trainH100s').text;
    expect(text).not.toMatch(/P10 = P90/);
    expect(text).toMatch(new RegExp(`only ${samples} sample`));
  });

  it('2,000 samples: the usual band and median', () => {
    const text = headline(results[2000]!, 'trainH100s').text;
    expect(text).toMatch(/\(P10–P90\), median/);
    expect(text).not.toMatch(/only/);
  });
});
