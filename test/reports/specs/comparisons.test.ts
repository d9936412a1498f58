import { describe, expect, it } from 'vitest';
import { band } from '../../../reports/bands.js';
import { comparisonSpec } from '../../../reports/specs/comparison.js';
import { scenarioRowNames } from '../../../reports/scenario-names.js';
import { computePerOutputRows, computePerOutputSpec } from '../../../reports/specs/compute-per-output.js';
import { modelSizeSpec, SORA_ROW } from '../../../reports/specs/model-size.js';
import { HEADLINE_OUTPUTS } from '../../../src/model/outputs.js';
import { simulated } from '../fixtures.js';
import { compileWarnings, rowsOf, xScaleType } from '../spec-helpers.js';

const mission = await simulated('mission');
const article = await simulated('article');

describe('compute per unit of output', () => {
  it('gives Sora’s minute its P10–P90 and the text models the article’s fixed arithmetic', () => {
    const rows = computePerOutputRows(mission);
    expect(rows[0]).toMatchObject({ ...band(mission.outputs.flopsPerVideoMinute), article: 7.07e17 });
    expect(rows.find((r) => r.unit.startsWith('Llama-2-70B'))).toMatchObject({ p10: 1.4e14, p90: 1.4e14, article: 1.4e14 });
    expect(rows.find((r) => r.unit.startsWith('GPT-4'))).toMatchObject({ p50: 8.8e14, article: 8.8e14 });
    expect(rows.find((r) => r.unit.startsWith('DiT'))).toMatchObject({ p50: 1.31e14, article: 1.31e14 });
  });

  it('is drawn on a log scale', () => {
    const spec = computePerOutputSpec(mission);
    expect(xScaleType(spec)).toBe('log');
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('model size', () => {
  it('sets Sora’s assumed P10–P90 beside published models', () => {
    const spec = modelSizeSpec(mission);
    const sora = rowsOf(spec, 'rule').find((r) => r.row === SORA_ROW)!;
    expect(sora).toMatchObject({ p10: mission.scenario.inputs.soraParams.p10, p90: mission.scenario.inputs.soraParams.p90 });
    const published = rowsOf(spec, 'point').filter((r) => r.row !== SORA_ROW).map((r) => r.params);
    expect(published).toContain(30e9);
    expect(published).toContain(13e9);
    expect(compileWarnings(spec)).toEqual([]);
  });
});

describe('scenario comparison', () => {
  it.each([...HEADLINE_OUTPUTS])('%s: one row per scenario with its P10, P50 and P90', (key) => {
    const spec = comparisonSpec([article, mission], key);
    const ranges = rowsOf(spec, 'rule').filter((r) => r.scenario !== undefined);
    expect(ranges.map((r) => r.scenario)).toEqual(['article', 'mission']);
    expect(ranges[1]).toMatchObject(band(mission.outputs[key]));
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('numbers scenarios that share a name', () => {
    expect(scenarioRowNames([mission, article, mission])).toEqual(['mission (1)', 'article', 'mission (3)']);
  });
});
