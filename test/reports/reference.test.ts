import { describe, expect, it } from 'vitest';
import { measuredCosts, measuredThroughputs, publishedModels, publishedTrainingFleets, soraPrices } from '../../reports/reference.js';

describe('published reference facts', () => {
  it('lists published model sizes, smallest first, each with a source', () => {
    const models = publishedModels();
    expect(models.map((m) => m.params)).toEqual([...models.map((m) => m.params)].sort((a, b) => a - b));
    expect(models.find((m) => m.name === 'HunyuanVideo')?.params).toBe(13e9);
    for (const m of models) expect(m.sources.length).toBeGreaterThan(0);
  });

  it('derives minutes of video per GPU-hour from single-GPU timings', () => {
    const hunyuan = measuredThroughputs().find((m) => m.name === 'HunyuanVideo')!;
    // 129 frames at 24 fps (5.375 s of video) in 1,904 s.
    expect(hunyuan.minutesPerGpuHour).toBeCloseTo((129 / 24 / 60) / (1904 / 3600), 12);
    const cog = measuredThroughputs().find((m) => m.name.startsWith('CogVideoX'))!;
    expect(cog.minutesPerGpuHour).toBeCloseTo((5 / 60) / (550 / 3600), 12);
  });

  it('prices those timings at the given rental rate', () => {
    const cost = measuredCosts(2).find((c) => c.label === 'HunyuanVideo')!;
    expect(cost.usdPerVideoMinute).toBeCloseTo(2 / ((129 / 24 / 60) / (1904 / 3600)), 12);
    expect(cost.note).toMatch(/^derived/);
  });

  it('has Sora 2’s API prices per minute and the analyst’s cost per ten-second clip × 6', () => {
    const prices = soraPrices();
    expect(prices.filter((p) => p.label.includes('API')).map((p) => p.usdPerVideoMinute)).toEqual([6, 18, 30]);
    expect(prices.find((p) => p.label.startsWith('Analyst'))?.usdPerVideoMinute).toBeCloseTo(7.8, 12);
  });

  it('has Movie Gen’s published training fleet', () => {
    expect(publishedTrainingFleets()).toContainEqual(expect.objectContaining({ name: 'Meta Movie Gen Video', gpus: 6144, gpu: 'H100' }));
  });
});
