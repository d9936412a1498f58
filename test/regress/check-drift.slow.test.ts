// A changed scenario, end to end: named as the likely cause, a 3% median shift detected at 1e5
// samples, the Markdown and JSON reports, and --update --reason (needs the build).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineCommand } from '../helpers/commands.js';
import { checkCommand } from '../helpers/commands.js';
import { ENGINE_VERSION } from '../../src/sampling/uniforms.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-regress-drift-');
const repo = join(scratch.dir, 'repo');
const scenarioFile = join(repo, 'scenarios', 'fleet.yaml');
const baselines = join(repo, 'baselines');
const baselineFile = join(baselines, 'fleet.json');

const UNCHANGED = 'name: fleet\nextends: mission\nsamples: 100000\n';
// mission's soraParams is lognormal with P5 10B and P95 30B; both ×1.03 moves its median by exactly 3%.
const SHIFTED = `${UNCHANGED}inputs:\n  soraParams:\n    dist: lognormal\n    p5: 10.3e+9\n    p95: 30.9e+9\n    source: "3% larger"\n`;

beforeAll(async () => {
  mkdirSync(join(repo, 'scenarios'), { recursive: true });
  writeFileSync(scenarioFile, UNCHANGED);
  const made = await baselineCommand({ scenarios: [scenarioFile], out: baselines, workers: 2, reason: 'fleet baseline' });
  expect(made.exitCode, made.stderr).toBe(0);
}, 120_000);

describe('baseline files', () => {
  it('record the scenario by a path relative to the baseline, its hash and input specs, and the run', () => {
    const doc = JSON.parse(readFileSync(baselineFile, 'utf8'));
    expect(doc).toMatchObject({
      format: 'sora-mc/baseline',
      formatVersion: 1,
      scenario: { source: { path: '../scenarios/fleet.yaml' }, name: 'fleet', stepCost: 'article' },
      run: { seed: '2024', samples: 100_000, sampling: 'monte-carlo', generator: { name: 'seedrandom.alea' }, engine: ENGINE_VERSION },
      history: [{ reason: 'fleet baseline', samples: 100_000, seed: '2024' }],
    });
    expect(doc.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.scenario.inputs.soraParams.spec.dist).toBe('lognormal');
    expect(doc.outputs.trainH100s).toMatchObject({ unit: 'H100s', n: 100_000 });
    expect(doc.outputs.trainH100s.percentiles).toHaveLength(doc.percentiles.length);
    expect(doc.run).not.toHaveProperty('workers'); // nothing that does not reproduce
  });

  it('work from any checkout: the copied repository checks clean (exact tier)', async () => {
    const elsewhere = join(scratch.dir, 'elsewhere');
    cpSync(repo, elsewhere, { recursive: true });
    const outcome = await checkCommand({ targets: [join(elsewhere, 'baselines')], workers: 2 });
    expect(outcome.exitCode, outcome.stdout).toBe(0);
    expect(outcome.report!.baselines[0]).toMatchObject({ tier: 'exact', ok: true });
  }, 60_000);

  it('are not overwritten without --update, and --update needs a reason', async () => {
    const again = await baselineCommand({ scenarios: [scenarioFile], out: baselines });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).toMatch(/--update/);
    const noReason = await baselineCommand({ out: baselines, update: true });
    expect(noReason.exitCode).toBe(2);
    expect(noReason.stderr).toMatch(/reason/);
    const nothing = await baselineCommand({ out: baselines });
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toMatch(/name the scenarios/);
  });
});

