import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';

// `check` reruns each baseline with the seed and sample count the baseline records (docs/ci.md:
// a baseline made with --seed 5 --samples 5000 is rerun with those), so its --help must
// not say the defaults are the scenario's, as the other sampling commands' --help rightly does.
const CLI = packagePath('dist', 'cli', 'cli.js');

describe('sora-mc check --help', () => {
  it("says --seed and --samples default to each baseline's own", () => {
    const { status, stdout } = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
    expect(status).toBe(0);
    const line = (flag: string) => stdout.split('\n').find((l) => l.trimStart().startsWith(flag)) ?? '';
    expect(line('--seed')).toContain("default: each baseline's");
    expect(line('--samples')).toContain("default: each baseline's");
    expect(stdout).not.toContain("the scenario's");
  });
});
