import { describe, expect, it } from 'vitest';
import { tornadoRows, tornadoSpec, unmovedInputs } from '../../../reports/specs/tornado.js';
import { percentile } from '../../../src/result/percentile.js';
import { HEADLINE_OUTPUTS } from '../../../src/model/outputs.js';
import { INPUT_KEYS } from '../../../src/model/inputs.js';
import type { Result } from '../../../src/result/types.js';
import { simulated } from '../fixtures.js';
import { compileWarnings, rowsOf } from '../spec-helpers.js';

const mission = await simulated('mission');
const evidence = await simulated('evidence-2025');

/** Inputs whose own P10 and P90 differ: the uncertain ones. */
const uncertainInputs = (result: Result) => INPUT_KEYS.filter((key) => result.scenario.inputs[key].p10 !== result.scenario.inputs[key].p90);

describe('tornado charts', () => {
  it.each([
    ['mission', mission],
    ['evidence-2025', evidence],
  ] as const)('%s: one bar per uncertain input that moves the output, the others named as left out', (_, result) => {
    for (const key of HEADLINE_OUTPUTS) {
      const rows = tornadoRows(result, key);
      const left = unmovedInputs(result, key);
      expect(rows.length + left.length).toBe(uncertainInputs(result).length);
      const subtitle = (tornadoSpec(result, key).title as { subtitle: string[] }).subtitle;
      // The list may run over several lines (listLines); read together they name every input left out.
      const from = subtitle.findIndex((line) => line.startsWith('Left out'));
      if (left.length > 0) expect(subtitle.slice(from).join(' ')).toBe(`Left out, no detectable effect: ${left.join(', ')}`);
      else expect(from).toBe(-1);
    }
    // Inference utilisation does not enter the training fleet: left out of its tornado.
    expect(tornadoRows(result, 'trainH100s').map((r) => r.input)).not.toContain('inferMfu');
  });

  it('puts the widest swing first', () => {
    const swings = tornadoRows(evidence, 'costPerVideoMinuteUsd').map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(swings[0]).toBeGreaterThan(0);
  });

  it('centres on the simulated P50 (not the model at the medians: 355k H100s for evidence-2025) and draws each bar to the medians given the bottom and top decile', () => {
    const spec = tornadoSpec(evidence, 'trainH100s');
    const median = percentile(evidence.outputs.trainH100s, 0.5).value;
    expect(median).toBeLessThan(300_000);
    const rule = (spec as { layer: { data?: { values: { at: number }[] } }[] }).layer.at(-1)!.data!.values[0]!;
    expect(rule.at).toBe(median);
    const bar = evidence.sensitivity.tornado.find((b) => b.input === 'soraParams')!;
    const segments = rowsOf(spec, 'bar').filter((r) => String(r.row).startsWith('Sora parameters'));
    expect(segments.map((s) => [s.from, s.to])).toEqual([
      [median, bar.outputs.trainH100s!.atLow],
      [median, bar.outputs.trainH100s!.atHigh],
    ]);
    expect(bar.outputs.trainH100s!.atLow).toBeLessThan(median);
    expect(bar.outputs.trainH100s!.atHigh).toBeGreaterThan(median);
    expect(compileWarnings(spec)).toEqual([]);
  });
});