describe('a scenario file that changed', () => {
  beforeAll(() => writeFileSync(scenarioFile, SHIFTED));

  it('a 3% shift of one input’s median in mission is detected at 1e5 samples, with independent samples', async () => {
    const markdown = join(scratch.dir, 'comment.md');
    const outcome = await checkCommand({ targets: [baselines], seed: 'independent-of-the-baseline', workers: 2, markdown });
    expect(outcome.exitCode, outcome.stdout).toBe(1);
    const [b] = outcome.report!.baselines;
    expect(b).toMatchObject({ tier: 'statistical', because: ['scenario', 'seed'], ok: false });
    const median = b!.rows.find((row) => row.output === 'modelMultiplier' && row.p === 0.5)!;
    expect(median.verdict).toBe('moved');
    expect(median.changeRelative).toBeGreaterThan(0.02);
    expect(median.changeRelative).toBeLessThan(0.04);
    // The stated smallest detectable drift is below the 3% it found.
    expect(b!.detectable!.best!.relative).toBeLessThan(0.03);
    expect(outcome.stdout).toMatch(/modelMultiplier \(×\)\s+P50\s+[\d.]+\s+[\d.]+\s+\+[23]\.\d+%\s+±[\d.]+%\s+z \d+\.\d > 4\.\d\d/);

    // The likely cause: the scenario file, and the input whose spec changed.
    expect(b!.scenarioChange!.inputs).toEqual([
      { input: 'soraParams', before: 'lognormal, 90% in [10B, 30B]', after: expect.stringMatching(/^lognormal, 90% in \[10\.3B, 30\.9B\]$/), writtenBy: scenarioFile },
    ]);
    expect(outcome.stdout).toMatch(/likely cause: the scenario file .*fleet\.yaml changed \(hash [0-9a-f]{12} → [0-9a-f]{12}\)/);
    expect(outcome.stdout).toMatch(/soraParams: lognormal, 90% in \[10B, 30B\] → lognormal, 90% in \[10\.3B, 30\.9B\]/);
    expect(outcome.stdout).toMatch(/family-wise false-alarm rate ≤ α = 0\.001/);

    const md = readFileSync(markdown, 'utf8');
    expect(md).toMatch(/^### sora-mc check: ❌ drift in 1 of 1 baseline/);
    expect(md).toMatch(/\*\*likely cause: the scenario file .*fleet\.yaml changed/);
    expect(md).toMatch(/\| modelMultiplier \(×\) \| P50 \|/);
    expect(md).toMatch(/α = 0\.001/);
  }, 60_000);

  it('is also found with the baseline’s own seed, and --json carries every row', async () => {
    const outcome = await checkCommand({ targets: [baselineFile], workers: 2, json: true });
    expect(outcome.exitCode).toBe(1);
    const report = JSON.parse(outcome.stdout);
    expect(report).toMatchObject({ format: 'sora-mc/check', ok: false, exitCode: 1 });
    expect(report.baselines[0].because).toEqual(['scenario']);
    expect(report.baselines[0].rows).toHaveLength(210);
    expect(report.baselines[0].rows.find((r: { output: string; p: number }) => r.output === 'modelMultiplier' && r.p === 0.5).verdict).toBe('moved');
  }, 60_000);

  it('baseline --update --reason records why, and the check then holds in the exact tier', async () => {
    const updated = await baselineCommand({ out: baselines, update: true, reason: 'Sora is 3% larger', workers: 2 });
    expect(updated.exitCode, updated.stderr).toBe(0);
    expect(updated.written![0]!.update!.changed).toBeGreaterThan(0);
    expect(updated.stdout).toMatch(/updated .*fleet\.json/);
    expect(updated.stdout).toMatch(/reason: Sora is 3% larger/);
    expect(updated.stdout).toMatch(/assumptions changed \(hash/);
    const doc = JSON.parse(readFileSync(baselineFile, 'utf8'));
    expect(doc.history.map((h: { reason: string }) => h.reason)).toEqual(['fleet baseline', 'Sora is 3% larger']);
    expect(doc.history[0].hash).not.toBe(doc.history[1].hash);
    expect(doc.history[1].hash).toBe(doc.scenario.hash);
    const outcome = await checkCommand({ targets: [baselines], workers: 2 });
    expect(outcome.exitCode, outcome.stdout).toBe(0);
    expect(outcome.report!.baselines[0]!.tier).toBe('exact');
  }, 120_000);
});
