/**
 * What a write stopped at each step leaves, and what the next run makes of it
 * (src/io/folder-journal.ts): the states a kill leaves are made here step by step, deterministically
 * (test/io/kill.slow.test.ts kills real writers at random moments).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, stage, type Journal } from '../../src/io/folder-journal.js';
import { manifestText, MANIFEST, WORK } from '../../src/io/folder-manifest.js';
import { recordOf, type FileRecord } from '../../src/io/own-file.js';
import { recoverFolder, writeFolder } from '../../src/io/report-folder.js';
import { scratchDir } from '../helpers/scratch.js';
import { treeDifference, treeOf } from '../helpers/tree.js';

const OLD = { 'report.html': 'old page', 'charts/a.svg': 'old a', 'old-only.txt': 'old only' };
const NEW = { 'report.html': 'new page', 'charts/a.svg': 'new a', 'charts/b.svg': 'new b' };
const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** Stages NEW over OLD in `dir` and, with `committed`, commits its journal: the state of a kill just after that step. */
function interrupted(dir: string, committed: boolean): Journal {
  const listed = new Map(Object.entries(NEW).map(([name, text]): [string, FileRecord] => [name, recordOf(text)]));
  const manifest = manifestText(listed);
  const journal: Journal = {
    remove: ['old-only.txt'],
    put: [...listed, [MANIFEST, recordOf(manifest)]],
    replaces: [...Object.entries(OLD).map(([name, text]): [string, FileRecord] => [name, recordOf(text)]), [MANIFEST, recordOf(readFileSync(join(dir, MANIFEST)))]],
  };
  stage(dir, new Map([...files(NEW), [MANIFEST, manifest]]));
  if (committed) commit(dir, journal);
  return journal;
}

async function reports(scratch: string, name: string) {
  const [old, fresh, dir] = ['old', 'new', 'target'].map((kind) => join(scratch, name, kind)) as [string, string, string];
  await writeFolder(old, files(OLD), { say: () => {} });
  await writeFolder(fresh, files(NEW), { say: () => {} });
  await writeFolder(dir, files(OLD), { say: () => {} });
  return { old: treeOf(old), fresh: treeOf(fresh), dir };
}

async function recovered(dir: string): Promise<string[]> {
  const said: string[] = [];
  await recoverFolder(dir, { say: (line) => said.push(line) });
  return said;
}

describe('a write stopped before its commit point is removed: the old report stays', () => {
  const scratch = scratchDir();

  it('staged files without a journal: removed, one line said, the folder is the old report byte for byte', async () => {
    const { old, dir } = await reports(scratch.dir, 'staged');
    interrupted(dir, false);
    writeFileSync(join(dir, WORK, 'journal.tmp'), '{"format": "sora-mc/folder-journal"'); // killed while writing the journal
    const said = await recovered(dir);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/removed the staged files .* the report is as it was/);
    expect(treeDifference(treeOf(dir), old)).toEqual([]);
  });
});

describe('a write stopped after its commit point is finished: the new report, whole', () => {
  const scratch = scratchDir();

  it.each([0, 1, 2, 3, 4])('killed with %i files in place: recovery finishes it and says so in one line', async (moved) => {
    const { fresh, dir } = await reports(scratch.dir, `moved-${moved}`);
    const journal = interrupted(dir, true);
    // Apply's own steps, stopped part-way: the old-only file removed, then `moved` staged files renamed into place.
    renameSync(join(dir, 'old-only.txt'), join(scratch.dir, `removed-${moved}`));
    for (const [name] of journal.put.slice(0, moved)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      renameSync(join(dir, WORK, 'new', name), join(dir, name));
    }
    const said = await recovered(dir);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/finished the write .* left part-way: the folder holds that report whole/);
    expect(treeDifference(treeOf(dir), fresh)).toEqual([]);
    expect(existsSync(join(dir, WORK))).toBe(false);
  });

  it('killed while tidying up a finished write: the new report, whole; an empty work folder is removed without a word', async () => {
    const { fresh, dir } = await reports(scratch.dir, 'tidying');
    interrupted(dir, true);
    await recovered(dir); // the write, finished
    mkdirSync(join(dir, WORK));
    expect(await recovered(dir)).toEqual([]);
    expect(treeDifference(treeOf(dir), fresh)).toEqual([]);
  });

  it('a file the user changed after the kill is kept, said, and refused by the next write', async () => {
    const { dir } = await reports(scratch.dir, 'changed');
    interrupted(dir, true);
    writeFileSync(join(dir, 'report.html'), 'my notes on the old page');
    const said = await recovered(dir);
    expect(said.join('\n')).toMatch(/kept report\.html/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('my notes on the old page');
    expect(readFileSync(join(dir, 'charts', 'b.svg'), 'utf8')).toBe('new b');
    await expect(writeFolder(dir, files(NEW), { say: () => {} })).rejects.toThrow(/not a sora-mc report folder/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('my notes on the old page');
  });

  it('a journal sora-mc cannot read: refused, nothing touched', async () => {
    const { dir } = await reports(scratch.dir, 'damaged');
    interrupted(dir, true);
    writeFileSync(join(dir, WORK, 'journal'), '{"format": "sora-mc/folder-journal", "formatVersion": 1, "remove": ["../../etc/passwd"], "put": [], "replaces": []}');
    const before = treeOf(dir);
    await expect(recovered(dir)).rejects.toThrow(/unfinished write sora-mc cannot read/);
    expect(treeDifference(treeOf(dir), before)).toEqual([]);
  });

  it('the next write finishes a stopped one first, then writes its own', async () => {
    const { dir } = await reports(scratch.dir, 'next');
    interrupted(dir, true);
    const said: string[] = [];
    await writeFolder(dir, files({ 'report.html': 'third' }), { say: (line) => said.push(line) });
    expect(said).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'report.html']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('third');
  });
});
