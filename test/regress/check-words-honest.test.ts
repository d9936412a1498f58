// What check says about its own method and power: the standard error it names is the one it uses
// (the wider half of each interval), and a constant output's rounding noise is not a "smallest
// detectable drift" (3.6e-14% was printed for an output whose values differed in the last bit).
import { describe, expect, it } from 'vitest';
import { statisticalMethod } from '../../src/regress/report.js';
import { testPercentile, type Estimate } from '../../src/regress/statistical.js';

describe('check\'s words about its statistical tier', () => {
  it('names the wider half of each interval as the standard error, as the test computes it', () => {
    const text = statisticalMethod({ alpha: 1e-3, size: 210, perTest: 1e-3 / 210, zCritical: 4.58 });
    expect(text).toContain('each se the wider half of its 95% order-statistic interval ÷ 1.96');
    expect(text).not.toMatch(/facing half/);
  });

  it('states no detectable drift for an output that differs only in its last bits (constant up to rounding)', () => {
    const v = 15267175.572519077;
    const ulp = 1.862645149230957e-9; // one unit in the last place at this magnitude
    const base: Estimate = { p: 0.8, value: v, lower: v, upper: v + ulp, n: 100_000, confidence: 0.95 };
    const now: Estimate = { p: 0.8, value: v, lower: v, upper: v, n: 100_000, confidence: 0.95 };
    const row = testPercentile(base, now, 4.58);
    expect(row.verdict).toBe('holds');
    expect(row.detectableRelative).toBeUndefined();
    // A real change of such an output is still found: there is no spread to hide it.
    expect(testPercentile(base, { ...now, value: v * 1.001, lower: v * 1.001, upper: v * 1.001 }, 4.58).verdict).toBe('moved');
  });

  it('still states the drift an output with real spread can show', () => {
    const base: Estimate = { p: 0.5, value: 100, lower: 98, upper: 102, n: 10_000, confidence: 0.95 };
    expect(testPercentile(base, { ...base }, 4.58).detectableRelative).toBeGreaterThan(0.01);
  });
});
