/**
 * Finding 7 (issue 11), "a kill during the renames leaves 22 new and 30 old files": `report` is
 * killed (SIGKILL) at random points while it writes its folder, 50 times, and the folder is always
 * the old report or the new one, byte for byte.
 *
 * Two real report folders are made once by the compiled CLI (`report` with 200 samples, two
 * seeds). A child process (write-folder-child.mjs) holds one of them in memory, as `report` does
 * after rendering, and writes it with the writer `report` uses; the test kills it after a random
 * delay drawn uniformly over the time a write takes (measured first), so kills land before, during
 * and after the write. After each kill the folder must equal one of the two reports, and the next
 * write (taking over the dead run's lock) must still succeed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const WRITER = packagePath('dist', 'src', 'io', 'write.js');
const CHILD = packagePath('test', 'io', 'write-folder-child.mjs');

/** Every file under `dir` (following the folder link), path → bytes, the marker left out. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== '.sora-mc') files.set(relative(dir, path), readFileSync(path).toString('base64'));
    }
  };
  walk(dir);
  return files;
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, bytes]) => b.get(name) === bytes);
}

/** Starts the child writing `source` into `target`; resolves once it says ready, with the child. */
function startWriter(source: string, target: string) {
  const child = spawn(process.execPath, [CHILD, WRITER, source, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => out };
}

function busyWait(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    // spin: setTimeout's 1 ms granularity is too coarse for a write of a few milliseconds
  }
}

describe('finding 7: a kill while a report folder is written leaves the old report or the new one', () => {
  const scratch = scratchDir();

  it('SIGKILL at 50 random points of writing: the folder is always one whole report, byte for byte', async () => {
    const reports = ['1', '2'].map((seed) => {
      const dir = join(scratch.dir, `source-${seed}`);
      const made = spawnSync(process.execPath, [CLI, 'report', 'mission', '--samples', '200', '--seed', seed, '--out', dir, '--json'], { encoding: 'utf8' });
      expect(made.status, made.stderr).toBe(0);
      return { dir, files: snapshot(dir) };
    });
    expect(same(reports[0]!.files, reports[1]!.files)).toBe(false);
    const target = join(scratch.dir, 'target');

    // The first write, uninterrupted, and how long a write takes here.
    const first = startWriter(reports[0]!.dir, target);
    expect(await first.exited).toBe(0);
    const writeMs = Number(/done ([\d.]+)/.exec(first.output())![1]);
    let current = 0;
    let landedDuring = 0;
    let landedAfter = 0;
    // Seeded delays (a linear congruential generator), so a failure can be replayed.
    let state = 20261129;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let kill = 0; kill < 50; kill += 1) {
      const next = 1 - current;
      const staleBefore = new Set(readdirSync(scratch.dir));
      const writer = startWriter(reports[next]!.dir, target);
      await writer.ready;
      busyWait(uniform() * writeMs * 1.5);
      writer.child.kill('SIGKILL');
      const code = await writer.exited;
      const now = snapshot(target);
      const isOld = same(now, reports[current]!.files);
      const isNew = same(now, reports[next]!.files);
      expect(isOld || isNew, `kill ${kill}: the folder is neither report`).toBe(true);
      // A kill inside the write leaves a half-built generation folder beside the link (the next run removes it).
      const inUse = readlinkSync(target);
      const stale = readdirSync(scratch.dir).filter((name) => name.startsWith('.target.') && name.endsWith('.report') && name !== inUse);
      if (stale.some((name) => !staleBefore.has(name))) landedDuring += 1;
      if (code === null && writer.output().includes('done')) landedAfter += 1;
      if (isNew) current = next;
    }
    // Not asserted (timing decides it), but reported: where the kills landed.
    console.log(`kill test: a write takes ~${writeMs.toFixed(1)} ms; of 50 kills, ${landedDuring} landed inside a write (a half-built generation was left), ${landedAfter} after it finished`);
    // The dead runs' locks and half-built generations do not block or pile up: one more write succeeds and tidies.
    const last = startWriter(reports[0]!.dir, target);
    expect(await last.exited).toBe(0);
    expect(same(snapshot(target), reports[0]!.files)).toBe(true);
    expect(readdirSync(scratch.dir).filter((name) => name.startsWith('.target.'))).toHaveLength(1);
  }, 240_000);
});
