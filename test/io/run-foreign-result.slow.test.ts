/**
 * `run --out DIR` replaced DIR/result.json whatever it was — in a
 * project folder (`run --out .`) another tool's result.json was destroyed without a word, though a
 * report folder sora-mc did not write is refused. A result.json that is not a sora-mc Result is now
 * refused the same way (exit 2, the file untouched); an earlier run's Result is still replaced.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'run', 'article', '--samples', '100', ...args], { encoding: 'utf8' });

describe('run --out never replaces a result.json sora-mc did not write', () => {
  const scratch = scratchDir();

  it("another tool's result.json: exit 2, the file byte for byte as it was", () => {
    const dir = join(scratch.dir, 'project');
    mkdirSync(dir);
    const theirs = '{"accuracy": 0.93, "model": "theirs"}\n';
    writeFileSync(join(dir, 'result.json'), theirs);
    const { status, stderr } = run('--out', dir);
    expect(stderr).toMatch(/result\.json/);
    expect(status).toBe(2);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe(theirs);
  });

  it("an earlier run's Result is replaced, as before", () => {
    const dir = join(scratch.dir, 'ours');
    expect(run('--out', dir, '--seed', '1').status).toBe(0);
    expect(run('--out', dir, '--seed', '2').status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).run.seed).toBe('2');
  });
});
