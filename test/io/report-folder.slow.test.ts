/**
 * A report folder through the compiled CLI: a plain folder that copying tools carry whole; written
 * into a mount point without renaming the folder or writing beside it; never deleting, moving or
 * overwriting a file sora-mc did not write (a user's project in the folder is refused and left byte
 * for byte as it was); and a read-only file system named as such.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';
import { linksIn, sameTree, treeDifference, treeOf } from '../helpers/tree.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const ROOT = process.getuid?.() === 0;

/** Whether `mount --bind` works here (root, and the sandbox allows mounts). */
function canMount(scratch: string): boolean {
  if (!ROOT) return false;
  const [a, b] = [join(scratch, 'probe-a'), join(scratch, 'probe-b')];
  mkdirSync(a);
  mkdirSync(b);
  const bound = spawnSync('mount', ['--bind', a, b]).status === 0;
  if (bound) spawnSync('umount', [b]);
  return bound;
}

describe('a report folder is a plain folder that copies carry whole', () => {
  const scratch = scratchDir();
  const cwd = scratch.dir;

  it('no symbolic link anywhere in it; cp -r, tar, zip and git add carry every file', () => {
    expect(cli(cwd, 'report', 'mission', '--samples', '200', '--out', 'mission').status).toBe(0);
    expect(lstatSync(join(cwd, 'mission')).isDirectory()).toBe(true);
    const tree = treeOf(join(cwd, 'mission'));
    expect(linksIn(tree)).toEqual([]);
    expect(tree.get('report.html')).toMatch(/^file /);
    expect([...tree.keys()].filter((name) => name.startsWith('charts/')).length).toBeGreaterThan(10);
    // Nothing of the report lives beside the folder.
    expect(readdirSync(cwd)).toEqual(['mission']);

    execFileSync('cp', ['-r', 'mission', 'copied'], { cwd });
    expect(treeDifference(treeOf(join(cwd, 'copied')), tree)).toEqual([]);

    execFileSync('tar', ['cf', 'r.tar', 'mission'], { cwd });
    mkdirSync(join(cwd, 'untarred'));
    execFileSync('tar', ['xf', '../r.tar'], { cwd: join(cwd, 'untarred') });
    expect(treeDifference(treeOf(join(cwd, 'untarred', 'mission')), tree)).toEqual([]);

    // -y: store links as links (as many uploaders do), so a link would show.
    execFileSync('zip', ['-qry', 'r.zip', 'mission'], { cwd });
    mkdirSync(join(cwd, 'unzipped'));
    execFileSync('unzip', ['-q', '../r.zip'], { cwd: join(cwd, 'unzipped') });
    expect([...treeOf(join(cwd, 'unzipped', 'mission'))].map(([name, kind]) => `${name} ${kind.split(' ').slice(0, 2).join(' ')}`)).toEqual(
      [...tree].map(([name, kind]) => `${name} ${kind.split(' ').slice(0, 2).join(' ')}`),
    );

    execFileSync('git', ['init', '-q', 'repo'], { cwd });
    execFileSync('cp', ['-r', 'mission', 'repo/'], { cwd });
    execFileSync('git', ['add', 'mission'], { cwd: join(cwd, 'repo') });
    const staged = execFileSync('git', ['ls-files', '--stage'], { cwd: join(cwd, 'repo'), encoding: 'utf8' }).trim().split('\n');
    expect(staged.filter((line) => line.startsWith('120000'))).toEqual([]); // 120000: a symbolic link
    expect(staged.length).toBe([...tree.values()].filter((kind) => kind.startsWith('file ')).length);
  }, 240_000);
});

describe('a mount point as --out', () => {
  const scratch = scratchDir();
  const mounted: string[] = [];
  afterAll(() => {
    for (const path of mounted) spawnSync('umount', [path]);
  });

  // With root and mounts (this sandbox, CI): a real bind mount, which cannot be renamed (EBUSY).
  // Otherwise: a folder whose parent may not be written, so that neither renaming the folder nor
  // creating anything beside it is possible — the same two things a mount point forbids.
  it('report twice into it: written inside, the folder never renamed, nothing written beside it', () => {
    const parent = join(scratch.dir, 'parent');
    const target = join(parent, 'report');
    mkdirSync(target, { recursive: true });
    const bind = canMount(scratch.dir);
    const source = join(scratch.dir, 'volume');
    if (bind) {
      mkdirSync(source);
      execFileSync('mount', ['--bind', source, target]);
      mounted.push(target);
    } else {
      chmodSync(parent, 0o555);
    }
    try {
      console.log(`mount-point test: ${bind ? 'a bind mount' : 'a folder whose parent is read-only (no mounts here)'}`);
      for (const seed of ['1', '2']) {
        const { status, stderr } = cli(scratch.dir, 'report', 'article', '--samples', '200', '--seed', seed, '--out', target);
        expect(stderr).not.toMatch(/error/);
        expect(status).toBe(0);
        expect(readdirSync(parent)).toEqual(['report']);
        expect(lstatSync(target).isDirectory()).toBe(true);
        expect(existsSync(join(target, 'report.html'))).toBe(true);
      }
      if (bind) expect(sameTree(treeOf(source), treeOf(target))).toBe(true);
    } finally {
      if (!bind) chmodSync(parent, 0o755);
    }
  }, 240_000);
});

