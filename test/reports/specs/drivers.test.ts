import { describe, expect, it } from 'vitest';
import { percentile } from '../../../src/result/percentile.js';
import { band, exceedance, inferenceComputeBand, trainingBand } from '../../../reports/bands.js';
import { crossoverSpec } from '../../../reports/specs/crossover.js';
import { exceedanceSpec } from '../../../reports/specs/exceedance.js';
import { AI_SHARES, articleAiShare, fleetByAiShareSpec, scenarioAiShare } from '../../../reports/specs/fleet-by-ai-share.js';
import { RUN_MONTHS, trainingByRunLengthSpec } from '../../../reports/specs/training-by-run-length.js';
import { simulated } from '../fixtures.js';
import { compileWarnings, rowsOf, subtitle } from '../spec-helpers.js';

const mission = await simulated('mission');

describe('peak fleet against the AI share of uploads', () => {
  const spec = fleetByAiShareSpec(mission);
  const area = rowsOf(spec, 'area');

  it('spans 0–100% with the band exactly proportional to the share', () => {
    expect(AI_SHARES[0]).toBe(0);
    expect(AI_SHARES.at(-1)).toBe(1);
    const all = band(mission.outputs.inferenceH100sPeakAllAi);
    expect(area.at(-1)).toMatchObject({ share: 1, p10: all.p10, p50: all.p50, p90: all.p90 });
    expect(area[0]).toMatchObject({ share: 0, p10: 0, p90: 0 });
  });

  it('marks the article’s ~720k at its 25% AI share and this scenario’s share', () => {
    expect(articleAiShare()).toBeCloseTo(14.95 / 60, 12);
    expect(scenarioAiShare(mission)).toBeCloseTo(14.95 / 60, 12);
    expect(rowsOf(spec, 'point').map((r) => r.value)).toContain(720e3);
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('training H100s against run length', () => {
  const spec = trainingByRunLengthSpec(mission);

  it('runs from 1 to 6 months with the band trainGpuHours ÷ (months × 720)', () => {
    expect(RUN_MONTHS[0]).toBe(1);
    expect(RUN_MONTHS.at(-1)).toBe(6);
    const three = rowsOf(spec, 'area').find((r) => r.months === 3)!;
    expect(three).toMatchObject(trainingBand(mission, 3));
    expect(subtitle(spec)[0]).toContain('for three months');
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('crossover', () => {
  const spec = crossoverSpec(mission);

  it('draws inference compute as minutes × flopsPerVideoMinute percentiles beside the trainFlops band', () => {
    const areas = rowsOf(spec, 'area');
    const training = band(mission.outputs.trainFlops);
    const inference = areas.filter((r) => r.p10 !== training.p10);
    expect(inference.length).toBeGreaterThan(2);
    for (const row of inference) expect(row).toMatchObject(inferenceComputeBand(mission, Number(row.minutes)));
    expect(areas.filter((r) => r.p10 === training.p10 && r.p90 === training.p90)).toHaveLength(2);
  });

  it('marks TikTok’s and YouTube’s daily uploads', () => {
    const rules = rowsOf(spec, 'rule').filter((r) => r.kind === 'reference');
    expect(rules.map((r) => r.value)).toEqual([17e6, 43e6]);
    expect(rules.map((r) => String(r.label))).toEqual([expect.stringMatching(/^TikTok/), expect.stringMatching(/^YouTube/)]);
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('exceedance', () => {
  const spec = exceedanceSpec(mission);

  it('plots the histogram exceedance of training and peak inference H100s', () => {
    const line = rowsOf(spec, 'line');
    const train = exceedance(mission.outputs.trainH100s);
    expect(line.filter((r) => String(r.series).startsWith('Training')).map((r) => [r.x, r.probability])).toEqual(train.map((p) => [p.x, p.probability]));
    expect(subtitle(spec).join(' ')).toMatch(/exact at each bin edge/);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('marks P10, P50, P80 and P90 at 90%, 50%, 20% and 10%', () => {
    const points = rowsOf(spec, 'point').filter((r) => String(r.series).startsWith('Training'));
    const b = band(mission.outputs.trainH100s);
    expect(points.map((r) => [r.x, r.probability])).toEqual([
      [b.p10, 0.9],
      [b.p50, 0.5],
      [percentile(mission.outputs.trainH100s, 0.8).value, 0.2],
      [b.p90, 0.1],
    ]);
  });
});
