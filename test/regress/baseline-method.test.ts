// Baselines of another sampling method (needs the build: simulate() runs dist/workers/sampler.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodOfSampling } from '../../src/regress/sampling-of.js';
import { SAMPLING_METHODS } from '../../src/sampling/methods.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('sora-mc-baseline-method-');

describe('baseline --method', () => {
  it('records the method, check reruns with it and holds exactly, and --update keeps it', async () => {
    const out = join(scratch.dir, 'lhs');
    const made = await baselineCommand({ scenarios: ['mission'], out, samples: 3 * 8192, method: 'lhs', workers: 2 });
    expect(made.exitCode, made.stderr).toBe(0);
    const file = join(out, 'mission.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).run.sampling).toBe('latin-hypercube');
    const checked = await checkCommand({ targets: [out], workers: 2 });
    expect(checked.exitCode, checked.stdout).toBe(0);
    expect(checked.report!.baselines[0]).toMatchObject({ tier: 'exact', ok: true, moved: 0 });
    const updated = await baselineCommand({ out, update: true, reason: 'same numbers, another day', workers: 1 });
    expect(updated.exitCode, updated.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).run.sampling).toBe('latin-hypercube');
  }, 120_000);

  it('refuses an unknown method with exit 2, naming --method', async () => {
    const outcome = await baselineCommand({ scenarios: ['mission'], out: join(scratch.dir, 'never'), method: 'quasi', samples: 8192 });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.errors[0]!.details).toMatchObject({ path: '--method', found: '"quasi"' });
  });

  it('maps every recorded sampling name back to its method, and an unknown one to none', () => {
    for (const [method, name] of Object.entries(SAMPLING_METHODS)) expect(methodOfSampling(name)).toBe(method);
    expect(methodOfSampling('stratified-by-hand')).toBeUndefined();
  });
});
