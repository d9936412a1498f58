import { describe, expect, it } from 'vitest';
import { sourceFor, scenarioRef, baselineFileName } from '../../src/regress/baseline.js';
import { magnitudePercent, percentileLabel, probability, signedPercent, value } from '../../src/format.js';
import { scenarioChange } from '../../src/regress/scenario-change.js';

describe('scenario sources', () => {
  it('keep built-ins by name and files relative to the baseline, and resolve them back', () => {
    expect(sourceFor('builtin:mission', '/repo/baselines/mission.json')).toEqual({ builtin: 'mission' });
    const source = sourceFor('/repo/scenarios/fleet.yaml', '/repo/baselines/fleet.json');
    expect(source).toEqual({ path: '../scenarios/fleet.yaml' });
    expect(scenarioRef(source, '/elsewhere/baselines/fleet.json')).toBe('/elsewhere/scenarios/fleet.yaml');
    expect(sourceFor('/repo/baselines/fleet.yaml', '/repo/baselines/fleet.json')).toEqual({ path: './fleet.yaml' });
    expect(scenarioRef({ builtin: 'article' }, '/x/y.json')).toBe('article');
  });

  it('name baseline files after the scenario', () => {
    expect(baselineFileName('evidence-2025')).toBe('evidence-2025.json');
    // A name that had to change keeps a hash of itself ("my fleet/2" and "my_fleet_2" must not share a file).
    expect(baselineFileName('my fleet/2')).toMatch(/^my_fleet_2-[0-9a-f]{8}\.json$/);
    expect(baselineFileName('my fleet/2')).not.toBe(baselineFileName('my_fleet_2'));
  });
});

describe('scenarioChange', () => {
  const scenario = (spec: object) => ({ source: { builtin: 'x' }, name: 'x', hash: '0', stepCost: 'article' as const, inputs: { soraParams: { spec, description: 'd' } } });
  const now = (spec: object) => ({ ...scenario(spec), hash: '1', description: '', origin: 'builtin:x', inputs: { soraParams: { spec, description: 'd', source: '', p10: 0, p50: 0, p90: 0 } } });
  it('names inputs whose specs differ in value, not in key order', () => {
    const change = (a: object, b: object) => scenarioChange(scenario(a) as never, now(b) as never)!.inputs.map((i) => i.input);
    expect(change({ dist: 'lognormal', mu: 1, sigma: 2 }, { sigma: 2, dist: 'lognormal', mu: 1 })).toEqual([]);
    expect(change({ dist: 'lognormal', mu: 1 }, { dist: 'lognormal', mu: 1.0000001 })).toEqual(['soraParams']);
  });
});

describe('numbers in drift reports', () => {
  it('show enough digits to see a small move', () => {
    expect(value(20850.6123)).toBe('20,850.6');
    expect(value(2.16952e25)).toBe('2.16952e25');
    expect(value(0.638815)).toBe('0.638815');
    expect(signedPercent(0.0302)).toBe('+3.02%');
    expect(signedPercent(-0.0085)).toBe('-0.85%');
    expect(signedPercent(2.1e-12)).toBe('+2.1e-10%');
    expect(magnitudePercent(1e-12)).toBe('1e-10%');
    expect(magnitudePercent(1.312)).toBe('131.2%');
    expect(percentileLabel(0.5)).toBe('P50');
    expect(percentileLabel(0.999)).toBe('P99.9');
    expect(probability(1e-3)).toBe('0.001');
    expect(probability(5.29e-6)).toBe('5.3e-6');
  });
});
