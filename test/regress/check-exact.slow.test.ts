// The exact tier, end to end (needs the build: simulate() runs dist/workers/sampler.js).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineCommand } from '../helpers/commands.js';
import { checkCommand } from '../helpers/commands.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { outputDigest } from '../../src/regress/integrity.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-regress-exact-');

describe('exact tier: results do not depend on the worker count', () => {
  // Eight chunks, so that eight workers really share the sample.
  const samples = 8 * CHUNK_SIZE;
  const out = join(scratch.dir, 'workers');

  it('a baseline made with 1 worker checks clean with 2 and 8 workers', async () => {
    const made = await baselineCommand({ scenarios: ['mission'], out, samples, workers: 1 });
    expect(made.exitCode, made.stderr).toBe(0);
    for (const workers of [2, 8]) {
      const outcome = await checkCommand({ targets: [out], workers });
      expect(outcome.exitCode, outcome.stdout).toBe(0);
      const [b] = outcome.report!.baselines;
      expect(b).toMatchObject({ tier: 'exact', ok: true, moved: 0, compared: 21 * 10 });
      expect(outcome.report!.family.size).toBe(0);
      expect(outcome.stdout).toMatch(/no drift: 1 baseline, 210 percentiles hold/);
    }
  }, 180_000);
});

describe('exact tier: numbers that changed without an engine bump', () => {
  const out = join(scratch.dir, 'small');
  let file = '';

  beforeAll(async () => {
    const made = await baselineCommand({ scenarios: ['mission'], out, samples: 30_000, workers: 2 });
    expect(made.exitCode, made.stderr).toBe(0);
    file = join(out, 'mission.json');
  });

  it('a percentile off by one part in a billion, with hash, seed and engine equal, is "the engine\'s output changed"', async () => {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const q = doc.outputs.trainH100s.percentiles[4];
    q.value *= 1 + 1e-9;
    // As an engine that computes this number would have written it: its history's digest matches (a hand edit would not).
    doc.history.at(-1).digests.trainH100s = outputDigest(doc.outputs.trainH100s);
    const tampered = join(scratch.dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...doc, scenario: { ...doc.scenario, source: { builtin: 'mission' } } }, null, 2));
    const outcome = await checkCommand({ targets: [tampered], workers: 2 });
    expect(outcome.exitCode).toBe(1);
    const [b] = outcome.report!.baselines;
    expect(b).toMatchObject({ tier: 'exact', ok: false, moved: 1 });
    expect(b!.rows.find((row) => row.verdict === 'moved')).toMatchObject({ output: 'trainH100s', p: 0.5, differs: ['value'] });
    expect(outcome.stdout).toContain("the engine's output changed");
    expect(outcome.stdout).toContain('ENGINE_VERSION');
    expect(outcome.stdout).toMatch(/trainH100s \(H100s\)\s+P50/);
  }, 60_000);

  it('a different engine version moves the check to the statistical tier, where the same numbers hold', async () => {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.run.engine = 'sora-mc-engine/0';
    const older = join(scratch.dir, 'older-engine.json');
    writeFileSync(older, JSON.stringify({ ...doc, scenario: { ...doc.scenario, source: { builtin: 'mission' } } }, null, 2));
    const outcome = await checkCommand({ targets: [older], workers: 2 });
    expect(outcome.exitCode, outcome.stdout).toBe(0);
    expect(outcome.report!.baselines[0]).toMatchObject({ tier: 'statistical', because: ['engine'], ok: true });
    expect(outcome.stdout).toMatch(/statistical \(engine\)/);
  }, 60_000);

  it('--fresh-seed draws a seed, says so, and the stated command repeats the check exactly', async () => {
    const fresh = await checkCommand({ targets: [out], freshSeed: true, workers: 2, json: true });
    expect(fresh.exitCode).toBe(0);
    const report = JSON.parse(fresh.stdout);
    expect(report.seed).toMatchObject({ fresh: true, value: expect.stringMatching(/^fresh-[0-9a-f]{8}$/) });
    expect(report.reproduce).toBe(`sora-mc check ${out} --seed ${report.seed.value}`);
    expect(report.baselines[0]).toMatchObject({ tier: 'statistical', because: ['seed'] });
    expect(report.family).toMatchObject({ alpha: 1e-3, size: 210 });
    expect(report.method.statistical).toMatch(/family-wise false-alarm rate ≤ α = 0\.001/);
    const again = await checkCommand({ targets: [out], seed: report.seed.value, workers: 1 });
    expect(again.report!.baselines[0]!.rows).toEqual(report.baselines[0].rows);
  }, 60_000);
});
