/** The safe writer through the compiled CLI (devices, stdout, root, signals). */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const HOLDER = packagePath('test', 'io', 'folder-writers-child.mjs');
const FOLDER_MODULE = packagePath('dist', 'src', 'io', 'report-folder.js');
const BASELINE = packagePath('baselines', 'article.json');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('writing never replaces what is not ours (CLI)', () => {
  const scratch = scratchDir();

  // A FIFO and /proc/self/fd/1 stand in for /dev/null and /dev/stdout: before the fix, as root,
  // this test replaced the machine's /dev/null and /dev/stdout with regular files.
  it('check --markdown <a FIFO> (like /dev/null) writes the stream and leaves it a FIFO', async () => {
    const fifo = join(scratch.dir, 'comment.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    // The reader waits for a writer; before the fix none ever came (the FIFO was replaced): stop it after 10 s.
    const done = Promise.race([new Promise((resolve) => reader.on('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]).finally(() => reader.kill());
    const { status } = run('check', BASELINE, '--markdown', fifo);
    await done;
    expect(status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(read).toMatch(/### sora-mc check/);
  }, 30_000);

  it('check --markdown /proc/self/fd/1 (stdout, as /dev/stdout is) prints the Markdown', () => {
    const { status, stdout } = run('check', BASELINE, '--markdown', '/proc/self/fd/1');
    expect(status).toBe(0);
    expect(stdout).toMatch(/### sora-mc check/);
  });

  // (Run against the code before the fix, as root, this test writes /result.json: it did, once.)
  it('run --out / is refused (exit 2) and writes no /result.json', () => {
    const before = existsSync('/result.json');
    const { status, stderr } = run('run', 'article', '--samples', '100', '--out', '/');
    expect(status).toBe(2);
    expect(stderr).toMatch(/file-system root/);
    expect(existsSync('/result.json')).toBe(before);
  });
});

describe('an interrupted run', () => {
  const scratch = scratchDir();

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: removes its temporary files, says in one line that nothing was written, exits %i', async (signal, code) => {
    const out = join(scratch.dir, signal);
    // A signal that lands before the CLI has loaded and installed its handlers (a loaded machine
    // can take over 1.5 s) kills it outright, which tests nothing: then it is tried again, later.
    // A CLI that never installs them fails every try.
    for (const delayMs of [1500, 5000, 15_000]) {
      const child = spawn(process.execPath, [CLI, 'report', 'mission', '--samples', '4e6', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill(signal);
      const status = await exited;
      if (status === null && child.signalCode === signal && delayMs < 15_000) continue;
      expect(status).toBe(code);
      expect(stderr.trim()).toBe(`interrupted (${signal}): nothing was written`);
      expect(readdirSync(scratch.dir).filter((name) => name.includes(signal))).toEqual([]);
      return;
    }
  }, 240_000);

  it('SIGINT while waiting for another run that holds the folder: its lock candidate removed, exit 130, nothing written', async () => {
    const out = join(scratch.dir, 'held');
    const holder = spawn(process.execPath, [HOLDER, 'hold', FOLDER_MODULE, out], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve()));
    const child = spawn(process.execPath, [CLI, 'report', 'article', '--samples', '200', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('waiting for sora-mc process')) resolve();
      }),
    );
    expect(readdirSync(out).filter((name) => name.startsWith('.sora-mc.lock.'))).toHaveLength(1); // its candidate
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toBe('interrupted (SIGINT): nothing was written');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    expect(readdirSync(out)).toEqual(['.sora-mc.lock']);
  }, 240_000);
});
