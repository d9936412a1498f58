import { describe, expect, it } from 'vitest';
import { tornadoRows, tornadoSpec } from '../../../reports/specs/tornado.js';
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
  ] as const)('%s: one bar per uncertain input, for every headline output', (_, result) => {
    for (const key of HEADLINE_OUTPUTS) {
      const rows = tornadoRows(result, key);
      expect(rows.map((r) => r.input).sort()).toEqual([...uncertainInputs(result)].sort());
    }
  });

  it('puts the widest swing first', () => {
    const swings = tornadoRows(evidence, 'costPerVideoMinuteUsd').map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(swings[0]).toBeGreaterThan(0);
  });

  it('draws each bar from the output at all medians to the output at the input’s P10 and P90', () => {
    const spec = tornadoSpec(mission, 'trainH100s');
    const median = mission.sensitivity.atMedians.trainH100s;
    const bar = mission.sensitivity.tornado.find((b) => b.input === 'soraParams')!;
    const segments = rowsOf(spec, 'bar').filter((r) => String(r.row).startsWith('Sora parameters'));
    expect(segments.map((s) => [s.from, s.to])).toEqual([
      [median, bar.outputs.trainH100s!.atLow],
      [median, bar.outputs.trainH100s!.atHigh],
    ]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('lists inputs that do not move an output as having no effect', () => {
    const spec = tornadoSpec(mission, 'trainH100s');
    const unmoved = rowsOf(spec, 'text').filter((r) => r.label === 'no effect');
    expect(unmoved.map((r) => String(r.row))).toEqual([expect.stringMatching(/^Inference MFU/)]);
  });
});
