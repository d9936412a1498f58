import { describe, expect, it } from 'vitest';
import { whatIfDefaults, whatIfRows, whatIfSpec } from '../../../reports/specs/what-if.js';
import { percentile } from '../../../src/result/percentile.js';
import { simulated } from '../fixtures.js';
import { compileWarnings } from '../spec-helpers.js';

/** A row's band at slider values `v`, as the chart's transform computes it. */
function bandAt(row: ReturnType<typeof whatIfRows>[number], v: ReturnType<typeof whatIfDefaults>) {
  const f = row.k * v.price ** row.usesPrice * v.share ** row.usesShare / v.days ** row.usesDays / v.mfu;
  return [row.b10 * f, row.b50 * f, row.b90 * f];
}


describe('what-if sliders', () => {
  it('at the scenario’s own values reproduce the Result’s bands where every input in the constant is fixed (article)', async () => {
    const article = await simulated('article');
    const rows = whatIfRows(article);
    expect(rows.map((r) => r.output)).toEqual(['trainH100s', 'trainCostUsd', 'costPerVideoMinuteUsd', 'inferenceH100sPeak']);
    for (const row of rows) {
      const stats = article.outputs[row.output];
      const expected = [0.1, 0.5, 0.9].map((p) => percentile(stats, p).value);
      bandAt(row, whatIfDefaults(article)).forEach((x, i) => expect(x / expected[i]! - 1, row.row).toBeLessThan(1e-12));
      bandAt(row, whatIfDefaults(article)).forEach((x, i) => expect(x / expected[i]! - 1, row.row).toBeGreaterThan(-1e-12));
    }
  });

  it('scale each band exactly as the model does: cost ∝ price, H100s ∝ 1/run length, fleet ∝ share, all ∝ 1/utilisation', async () => {
    const mission = await simulated('mission');
    const d = whatIfDefaults(mission);
    const rows = Object.fromEntries(whatIfRows(mission).map((r) => [r.output, r]));
    const ratio = (row: string, v: Partial<typeof d>) => bandAt(rows[row]!, { ...d, ...v })[1]! / bandAt(rows[row]!, d)[1]!;
    expect(ratio('trainCostUsd', { price: d.price * 3 })).toBeCloseTo(3, 12);
    expect(ratio('trainH100s', { price: d.price * 3 })).toBeCloseTo(1, 12);
    expect(ratio('trainH100s', { days: d.days * 2 })).toBeCloseTo(0.5, 12);
    expect(ratio('inferenceH100sPeak', { share: d.share * 2 })).toBeCloseTo(2, 12);
    expect(ratio('costPerVideoMinuteUsd', { mfu: 2 })).toBeCloseTo(0.5, 12);
    expect(compileWarnings(whatIfSpec(mission))).toEqual([]);
  });

  it('leaves out a band whose constant involves an input the scenario leaves uncertain', async () => {
    const calibrated = await simulated('calibrated');
    const uncertain = (key: 'servingGpuEfficiency' | 'inferPeakFlops') => calibrated.scenario.inputs[key].p10 !== calibrated.scenario.inputs[key].p90;
    const rows = whatIfRows(calibrated).map((r) => r.row);
    if (uncertain('servingGpuEfficiency') || uncertain('inferPeakFlops')) expect(rows).not.toContain('Cost per video minute');
    expect(rows).toContain('Training H100s');
  });
});
