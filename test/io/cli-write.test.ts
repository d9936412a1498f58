/** The safe writer through the compiled CLI: issue 11, findings 1 and 7 (devices, stdout, root, signals). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const BASELINE = packagePath('baselines', 'article.json');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('finding 1: writing replaces what is not ours (CLI)', () => {
  it('check --markdown /dev/null leaves /dev/null a device', () => {
    const { status } = run('check', BASELINE, '--markdown', '/dev/null');
    expect(status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('check --markdown /dev/stdout prints the Markdown', () => {
    const { status, stdout } = run('check', BASELINE, '--markdown', '/dev/stdout');
    expect(status).toBe(0);
    expect(stdout).toMatch(/### sora-mc check/);
  });

  it('run --out / is refused (exit 2) and writes no /result.json', () => {
    const before = existsSync('/result.json');
    const { status, stderr } = run('run', 'article', '--samples', '100', '--out', '/');
    expect(status).toBe(2);
    expect(stderr).toMatch(/file-system root/);
    expect(existsSync('/result.json')).toBe(before);
  });
});

describe('finding 7: an interrupted run', () => {
  const scratch = scratchDir();

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: removes its temporary files, says in one line that nothing was written, exits %i', async (signal, code) => {
    const out = join(scratch.dir, signal);
    const child = spawn(process.execPath, [CLI, 'report', 'mission', '--samples', '4e6', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr.trim()).toBe(`interrupted (${signal}): nothing was written`);
    expect(readdirSync(scratch.dir).filter((name) => name.includes(signal))).toEqual([]);
  }, 60_000);
});
