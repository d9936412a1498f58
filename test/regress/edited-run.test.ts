/**
 * A baseline whose seed or sample count was edited by hand after sora-mc wrote it: check reruns
 * with the edited seed, the exact tier applies and every percentile differs. That is not "the
 * engine's output changed" (which tells a CI user to look for a code change that never happened):
 * the baseline's own history records the run it was written from, and check says the file was edited.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

type Doc = { run: { seed: string; samples: number }; history: { seed: string; samples: number; date: string }[] };

describe('a baseline edited by hand after it was written', () => {
  const scratch = scratchDir();

  it('an edited seed is named as the edit it is, not as an engine change (exit 1, the numbers do differ)', async () => {
    const doc: Doc = JSON.parse(readFileSync(packagePath('baselines', 'mission.json'), 'utf8'));
    const recorded = doc.history.at(-1)!.seed;
    doc.run.seed = `${recorded}7`;
    const file = join(scratch.dir, 'mission.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const outcome = await checkCommand({ targets: [file], progress: false });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).not.toMatch(/the engine's output changed: same scenario/);
    expect(outcome.stdout).toContain(`run.seed is ${recorded}7`);
    expect(outcome.stdout).toContain(`recorded seed ${recorded}`);
    expect(outcome.stdout).toMatch(/edited after sora-mc wrote it/);
  }, 120_000);

  it('an unedited baseline says nothing of edits', async () => {
    const outcome = await checkCommand({ targets: [packagePath('baselines', 'mission.json')], progress: false });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).not.toMatch(/edited after sora-mc wrote it/);
  }, 120_000);
});
