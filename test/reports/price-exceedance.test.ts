import { specTitle } from '../../reports/charts.js';
import { describe, expect, it } from 'vitest';
import { chanceAbove, chanceWords } from '../../reports/price-exceedance.js';
import { costExceedanceSpec } from '../../reports/specs/cost-exceedance.js';
import type { OutputStats } from '../../src/result/types.js';
import { percentile } from '../../src/result/percentile.js';
import { simulated } from './fixtures.js';
import { rowsOf, subtitle } from './spec-helpers.js';

const stats = (scale: 'linear' | 'log', bins: [number, number, number][]) =>
  ({ histogram: { scale, bins: bins.map(([x0, x1, count]) => ({ x0, x1, count })) } }) as unknown as OutputStats;

describe('chanceAbove', () => {
  it('is exact at bin edges and spreads a bin’s samples evenly inside it', () => {
    const s = stats('linear', [[0, 1, 10], [1, 2, 30], [2, 4, 60]]);
    expect(chanceAbove(s, 0)).toBe(1);
    expect(chanceAbove(s, 1)).toBe(0.9);
    expect(chanceAbove(s, 2)).toBe(0.6);
    expect(chanceAbove(s, 3)).toBeCloseTo(0.3, 12);
    expect(chanceAbove(s, 5)).toBe(0);
  });

  it('spreads evenly in log x on log-spaced bins', () => {
    expect(chanceAbove(stats('log', [[1, 100, 100]]), 10)).toBeCloseTo(0.5, 12);
  });

  it('agrees with the Result’s own percentiles: about 20% above the P80, 10% above the P90', async () => {
    const cost = (await simulated('evidence-2025')).outputs.costPerVideoMinuteUsd;
    // 60 bins: the even-spread reading is within one bin's share of samples of the exact one (≤ ~5% here).
    expect(Math.abs(chanceAbove(cost, percentile(cost, 0.8).value) - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(chanceAbove(cost, percentile(cost, 0.9).value) - 0.1)).toBeLessThan(0.02);
  });

  it('words a chance without claiming more precision than the sample has', () => {
    expect([chanceWords(0), chanceWords(0.0004), chanceWords(0.004), chanceWords(0.5), chanceWords(1)]).toEqual(['< 0.1%', '< 0.1%', '0.4%', '50%', '> 99.9%']);
  });
});

describe('the cost exceedance chart', () => {
  it('marks Sora 2’s list prices, each with the chance the cost exceeds it, and says so in the subtitle', async () => {
    const result = await simulated('evidence-2025');
    const spec = costExceedanceSpec(result);
    const labels = rowsOf(spec, 'text').map((r) => String(r.label));
    expect(labels.some((l) => /^Sora 2 API list price, 720p \$6\.00: \d+% above$/.test(l))).toBe(true);
    expect(specTitle(spec)).toMatch(/^The GPU cost of a minute is (likely above|likely below|as likely above as below) Sora 2’s \$6\.00 list price \(\d+% chance above\)$/);
  });
});
