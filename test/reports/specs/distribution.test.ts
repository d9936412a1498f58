import { describe, expect, it } from 'vitest';
import { displayBins, distributionSpec, publishedMarkers } from '../../../reports/specs/distribution.js';
import { HEADLINE_OUTPUTS } from '../../../src/model/outputs.js';
import type { OutputStats } from '../../../src/result/types.js';
import { percentile } from '../../../src/result/percentile.js';
import { simulated } from '../fixtures.js';
import { compileWarnings, rowsOf, subtitle, xScaleType } from '../spec-helpers.js';

const mission = await simulated('mission');
const article = await simulated('article');

describe('distribution charts', () => {
  it.each([...HEADLINE_OUTPUTS])('%s: P10, P50 and P90 rules sit at the Result’s percentiles, labelled', (key) => {
    const spec = distributionSpec(mission, key);
    const stats = mission.outputs[key];
    const rules = rowsOf(spec, 'rule').filter((r) => /^P\d+ /.test(String(r.label)));
    expect(rules.map((r) => r.value).sort((a, b) => Number(a) - Number(b))).toEqual([0.1, 0.5, 0.9].map((q) => percentile(stats, q).value));
    expect(rules.map((r) => String(r.label).split(' ')[0]).sort()).toEqual(['P10', 'P50', 'P90']);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('marks the article’s figures where it printed some, and none for cost', () => {
    const train = rowsOf(distributionSpec(mission, 'trainH100s'), 'rule').filter((r) => r.kind === 'article');
    expect(train.map((r) => r.value)).toEqual([4211, 10528]);
    const cost = rowsOf(distributionSpec(mission, 'costPerVideoMinuteUsd'), 'rule').filter((r) => r.kind === 'article');
    expect(cost).toEqual([]);
  });

  it('overlays Sora 2’s API prices and costs from published timings on the cost chart', () => {
    const labels = publishedMarkers(mission, 'costPerVideoMinuteUsd').map((m) => m.label);
    expect(labels).toContain('Sora 2 API list price, 720p $6.00');
    expect(labels.some((l) => l.startsWith('HunyuanVideo'))).toBe(true);
  });

  it('uses a log axis where the values span decades, a linear one where they do not', () => {
    expect(xScaleType(distributionSpec(mission, 'costPerVideoMinuteUsd'))).toBe('log');
    expect(xScaleType(distributionSpec(article, 'trainH100s'))).toBe('linear');
  });

  it('names the scenario and reads the P10–P90 range in its subtitle', () => {
    const lines = subtitle(distributionSpec(mission, 'trainH100s'));
    expect(lines[0]).toMatch(/^P10–P90: [\d,]+–[\d,]+ H100s · median [\d,]+$/);
    expect(lines[1]).toContain('Scenario mission');
  });

  it('draws a histogram of one value (every sample alike) as one thin bar', () => {
    const spec = distributionSpec(article, 'videoMinutesPerGpuHour');
    const bars = rowsOf(spec, 'rect');
    expect(bars).toHaveLength(1);
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('displayBins', () => {
  const stats = mission.outputs.trainH100s;

  it('keeps every sample: shares add up to 1', () => {
    for (const log of [false, true]) {
      const total = displayBins(stats, log).reduce((sum, bin) => sum + bin.share, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('scales heights to density along the axis, the tallest bar 1', () => {
    const bins = displayBins(stats, true);
    expect(Math.max(...bins.map((b) => b.height))).toBe(1);
    const ratio = (b: (typeof bins)[number]) => b.share / (Math.log10(b.x1) - Math.log10(b.x0)) / b.height;
    expect(ratio(bins[5]!)).toBeCloseTo(ratio(bins[20]!), 9);
  });

  it('widens a zero-width histogram so it can be seen', () => {
    const one: OutputStats = { ...stats, min: 5, max: 5, histogram: { scale: 'linear', bins: [{ x0: 5, x1: 5, count: 10 }] } };
    const [bar] = displayBins(one, false);
    expect(bar!.x0).toBeLessThan(5);
    expect(bar!.x1).toBeGreaterThan(5);
  });
});
