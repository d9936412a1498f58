// Bad baselines: every missing, truncated or hand-edited file is a SoraError naming the file and
// the field, and the check's exit code is 2 — never a pass. (Needs the build: one small baseline is sampled.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineCommand } from '../helpers/commands.js';
import { checkCommand } from '../helpers/commands.js';
import { SoraError } from '../../src/errors.js';
import { baselinePaths, parseBaseline, readBaseline } from '../../src/regress/read.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-regress-read-');
const good = join(scratch.dir, 'good', 'article.json');
let text = '';

beforeAll(async () => {
  const outcome = await baselineCommand({ scenarios: ['article'], out: join(scratch.dir, 'good'), samples: 5000, workers: 1 });
  expect(outcome.exitCode, outcome.stderr).toBe(0);
  text = readFileSync(good, 'utf8');
});

type Doc = Record<string, any>;

/** A copy of the good baseline, edited by `edit` (on the parsed JSON) or replaced by raw text. */
function variant(name: string, edit: ((doc: Doc) => void) | string): string {
  const file = join(scratch.dir, 'bad', name);
  mkdirSync(join(scratch.dir, 'bad'), { recursive: true });
  if (typeof edit === 'string') {
    writeFileSync(file, edit);
  } else {
    const doc = JSON.parse(text) as Doc;
    edit(doc);
    writeFileSync(file, JSON.stringify(doc, null, 2));
  }
  return file;
}

function readError(file: string): SoraError {
  try {
    readBaseline(file);
  } catch (error) {
    expect(error).toBeInstanceOf(SoraError);
    return error as SoraError;
  }
  throw new Error(`expected ${file} to be rejected`);
}

/** The check on `file` alone: exit 2, the file and the field on stderr, nothing that looks like a pass. */
async function expectBadInput(file: string, field: RegExp | string) {
  const outcome = await checkCommand({ targets: [file] });
  expect(outcome.exitCode).toBe(2);
  expect(outcome.stderr).toContain(file);
  expect(outcome.stderr).toMatch(typeof field === 'string' ? new RegExp(field.replace(/\./g, '\\.')) : field);
  expect(outcome.stdout).toBe('');
  expect(outcome.report).toBeUndefined();
}

const cases: [string, ((doc: Doc) => void) | (() => string), RegExp | string, RegExp][] = [
  ['malformed.json', () => text.replace('"samples": 5000', '"samples" 5000'), /^run\.samples at line \d+, column \d+$/, /not valid JSON/],
  ['truncated.json', () => text.slice(0, Math.floor(text.length * 0.6)), /^outputs\.\w+(\.percentiles(\.\d+(\.\w+)?)?)? at line/, /truncated/],
  ['no-seed.json', (doc) => delete doc.run.seed, 'run.seed', /missing field run\.seed/],
  ['no-n.json', (doc) => delete doc.outputs.trainH100s.n, 'outputs.trainH100s.n', /missing field/],
  ['no-history.json', (doc) => delete doc.history, 'history', /missing field history/],
  ['short-list.json', (doc) => doc.outputs.trainH100s.percentiles.splice(4, 1), 'outputs.trainH100s.percentiles', /percentile list does not match/],
  ['wrong-p.json', (doc) => (doc.outputs.crossoverMinutes.percentiles[3].p = 0.3), 'outputs.crossoverMinutes.percentiles.3.p', /percentile list does not match/],
  ['header.json', (doc) => doc.percentiles.reverse(), 'percentiles.1', /malformed field percentiles\.1/],
  ['format.json', (doc) => (doc.format = 'sora-mc/result'), 'format', /not a sora-mc baseline/],
  ['version.json', (doc) => (doc.formatVersion = 2), 'formatVersion', /unsupported baseline format version/],
  ['outside.json', (doc) => (doc.outputs.trainFlops.percentiles[0].lower = doc.outputs.trainFlops.percentiles[0].value * 2), 'outputs.trainFlops.percentiles.0', /outside its own confidence interval/],
  ['string-value.json', (doc) => (doc.outputs.trainFlops.percentiles[2].value = '1e25'), 'outputs.trainFlops.percentiles.2.value', /malformed field/],
  ['unknown-output.json', (doc) => (doc.outputs.trainH100 = doc.outputs.trainH100s), 'outputs.trainH100', /unknown output/],
  ['hash.json', (doc) => (doc.scenario.hash = 'abc'), 'scenario.hash', /malformed field scenario\.hash/],
  ['source.json', (doc) => (doc.scenario.source = { builtin: 'article', path: './a.yaml' }), 'scenario.source', /malformed field scenario\.source/],
  ['empty.json', () => '  \n', /article|empty/, /empty/],
];

describe('bad baselines are errors naming the file and the field, exit 2', () => {
  it.each(cases)('%s', async (name, edit, field, message) => {
    const file = variant(name, typeof edit === 'function' && edit.length === 0 ? (edit as () => string)() : (edit as (doc: Doc) => void));
    const error = readError(file);
    expect(error.message).toMatch(message);
    expect(error.details.file).toBe(file);
    if (name !== 'empty.json') {
      if (typeof field === 'string') expect(error.details.path).toBe(field);
      else expect(error.details.path).toMatch(field);
    }
    await expectBadInput(file, name === 'empty.json' ? /empty/ : typeof field === 'string' ? field : /line \d+/);
  });

  it('a missing baseline file or an empty folder is bad input, not a pass', async () => {
    await expectBadInput(join(scratch.dir, 'nowhere.json'), /not found/);
    const empty = join(scratch.dir, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    await expectBadInput(empty, /no baseline files/);
  });

  it('one bad baseline among good ones fails the whole check (and every bad one is listed)', async () => {
    const a = variant('multi-a.json', (doc) => delete doc.run.engine);
    const b = variant('multi-b.json', (doc) => (doc.outputs.videoFactor.percentiles = []));
    const outcome = await checkCommand({ targets: [good, a, b], json: true });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('run.engine');
    expect(outcome.stderr).toContain('outputs.videoFactor.percentiles');
    const json = JSON.parse(outcome.stdout);
    expect(json).toMatchObject({ ok: false, exitCode: 2 });
    expect(json.errors.map((e: { file: string }) => e.file)).toEqual([a, b]);
  });

  it('a baseline whose scenario file is gone names the baseline and scenario.source.path', async () => {
    const file = variant('gone.json', (doc) => (doc.scenario.source = { path: './no-such-scenario.yaml' }));
    const outcome = await checkCommand({ targets: [file] });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain(file);
    expect(outcome.stderr).toContain('scenario.source.path');
  });

  it('bad options are bad input too', async () => {
    for (const request of [{ alpha: 0 }, { alpha: '2' }, { alpha: 'often' }, { seed: 's', freshSeed: true }, { samples: -4 }]) {
      const outcome = await checkCommand({ targets: [good], ...request });
      expect(outcome.exitCode, JSON.stringify(request)).toBe(2);
    }
  });

  it('the good baseline reads back, and folders list their .json files', () => {
    expect(parseBaseline(JSON.parse(text)).scenario.name).toBe('article');
    expect(baselinePaths([join(scratch.dir, 'good')])).toEqual([join(scratch.dir, 'good', 'article.json')]);
  });
});
