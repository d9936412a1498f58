import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';
import { scratchDir } from './helpers/scratch.js';

// A newcomer's order (docs/getting-started.md): `sora-mc run`, then `sora-mc report`, both into the default
// out/<scenario>/. The folder `run` made holds only what sora-mc wrote (its manifest says so), so the
// report may replace it; a folder that holds someone else's files stays refused.
const CLI = packagePath('dist', 'cli', 'cli.js');

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

describe('run, then report, into the default folder (compiled CLI)', () => {
  const scratch = scratchDir();

  it('report replaces the folder run wrote, and run then writes beside the report', () => {
    const cwd = join(scratch.dir, 'newcomer');
    mkdirSync(cwd);
    expect(cli(cwd, 'run', 'article', '--samples', '3000').status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'article', 'result.json'))).toBe(true);
    const report = cli(cwd, 'report', 'article', '--samples', '3000');
    expect(report.stderr).not.toMatch(/error:/);
    expect(report.status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'article', 'report.html'))).toBe(true);
    expect(cli(cwd, 'run', 'article', '--samples', '3000').status).toBe(0);
    expect(existsSync(join(cwd, 'out', 'article', 'run', 'result.json'))).toBe(true);
  }, 180_000);

  it("run into a folder of someone else's files lists only its result.json as its own: the report is still refused", () => {
    const out = join(scratch.dir, 'theirs');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    expect(cli(scratch.dir, 'run', 'article', '--samples', '3000', '--out', out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.sora-mc', 'notes.txt', 'result.json']);
    expect(Object.keys(JSON.parse(readFileSync(join(out, '.sora-mc'), 'utf8')).files)).toEqual(['result.json']);
    expect(cli(scratch.dir, 'report', 'article', '--samples', '3000', '--out', out).status).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['.sora-mc', 'notes.txt', 'result.json']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
  }, 180_000);
});
