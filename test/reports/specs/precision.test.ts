import { describe, expect, it } from 'vitest';
import { precisionSpec } from '../../../reports/specs/precision.js';
import { loadScenario } from '../../../src/scenario/resolve.js';
import { simulateToPrecision } from '../../../src/simulate/precision.js';
import { chartsOf, simulated } from '../fixtures.js';
import { compileWarnings, rowsOf, subtitle } from '../spec-helpers.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const met = await simulateToPrecision(loadScenario('mission'), { precision: '1%', maxSamples: 1e6, workers: 2 });
const capped = await simulateToPrecision(loadScenario('mission'), { precision: '0.1%', maxSamples: 40_000, workers: 2 });

describe('the precision trace chart', () => {
  it('is in the report only when the run went to a precision', async () => {
    expect(chartsOf(met).map((c) => c.id)).toContain('precision');
    expect(chartsOf(await simulated('mission')).map((c) => c.id)).not.toContain('precision');
  });

  it('plots every batch’s widest relative half-width against its samples, the target as a rule, the last batch marked', () => {
    const trace = met.run.precision!;
    const spec = precisionSpec(met, trace);
    const points = rowsOf(spec, 'point') as { samples: number; width: number; last: boolean }[];
    expect(points.map((p) => [p.samples, p.width])).toEqual(trace.trace.map((b) => [b.samples, b.worst.relativeHalfWidth]));
    expect(points.filter((p) => p.last).map((p) => p.samples)).toEqual([met.run.samples]);
    expect(points.length).toBeGreaterThan(1); // the first batch of 16,384 does not meet ±1% for mission
    expect((rowsOf(spec, 'rule')[0] as { target: number }).target).toBe(0.01);
    expect(subtitle(spec)[0]).toContain(`Stopped at batch ${points.length}: ${met.run.samples.toLocaleString('en-US')} samples, target met`);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('says NOT MET when the cap came first', () => {
    expect(subtitle(precisionSpec(capped, capped.run.precision!))[0]).toContain('NOT MET: stopped at --max-samples 40,000');
  });
});
