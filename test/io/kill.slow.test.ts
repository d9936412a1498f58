/**
 * A kill (SIGKILL) at any moment of writing a report folder leaves the old report or the new one,
 * byte for byte, or a state the next run's recovery restores to one of them and says so in one
 * line; and a folder holding a user's files, which the writer refuses, is never touched.
 *
 * Two real report folders are made once by the compiled CLI (`report` with 200 samples, two
 * seeds). A child process (write-folder-child.mjs) holds one of them in memory, as `report` does
 * after rendering, and writes it with the folder writer `report` uses; the test kills it after a
 * random delay drawn uniformly over 1.5 times the time a write takes (measured first), so kills
 * land before, during and after the write. After each kill the folder must be one of the two
 * reports (sora-mc's lock and work entries aside) or hold the journal of a committed write; then
 * the recovery a next run makes (recoverFolder, which takes over the dead run's lock) must leave
 * one of the two reports exactly, with no lock or work entry left. Each round also kills a writer
 * aimed at a report folder into which the user has put files: that folder stays byte for byte.
 *
 * SORA_MC_FOLDER_MODULE names another compiled writer to test (an older build, say).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scaled } from '../helpers/suite.js';
import { scratchDir } from '../helpers/scratch.js';
import { sameTree, treeDifference, treeOf, type Tree } from '../helpers/tree.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const WRITER = process.env.SORA_MC_FOLDER_MODULE ?? packagePath('dist', 'src', 'io', 'report-folder.js');
const CHILD = packagePath('test', 'io', 'write-folder-child.mjs');
const KILLS = scaled(10, 50);

/** sora-mc's own lock and work entries at the top of a folder (a kill may leave them; recovery removes them). */
const transient = (name: string) => name === '.sora-mc.lock' || name.startsWith('.sora-mc.lock.') || name === '.sora-mc.work';

/** Starts the child writing `source` into `target`; `ready` resolves once it has read the files. */
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

describe('a kill while a report folder is written', () => {
  const scratch = scratchDir();

  it(`SIGKILL at ${KILLS} random points: the old report or the new one, or recovery restores one and says so; a user's files never touched`, async () => {
    const { recoverFolder } = (await import(pathToFileURL(WRITER).href)) as { recoverFolder?: (dir: string, options: { say: (line: string) => void }) => Promise<void> };
    const reports = ['1', '2'].map((seed) => {
      const dir = join(scratch.dir, `source-${seed}`);
      const made = spawnSync(process.execPath, [CLI, 'report', 'mission', '--samples', '200', '--seed', seed, '--out', dir, '--json'], { encoding: 'utf8' });
      expect(made.status, made.stderr).toBe(0);
      return { dir, tree: treeOf(dir) };
    });
    expect(sameTree(reports[0]!.tree, reports[1]!.tree)).toBe(false);
    const target = join(scratch.dir, 'target');

    // The first write, uninterrupted, and how long a write takes here.
    const first = startWriter(reports[0]!.dir, target);
    expect(await first.exited).toBe(0);
    expect(sameTree(treeOf(target), reports[0]!.tree)).toBe(true);
    const writeMs = Number(/done ([\d.]+)/.exec(first.output())![1]);

    // A report folder the user has put files into (a note and a git folder): every write is refused.
    const mixed = join(scratch.dir, 'mixed');
    expect(await startWriter(reports[0]!.dir, mixed).exited).toBe(0);
    writeFileSync(join(mixed, 'my-notes.txt'), 'for the investor call\n');
    mkdirSync(join(mixed, '.git'));
    writeFileSync(join(mixed, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    cpSync(join(reports[1]!.dir, 'summary.md'), join(mixed, 'summary-2.md'));
    const mixedTree = treeOf(mixed);

    let current = 0;
    let journalLeft = 0;
    let stagingLeft = 0;
    const said: string[] = [];
    // Seeded delays (a linear congruential generator), so a failure can be replayed.
    let state = 20261129;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const whole = (tree: Tree, which: number) => sameTree(tree, reports[which]!.tree);
    for (let kill = 0; kill < KILLS; kill += 1) {
      const next = 1 - current;
      const writer = startWriter(reports[next]!.dir, target);
      await writer.ready;
      busyWait(uniform() * writeMs * 1.5);
      writer.child.kill('SIGKILL');
      await writer.exited;
      const now = treeOf(target, transient);
      const isOld = whole(now, current);
      const isNew = whole(now, next);
      if (!isOld && !isNew) {
        expect(existsSync(join(target, '.sora-mc.work', 'journal')), `kill ${kill}: neither report (${treeDifference(now, reports[next]!.tree).slice(0, 3).join(', ')}…) and no journal`).toBe(true);
        journalLeft += 1;
      } else if (existsSync(join(target, '.sora-mc.work'))) stagingLeft += 1;

      const refused = startWriter(reports[next]!.dir, mixed);
      await refused.ready;
      busyWait(uniform() * writeMs * 1.5);
      refused.child.kill('SIGKILL');
      await refused.exited;
      expect(treeDifference(treeOf(mixed, transient), mixedTree), `kill ${kill}: the folder with the user's files changed`).toEqual([]);

      if (recoverFolder) {
        const lines: string[] = [];
        await recoverFolder(target, { say: (line) => lines.push(line) });
        expect(lines.length, `kill ${kill}: ${lines.join(' / ')}`).toBeLessThanOrEqual(1);
        if (!isOld && !isNew) expect(lines.join('')).toMatch(/finished/);
        said.push(...lines);
        await recoverFolder(mixed, { say: () => {} });
        expect(treeDifference(treeOf(mixed), mixedTree)).toEqual([]);
      }
      const after = treeOf(target);
      const restoredNew = whole(after, next);
      expect(restoredNew || whole(after, current), `kill ${kill}: after recovery the folder is neither report: ${treeDifference(after, reports[next]!.tree).slice(0, 5).join(', ')}`).toBe(true);
      if (isNew) expect(restoredNew).toBe(true);
      if (restoredNew) current = next;
    }
    // Not asserted (timing decides it), but reported: where the kills landed.
    console.log(
      `kill test: a write takes ~${writeMs.toFixed(1)} ms; of ${KILLS} kills, ${journalLeft} left a committed write part-way (recovery finished it), ${stagingLeft} left unfinished staging (removed); recovery said: ${[...new Set(said.map((line) => line.replace(/.*?: /, '').replace(/\d+/g, 'N')))].join(' | ')}`,
    );
    // One more write succeeds and leaves nothing of sora-mc's but the report.
    const last = startWriter(reports[0]!.dir, target);
    expect(await last.exited).toBe(0);
    expect(treeDifference(treeOf(target), reports[0]!.tree)).toEqual([]);
  }, 600_000);
});
