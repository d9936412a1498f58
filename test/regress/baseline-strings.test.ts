/**
 * A baseline's scenario name, seed and sample count were not held to
 * the rules a scenario file's are. A 100,000-character name was printed whole by `check` (500 KB of
 * table; a pull-request comment over GitHub's size limit); a bad seed or sample count was caught
 * only when the rerun started, as "error: seed: …" naming neither the baseline file nor the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { parseBaselineText } from '../../src/regress/read.js';
import { soraError } from '../helpers/scenario-error.js';

type Doc = { scenario: { name: string }; run: { seed: string; samples: number } };

const FILE = 'baselines/edited.json';

function errorOf(edit: (doc: Doc) => void): SoraError {
  const doc = JSON.parse(readFileSync(packagePath('baselines', 'article.json'), 'utf8')) as Doc;
  edit(doc);
  return soraError(() => parseBaselineText(JSON.stringify(doc), FILE));
}

describe("a baseline's name, seed and sample count follow the scenario file's rules, read with the file", () => {
  it('the unedited baseline reads', () => {
    expect(() => parseBaselineText(readFileSync(packagePath('baselines', 'article.json'), 'utf8'), FILE)).not.toThrow();
  });

  it.each([
    ['a 100,000-character name', (doc: Doc) => (doc.scenario.name = 'n'.repeat(100_000)), 'scenario.name'],
    ['a name with a terminal escape', (doc: Doc) => (doc.scenario.name = 'a\u001b[2Jb'), 'scenario.name'],
    ['a name with a bidirectional override', (doc: Doc) => (doc.scenario.name = 'a\u202eb'), 'scenario.name'],
    ['a 100,000-character seed', (doc: Doc) => (doc.run.seed = 's'.repeat(100_000)), 'run.seed'],
    ['a seed with a title sequence', (doc: Doc) => (doc.run.seed = 'a\u001b]0;x\u0007'), 'run.seed'],
    ['1e30 samples', (doc: Doc) => (doc.run.samples = 1e30), 'run.samples'],
    ['2^53 samples', (doc: Doc) => (doc.run.samples = 2 ** 53), 'run.samples'],
  ])('%s is an error naming the file and the field', (_, edit, path) => {
    const error = errorOf(edit);
    expect(error.details.file).toBe(FILE);
    expect(error.details.path).toBe(path);
    expect(error.message.length + String(error.details.found).length).toBeLessThan(300);
  });
});
