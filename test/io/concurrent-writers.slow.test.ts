/**
 * Concurrent writers to one report folder: four child processes write their own reports into one
 * folder again and again through the library's folder writer, starting together against a lock
 * left by a process killed (SIGKILL) while it held it. Every write must return (the writer waits
 * for the lock) or be refused with the message that names the holder; no other error. At every
 * moment the test observes — under the folder's lock, as a writer sees the folder — and at the end,
 * the folder is one whole report that a writer wrote, its manifest listing exactly its files;
 * the final report is some writer's last (a writer's later report is never lost under an earlier
 * one); and no lock, candidate or work entry is left.
 *
 * SORA_MC_FOLDER_MODULE names another compiled writer to test (an older build, say); without
 * withFolderLock it is observed without a lock and the stale lock is not planted.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scaled } from '../helpers/suite.js';
import { scratchDir } from '../helpers/scratch.js';
import { treeOf, type Tree } from '../helpers/tree.js';
import { reportFiles } from './folder-report.mjs';

const WRITER = process.env.SORA_MC_FOLDER_MODULE ?? packagePath('dist', 'src', 'io', 'report-folder.js');
const CHILD = packagePath('test', 'io', 'folder-writers-child.mjs');
const WRITERS = 4;
const ITERATIONS = scaled(8, 25);

const transient = (name: string) => name === '.sora-mc.lock' || name.startsWith('.sora-mc.lock.') || name === '.sora-mc.work';
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function child(...args: string[]) {
  const process_ = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => process_.on('exit', (code) => resolve(code)));
  return { process: process_, exited, stdout: () => stdout, stderr: () => stderr };
}

/** What is wrong with `tree` as a whole report of some writer, or undefined; the report's stamp. */
function judge(dir: string, tree: Tree, checkManifest: boolean): { problem?: string; stamp?: string } {
  if (!tree.has('stamp.txt')) return { problem: `no stamp.txt (${[...tree.keys()].slice(0, 4).join(', ')})` };
  const stamp = readFileSync(join(dir, 'stamp.txt'), 'utf8').trim();
  const [writer, iteration] = stamp.split(' ').map(Number) as [number, number];
  const expected = reportFiles(writer, iteration);
  const files = [...tree].filter(([name, kind]) => kind.startsWith('file ') && name !== '.sora-mc');
  if (files.length !== expected.size) return { problem: `${stamp}: ${files.length} files, expected ${expected.size}`, stamp };
  for (const [name, kind] of files) {
    const content = expected.get(name);
    if (content === undefined || kind.split(' ')[1] !== sha256(content)) return { problem: `${stamp}: ${name} is not that report's`, stamp };
  }
  if (checkManifest) {
    const manifest = JSON.parse(readFileSync(join(dir, '.sora-mc'), 'utf8')) as { files: Record<string, { sha256: string }> };
    const listed = Object.keys(manifest.files).sort();
    if (listed.join() !== [...expected.keys()].sort().join()) return { problem: `${stamp}: the manifest lists ${listed.join(', ')}`, stamp };
    if (listed.some((name) => manifest.files[name]!.sha256 !== sha256(expected.get(name)!))) return { problem: `${stamp}: the manifest's digests are not the files'`, stamp };
  }
  return { stamp };
}

