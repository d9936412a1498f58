// A baseline's numbers edited by hand are an error naming the file and the field (exit 2), never a
// pass: a pull request that moves a scenario (trainDays 30 → 25: +20% training H100s) and multiplies
// the baseline's training H100s numbers by 1.2 to match must not pass the check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDigest } from '../../src/regress/integrity.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

type Doc = {
  run: { engine: string; seed: string };
  outputs: Record<string, { n: number; percentiles: { p: number; value: number; lower: number; upper: number }[] }>;
  history: { engine: string; digests?: Record<string, string> }[];
};

const scratch = scratchDir('sora-mc-edited-numbers-');
const scenarioFile = join(scratch.dir, 'scenarios', 'fleet.yaml');
const baselines = join(scratch.dir, 'baselines');
const baselineFile = join(baselines, 'fleet.json');
const UNCHANGED = 'name: fleet\nextends: mission\nsamples: 20000\n';
const FEWER_DAYS = `${UNCHANGED}inputs:\n  trainDays: 25\n`;
let written = '';

beforeAll(async () => {
  mkdirSync(join(scratch.dir, 'scenarios'));
  writeFileSync(scenarioFile, UNCHANGED);
  const made = await baselineCommand({ scenarios: [scenarioFile], out: baselines, workers: 2, reason: 'fleet baseline' });
  expect(made.exitCode, made.stderr).toBe(0);
  written = readFileSync(baselineFile, 'utf8');
}, 120_000);

/** Writes the baseline edited by `edit` and the scenario file `scenario`, then checks. */
async function check(scenario: string, edit: (doc: Doc) => void, request: Parameters<typeof checkCommand>[0] = {}) {
  writeFileSync(scenarioFile, scenario);
  const doc = JSON.parse(written) as Doc;
  edit(doc);
  writeFileSync(baselineFile, JSON.stringify(doc, null, 2));
  return checkCommand({ targets: [baselines], workers: 2, progress: false, ...request });
}

const times = (factor: number) => (doc: Doc) => {
  for (const q of doc.outputs.trainH100s!.percentiles) {
    q.value *= factor;
    q.lower *= factor;
    q.upper *= factor;
  }
};

describe('a baseline whose numbers were edited by hand', () => {
  it('trainDays 30 → 25 with the 30 training-H100s numbers ×1.2: exit 2, naming the file and the field', async () => {
    const outcome = await check(FEWER_DAYS, times(1.2));
    expect(outcome.exitCode, outcome.stdout).toBe(2);
    expect(outcome.errors[0]!.details.file).toBe(baselineFile);
    expect(outcome.errors[0]!.details.path).toBe('outputs.trainH100s.percentiles.0.value');
    expect(outcome.stderr).toMatch(/fleet\.json/);
    expect(outcome.stderr).not.toMatch(/no percentile moved/);
  }, 120_000);

  it('the same with the history\'s digest recomputed for the edited numbers: the rerun of the recorded inputs still finds it', async () => {
    const outcome = await check(FEWER_DAYS, (doc) => {
      times(1.2)(doc);
      doc.history.at(-1)!.digests!.trainH100s = outputDigest(doc.outputs.trainH100s as never);
    });
    expect(outcome.exitCode, outcome.stdout).toBe(2);
    expect(outcome.errors[0]!.details.path).toBe('outputs.trainH100s.percentiles.0.value');
  }, 120_000);

  it('the scenario unchanged, one number edited (exact tier): exit 2 naming the field, not "the engine\'s output changed"', async () => {
    const outcome = await check(UNCHANGED, (doc) => (doc.outputs.crossoverMinutes!.percentiles[3]!.upper *= 1.01));
    expect(outcome.exitCode, outcome.stdout).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ file: baselineFile, path: 'outputs.crossoverMinutes.percentiles.3.upper' });
  }, 120_000);

  it('a baseline of another engine version (no rerun can reproduce it): the digest names the edited output', async () => {
    const outcome = await check(FEWER_DAYS, (doc) => {
      times(1.2)(doc);
      doc.run.engine = doc.history.at(-1)!.engine = 'sora-mc-engine/2';
    });
    expect(outcome.exitCode, outcome.stdout).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ file: baselineFile, path: 'outputs.trainH100s' });
  }, 120_000);

  it('the unedited baseline: the changed scenario is drift (exit 1), a fresh seed of the unchanged one holds (exit 0)', async () => {
    const moved = await check(FEWER_DAYS, () => {});
    expect(moved.exitCode, moved.stderr).toBe(1);
    const fresh = await check(UNCHANGED, () => {}, { seed: 'another' });
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    expect(fresh.report!.baselines[0]!.tier).toBe('statistical');
  }, 120_000);

  it('a correlated scenario: the baseline records its correlations, so the rerun of its record reproduces it after an edit', async () => {
    const correlated = `${UNCHANGED}correlations:\n  - { between: [soraParams, datasetMultiplier], rank: 0.6 }\n`;
    writeFileSync(scenarioFile, correlated);
    const made = await baselineCommand({ scenarios: [scenarioFile], out: baselines, workers: 2, update: true, reason: 'correlated' });
    expect(made.exitCode, made.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(baselineFile, 'utf8'));
    expect(doc.scenario.correlations).toEqual({ inputs: ['soraParams', 'datasetMultiplier'], rank: [[1, 0.6], [0.6, 1]] });
    writeFileSync(scenarioFile, `${correlated}inputs:\n  trainDays: 25\n`);
    const moved = await checkCommand({ targets: [baselines], workers: 2, progress: false });
    expect(moved.exitCode, moved.stderr).toBe(1);
    expect(moved.report!.baselines[0]!.rows.filter((row) => row.verdict === 'moved').every((row) => row.output === 'trainH100s')).toBe(true);
  }, 120_000);
});
