/** Hand-edited baselines that passed are errors naming the file and field (exit 2). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

type Doc = {
  method: { confidence: number };
  percentiles: number[];
  outputs: Record<string, { percentiles: { p: number; value: number; lower: number; upper: number }[] }>;
};

const original = (): Doc => JSON.parse(readFileSync(packagePath('baselines', 'mission.json'), 'utf8'));

describe('a hand-edited baseline is an error naming the file and field', () => {
  const scratch = scratchDir();

  async function check(name: string, edit: (doc: Doc) => void) {
    const doc = original();
    edit(doc);
    const file = join(scratch.dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const outcome = await checkCommand({ targets: [file], progress: false });
    return { outcome, file };
  }

  it('the unedited baseline holds (the edits below are what fails)', async () => {
    expect((await check('unedited', () => {})).outcome.exitCode).toBe(0);
  }, 60_000);

  it('an output deleted (one that drifted) is an error naming it, exit 2', async () => {
    const { outcome, file } = await check('deleted', (doc) => delete doc.outputs.trainH100s);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ file, path: 'outputs.trainH100s' });
  }, 60_000);

  it('percentiles: [0.5] is an error, exit 2', async () => {
    const { outcome, file } = await check('median-only', (doc) => {
      doc.percentiles = [0.5];
      for (const output of Object.values(doc.outputs)) output.percentiles = output.percentiles.filter((q) => q.p === 0.5);
    });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ file, path: 'percentiles' });
  }, 60_000);

  it('values doubled with the intervals widened to [v/1e6, v·1e6] is an error, exit 2', async () => {
    const { outcome, file } = await check('widened', (doc) => {
      for (const output of Object.values(doc.outputs)) {
        for (const q of output.percentiles) {
          q.value *= 2;
          q.lower = q.value / 1e6;
          q.upper = q.value * 1e6;
        }
      }
    });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.errors[0]!.details.file).toBe(file);
    expect(outcome.errors[0]!.details.path).toMatch(/^outputs\.\w+\.percentiles\.\d+\.(lower|upper)$/);
  }, 60_000);

  it('method.confidence: 1e-9 is an error, exit 2', async () => {
    const { outcome, file } = await check('confidence', (doc) => (doc.method.confidence = 1e-9));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ file, path: 'method.confidence' });
  }, 60_000);
});