describe('concurrent writers to one report folder', () => {
  const scratch = scratchDir();

  it(`${WRITERS} writers × ${ITERATIONS} writes after a killed lock holder: always one whole report, the last one kept, nothing left over`, async () => {
    const folder = (await import(pathToFileURL(WRITER).href)) as { withFolderLock?: <T>(dir: string, use: () => T) => Promise<T> };
    const target = join(scratch.dir, 'shared');
    const locked = folder.withFolderLock !== undefined;
    if (locked) {
      const holder = child('hold', WRITER, target);
      while (!holder.stdout().includes('holding')) await new Promise((resolve) => setTimeout(resolve, 20));
      holder.process.kill('SIGKILL');
      await holder.exited;
      expect(existsSync(join(target, '.sora-mc.lock'))).toBe(true);
    }

    const writers = Array.from({ length: WRITERS }, (_, w) => child('write', WRITER, target, String(w), String(ITERATIONS)));
    let running = true;
    const done = Promise.all(writers.map((w) => w.exited)).finally(() => (running = false));
    const problems: string[] = [];
    let observed = 0;
    while (running) {
      const look = () => {
        if (!existsSync(join(target, 'stamp.txt'))) return; // before the first write
        const { problem } = judge(target, treeOf(target, transient), locked);
        if (problem) problems.push(problem);
        observed += 1;
      };
      if (locked) await folder.withFolderLock!(target, look);
      else look();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const codes = await done;

    const lines = writers.flatMap((w) => w.stdout().trim().split('\n'));
    const errors = lines.filter((line) => line.startsWith('error'));
    const succeeded = new Set(lines.filter((line) => line.startsWith('ok')).map((line) => line.slice(3)));
    const busy = lines.filter((line) => line.startsWith('busy'));
    const waits = writers.reduce((n, w) => n + (w.stderr().match(/waiting/g)?.length ?? 0), 0);
    console.log(`concurrency test: ${succeeded.size} writes returned, ${busy.length} refused as busy, ${waits} waits said; ${observed} observations under the lock`);
    expect(errors).toEqual([]);
    expect(codes).toEqual(writers.map(() => 0));
    expect(problems).toEqual([]);
    for (const line of busy) expect(line).toMatch(/process \d+/); // a refusal names the holder

    const final = treeOf(target);
    expect([...final.keys()].filter(transient)).toEqual([]);
    const { problem, stamp } = judge(target, final, locked);
    expect(problem).toBeUndefined();
    expect(succeeded.has(stamp!)).toBe(true);
    // Its writer's later writes were all refused: none returned while its report was lost.
    const [writer, iteration] = stamp!.split(' ').map(Number) as [number, number];
    for (let later = iteration + 1; later < ITERATIONS; later += 1) expect(succeeded.has(`${writer} ${later}`), `${writer} ${later} returned, but the folder holds ${stamp}`).toBe(false);
  }, 300_000);

  // Six processes contend for one lock; each holder kills itself (SIGKILL) while holding once in
  // eight holds, so stale locks arise often, with several waiting writers judging each at once.
  it('the lock admits one holder at a time while holders die holding it (their locks taken over by one writer)', async () => {
    const folder = (await import(pathToFileURL(WRITER).href)) as { withFolderLock?: unknown; recoverFolder?: (dir: string, o: object) => Promise<void> };
    if (!folder.withFolderLock) return; // an older build has no lock to test alone
    const target = join(scratch.dir, 'exclusive');
    const total = scaled(16, 48);
    const all: ReturnType<typeof child>[] = [];
    const start = () => {
      const c = child('exclusive', WRITER, target, '20', '8', String(all.length + 1));
      all.push(c);
      return c.exited.then((): Promise<unknown> => (all.length < total ? start() : Promise.resolve()));
    };
    await Promise.all(Array.from({ length: 6 }, start));
    await Promise.all(all.map((c) => c.exited));
    const lines = all.flatMap((c) => c.stdout().trim().split('\n'));
    expect(lines.filter((line) => line.startsWith('violation'))).toEqual([]);
    const died = all.filter((c) => c.process.signalCode === 'SIGKILL').length;
    const takeovers = all.reduce((n, c) => n + (c.stderr().match(/took over the lock/g)?.length ?? 0), 0);
    console.log(`lock test: ${lines.filter((line) => line.startsWith('ok')).length} holds by ${total} processes; ${died} died holding the lock, ${takeovers} of their locks taken over`);
    const failed = all.filter((c) => c.process.exitCode !== 0 && c.process.signalCode !== 'SIGKILL');
    expect(failed.map((c) => `${c.process.exitCode}: ${c.stderr()}`)).toEqual([]);
    await folder.recoverFolder!(target, { say: () => {} });
    expect(readdirSync(target).filter((name) => name !== 'inside')).toEqual([]);
  }, 300_000);
});
