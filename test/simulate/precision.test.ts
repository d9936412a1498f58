import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { parsePrecision, simulateToPrecision } from '../../src/simulate/precision.js';
import { simulate } from '../../src/simulate/simulate.js';
import { scratchDir } from '../helpers/scratch.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir();

// Only soraParams uncertain, lognormal with P5 10e9 and P95 30e9: σ = ln 3 / (2 × 1.6449) = 0.3340.
// Every headline output is then soraParams to the power ±1 times a constant (lognormal, same σ) or
// constant (the crossover: model size cancels). The order-statistic interval of quantile p of a
// lognormal has a relative half-width of about 1.96 σ √(p(1 − p)/n) / φ(z_p) (the delta method for
// sample quantiles), widest at P10/P90: 1.96 × 0.3340 × 0.3 / 0.17550 / √n = 1.119 / √n. For the
// target 0.5% that is 0.0062 at n = 32,768 (not met) and 0.0044 at n = 65,536 (met): the batches
// 16,384, 32,768, 65,536 must stop at the third. The margins (24% and 12%) are far beyond the
// sampling wobble of an interval's width at these n (about 1/√(n p) ≈ 1.2% at n = 65,536, P10),
// so a correct engine fails this with negligible probability.
const file = scratch.write('one-lognormal.yaml', 'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n');

describe('run to precision', () => {
  it('stops at the first batch that meets the target, and its Result is the plain run at that count', async () => {
    const scenario = loadScenario(file);
    const result = await simulateToPrecision(scenario, { precision: '0.5%', maxSamples: 1e6, workers: 2 });
    const p = result.run.precision!;
    expect(p.trace.map((b) => b.samples)).toEqual([16_384, 32_768, 65_536]);
    expect(p.trace.map((b) => b.met)).toEqual([false, false, true]);
    expect(p.met).toBe(true);
    expect(result.run.samples).toBe(65_536);
    // The prediction, checked loosely (±10%) against the measured widest half-width at each batch.
    for (const batch of p.trace) expect(batch.worst.relativeHalfWidth / (1.119 / Math.sqrt(batch.samples))).toBeGreaterThan(0.9);
    for (const batch of p.trace) expect(batch.worst.relativeHalfWidth / (1.119 / Math.sqrt(batch.samples))).toBeLessThan(1.1);
    const plain = await simulate(scenario, { samples: 65_536, workers: 1 });
    expect(JSON.stringify(result.outputs)).toBe(JSON.stringify(plain.outputs));
  });

  it('says plainly when the cap comes first', async () => {
    const result = await simulateToPrecision(loadScenario(file), { precision: 0.005, maxSamples: 40_000, workers: 2 });
    const p = result.run.precision!;
    expect(p.trace.map((b) => b.samples)).toEqual([16_384, 32_768, 40_000]);
    expect(p.met).toBe(false);
    expect(p.statement).toMatch(/^NOT MET: stopped at --max-samples 40,000/);
    expect(result.run.samples).toBe(40_000);
  });

  it('exits 2 from the CLI for a bad precision, or --max-samples without --precision', () => {
    for (const args of [['--precision', '0'], ['--precision=-2%'], ['--max-samples', '1e5']]) {
      const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', file, ...args, '--out', join(scratch.dir, 'never')], { encoding: 'utf8' });
      expect(status).toBe(2);
      expect(stderr).toMatch(/^error: --(precision|max-samples): /);
      expect(stderr).toMatch(/expected:[\s\S]*found:/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a precision that is not in (0, 1)', () => {
    for (const bad of ['0', '-1%', '0%', '150%', 'tight', '']) expect(() => parsePrecision(bad)).toThrow(/between 0 and 1/);
    expect(parsePrecision('0.5%')).toBeCloseTo(0.005, 15);
    expect(parsePrecision('0.02')).toBe(0.02);
  });
});