describe("nothing of the user's is deleted, moved or overwritten", () => {
  const scratch = scratchDir();

  it('run --out ., then a project (git, code) in that folder, then report --out .: exit 2 naming them, every file byte for byte', () => {
    const project = join(scratch.dir, 'project');
    mkdirSync(project);
    expect(cli(project, 'run', 'mission', '--samples', '200', '--out', '.').status).toBe(0);
    execFileSync('git', ['init', '-q'], { cwd: project });
    writeFileSync(join(project, 'model.py'), 'print("my model")\n');
    writeFileSync(join(project, 'scenario.yaml'), 'name: mine\n');
    mkdirSync(join(project, 'notes'));
    writeFileSync(join(project, 'notes', 'todo.txt'), 'send the report\n');
    execFileSync('git', ['add', '.'], { cwd: project });
    const before = treeOf(project);
    const { status, stderr } = cli(project, 'report', 'mission', '--samples', '200', '--out', '.');
    expect(status).toBe(2);
    for (const name of ['.git/', 'model.py', 'notes/', 'scenario.yaml']) expect(stderr).toContain(name);
    expect(treeDifference(treeOf(project), before)).toEqual([]);
    expect(lstatSync(project).isDirectory()).toBe(true);
  }, 240_000);

  it('a file of the report the user edited: report refuses, naming it; the folder stays as it was', () => {
    const out = join(scratch.dir, 'edited');
    expect(cli(scratch.dir, 'report', 'article', '--samples', '200', '--out', out).status).toBe(0);
    appendFileSync(join(out, 'summary.md'), '\nMy own conclusion.\n');
    appendFileSync(join(out, 'result.json'), ' ');
    const before = treeOf(out);
    const report = cli(scratch.dir, 'report', 'article', '--samples', '200', '--out', out);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('summary.md');
    expect(treeDifference(treeOf(out), before)).toEqual([]);
  }, 240_000);

  it('run --out over a result.json of the report the user edited: refused, naming it', () => {
    const out = join(scratch.dir, 'run-edited');
    expect(cli(scratch.dir, 'run', 'article', '--samples', '200', '--out', out).status).toBe(0);
    appendFileSync(join(out, 'result.json'), ' ');
    const before = treeOf(out);
    const run = cli(scratch.dir, 'run', 'article', '--samples', '200', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('result.json');
    expect(treeDifference(treeOf(out), before)).toEqual([]);
  }, 240_000);
});

describe('a file system sora-mc may not write', () => {
  const scratch = scratchDir();
  const mounted: string[] = [];
  afterAll(() => {
    for (const path of mounted) spawnSync('umount', [path]);
  });

  it.runIf(ROOT)('run --out onto a read-only file system names it read-only (EROFS), not ENOENT', () => {
    const ro = join(scratch.dir, 'ro');
    mkdirSync(ro);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro', 'tmpfs', ro]).status !== 0) return;
    mounted.push(ro);
    for (const out of [join(ro, 'new-folder'), ro]) {
      const { status, stderr } = cli(scratch.dir, 'run', 'article', '--samples', '200', '--out', out);
      expect(status).toBe(2);
      expect(stderr).toMatch(/EROFS/);
      expect(stderr).toMatch(/read-only/);
      expect(stderr).not.toMatch(/ENOENT/);
    }
  }, 240_000);

  it.runIf(!ROOT)('run --out under a folder without write permission names it (EACCES, permission denied)', () => {
    const locked = join(scratch.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const { status, stderr } = cli(scratch.dir, 'run', 'article', '--samples', '200', '--out', join(locked, 'x'));
      expect(status).toBe(2);
      expect(stderr).toMatch(/EACCES/);
      expect(stderr).toMatch(/permission denied/);
    } finally {
      chmodSync(locked, 0o755);
    }
  }, 240_000);
});
