/** Report folders (src/io/report-folder.ts): a plain folder, its manifest, and what sora-mc refuses to touch. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGACY_MARKER_TEXT, parseManifest } from '../../src/io/folder-manifest.js';
import { addToFolder, refuseRoot, writeFolder } from '../../src/io/report-folder.js';
import { scratchDir } from '../helpers/scratch.js';
import { linksIn, treeDifference, treeOf } from '../helpers/tree.js';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const quiet = { say: () => {} };
const REPORT = { 'report.html': '<h1>one</h1>', 'result.json': '{"format": "sora-mc/result"}\n', 'charts/a.svg': '<svg/>', 'charts/b.svg': '<svg>b</svg>' };

describe('a report folder is a plain folder with a manifest of what sora-mc wrote', () => {
  const scratch = scratchDir();

  it('a new folder: the files and a manifest listing each with its size and SHA-256; no link, nothing else', async () => {
    const dir = join(scratch.dir, 'new');
    expect(await writeFolder(dir, files(REPORT), quiet)).toEqual(Object.keys(REPORT).map((name) => join(dir, name)));
    const tree = treeOf(dir);
    expect(linksIn(tree)).toEqual([]);
    expect([...tree.keys()].sort()).toEqual(['.sora-mc', 'charts', 'charts/a.svg', 'charts/b.svg', 'report.html', 'result.json']);
    const listed = parseManifest(readFileSync(join(dir, '.sora-mc'), 'utf8'))!;
    expect([...listed].sort()).toEqual(Object.entries(REPORT).map(([name, text]) => [name, { bytes: Buffer.byteLength(text), sha256: sha256(text) }]).sort());
    expect(readdirSync(scratch.dir)).toEqual(['new']); // nothing beside it
  });

  it('a second report replaces the first in the same folder (never renamed), removing the files it no longer has', async () => {
    const dir = join(scratch.dir, 'replaced');
    await writeFolder(dir, files({ ...REPORT, 'old-only.txt': 'x', 'gone/deep.txt': 'y' }), quiet);
    const inode = statSync(dir).ino;
    await writeFolder(dir, files({ 'report.html': '<h1>two</h1>', 'charts/a.svg': '<svg>2</svg>' }), quiet);
    expect(statSync(dir).ino).toBe(inode);
    expect([...treeOf(dir).keys()].sort()).toEqual(['.sora-mc', 'charts', 'charts/a.svg', 'report.html']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<h1>two</h1>');
    expect([...parseManifest(readFileSync(join(dir, '.sora-mc'), 'utf8'))!.keys()].sort()).toEqual(['charts/a.svg', 'report.html']);
  });

  it('an empty folder is ours', async () => {
    const dir = join(scratch.dir, 'empty');
    mkdirSync(dir);
    await writeFolder(dir, files(REPORT), quiet);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(REPORT['report.html']);
  });

  it('the file-system root is refused', () => {
    expect(() => refuseRoot('/')).toThrow(/file-system root/);
  });

  it('a file name that leaves the folder or takes sora-mc’s own names is a programming error', async () => {
    for (const name of ['../x', '/etc/x', 'a//b', '.sora-mc', '.sora-mc.work/x', 'a/./b']) {
      await expect(writeFolder(join(scratch.dir, 'names'), files({ [name]: 'x' }), quiet)).rejects.toThrow(/may not write/);
    }
  });
});

describe('sora-mc never deletes, moves or overwrites a file it did not write', () => {
  const scratch = scratchDir();

  /** A report folder, then `change` applied to it; the write must be refused naming `named`, every entry as it was. */
  async function refused(name: string, change: (dir: string) => void, named: RegExp) {
    const dir = join(scratch.dir, name);
    await writeFolder(dir, files(REPORT), quiet);
    change(dir);
    const before = treeOf(dir);
    const error = (await writeFolder(dir, files({ 'report.html': 'new' }), quiet).then(() => undefined, (e: unknown) => e)) as Error & { details: { found: string } };
    expect(error).toBeInstanceOf(Error);
    expect(`${error.message} ${error.details.found}`).toMatch(named);
    expect(treeDifference(treeOf(dir), before)).toEqual([]);
  }

  it('a user’s file, a user’s folder (.git) and an empty folder: refused, named', () =>
    refused('user', (dir) => {
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      mkdirSync(join(dir, '.git', 'objects'), { recursive: true });
      writeFileSync(join(dir, '.git', 'HEAD'), 'ref');
      mkdirSync(join(dir, 'summary.md'));
      writeFileSync(join(dir, 'charts', 'mine.png'), 'png');
    }, /not a sora-mc report folder.*4 entries sora-mc did not write: \.git\/, charts\/mine\.png, notes\.txt, summary\.md\//));

  it('many user files: a few named, then how many more', () =>
    refused('many', (dir) => {
      for (let i = 0; i < 20; i += 1) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.txt`), 'x');
    }, /f00\.txt, f01\.txt, f02\.txt, f03\.txt, f04\.txt, f05\.txt and 14 more/));

  it('a file of ours the user edited: refused as changed', () =>
    refused('edited', (dir) => writeFileSync(join(dir, 'charts', 'a.svg'), '<svg>mine</svg>'), /1 file sora-mc wrote that changed since: charts\/a\.svg/));

  it('a link where a file of ours was: refused', () =>
    refused('link', (dir) => {
      renameSync(join(dir, 'result.json'), join(scratch.dir, 'elsewhere.json'));
      symlinkSync(join(scratch.dir, 'elsewhere.json'), join(dir, 'result.json'));
    }, /did not write: result\.json/));

  it('a .sora-mc that is not a manifest (the user’s own): refused, named', () =>
    refused('foreign-manifest', (dir) => writeFileSync(join(dir, '.sora-mc'), '{"files": {"notes.txt": 1}}'), /\.sora-mc/));

  it('an older sora-mc’s marker folder: refused with a hint, nothing touched', async () => {
    const dir = join(scratch.dir, 'older');
    mkdirSync(dir);
    writeFileSync(join(dir, '.sora-mc'), LEGACY_MARKER_TEXT);
    writeFileSync(join(dir, 'result.json'), '{"format": "sora-mc/result"}');
    const before = treeOf(dir);
    await expect(writeFolder(dir, files(REPORT), quiet)).rejects.toThrow(/older sora-mc/);
    await expect(addToFolder(dir, files({ 'result.json': '{}' }), quiet)).rejects.toThrow(/older sora-mc/);
    expect(treeDifference(treeOf(dir), before)).toEqual([]);
  });

  it('an older sora-mc’s link to a hidden generation folder: refused, saying to remove only the link', async () => {
    const generation = join(scratch.dir, '.mission.0123456789ab.report');
    mkdirSync(generation);
    writeFileSync(join(generation, '.sora-mc'), LEGACY_MARKER_TEXT);
    writeFileSync(join(generation, 'report.html'), 'old');
    symlinkSync('.mission.0123456789ab.report', join(scratch.dir, 'mission'));
    const before = treeOf(scratch.dir);
    const error = (await writeFolder(join(scratch.dir, 'mission'), files(REPORT), quiet).catch((e: unknown) => e)) as Error & { details: { hint: string } };
    expect(error.message).toMatch(/link an older sora-mc made/);
    expect(error.details.hint).toMatch(/rm .*mission.* the old report stays in .*\.mission\.0123456789ab\.report/);
    expect(treeDifference(treeOf(scratch.dir), before)).toEqual([]);
  });
});

describe('run writes result.json beside whatever the folder holds (addToFolder)', () => {
  const scratch = scratchDir();

  it('into a project folder: result.json and the manifest, nothing else touched; an earlier Result replaced', async () => {
    const dir = join(scratch.dir, 'project');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.py'), 'print(1)\n');
    await addToFolder(dir, files({ 'result.json': '{"seed": 1}' }), quiet);
    await addToFolder(dir, files({ 'result.json': '{"seed": 2}' }), quiet);
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'model.py', 'result.json']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('{"seed": 2}');
    expect(readFileSync(join(dir, 'model.py'), 'utf8')).toBe('print(1)\n');
    // A report may not replace the folder: model.py is the user's.
    await expect(writeFolder(dir, files(REPORT), quiet)).rejects.toThrow(/not a sora-mc report folder/);
  });

  it('a result.json sora-mc did not write, or one it wrote that was edited: refused, named, left as it was', async () => {
    const theirs = join(scratch.dir, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'result.json'), '{"accuracy": 0.9}');
    await expect(addToFolder(theirs, files({ 'result.json': '{}' }), quiet)).rejects.toThrow(/did not write/);
    expect(readFileSync(join(theirs, 'result.json'), 'utf8')).toBe('{"accuracy": 0.9}');

    const edited = join(scratch.dir, 'edited');
    await addToFolder(edited, files({ 'result.json': '{"seed": 1}' }), quiet);
    writeFileSync(join(edited, 'result.json'), '{"seed": 1, "mine": true}');
    const error = (await addToFolder(edited, files({ 'result.json': '{}' }), quiet).catch((e: unknown) => e)) as Error & { details: { found: string } };
    expect(error.details.found).toMatch(/changed since: result\.json/);
    expect(readFileSync(join(edited, 'result.json'), 'utf8')).toBe('{"seed": 1, "mine": true}');
  });

  it('beside a report: run/result.json joins the manifest, and the next report removes it', async () => {
    const dir = join(scratch.dir, 'beside');
    await writeFolder(dir, files(REPORT), quiet);
    await addToFolder(dir, files({ 'run/result.json': '{"seed": 3}' }), quiet);
    expect([...parseManifest(readFileSync(join(dir, '.sora-mc'), 'utf8'))!.keys()]).toContain('run/result.json');
    await writeFolder(dir, files(REPORT), quiet);
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'charts', 'report.html', 'result.json']);
  });
});
