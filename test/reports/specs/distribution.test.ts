import { chartSource } from '../../../reports/chart-source.js';
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
    expect(labels.some((l) => l.startsWith('HunyuanVideo') && l.endsWith('(computed)'))).toBe(true);
    expect(labels.filter((l) => l.includes('list price')).every((l) => !l.endsWith('(computed)'))).toBe(true);
  });

  it('uses a log axis exactly where the Result’s bins are log-spaced, so bars never stretch across a log axis', async () => {
    let logs = 0;
    for (const name of ['article', 'mission', 'evidence-2025', 'calibrated']) {
      const result = await simulated(name);
      for (const key of HEADLINE_OUTPUTS) {
        const scale = xScaleType(distributionSpec(result, key));
        expect(`${name} ${key} ${scale}`).toBe(`${name} ${key} ${result.outputs[key].histogram.scale === 'log' ? 'log' : 'linear'}`);
        if (scale === 'log') logs++;
      }
    }
    expect(logs).toBeGreaterThan(0);
  });

  it('draws a far-off reference at the axis end with an arrow instead of stretching the axis to it', () => {
    const spec = distributionSpec(mission, 'costPerVideoMinuteUsd');
    const labels = rowsOf(spec, 'text').map((r) => String(r.label));
    expect(labels).toContain('Sora 2 Pro API list price, 1792×1024 $30.00 ▶');
  });

  it('reads the P10–P90 range in its subtitle and names the scenario in its source line', () => {
    const lines = subtitle(distributionSpec(mission, 'trainH100s'));
    expect(lines[0]).toMatch(/^P10–P90: [\d,]+–[\d,]+ H100s · median [\d,]+$/);
    expect(chartSource(mission)).toMatch(/^Source: sora-mc simulation of mission \(20,000 samples, seed \d+, article step cost\)\.$/);
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
