/**
 * A folder's whole tree as the file system holds it, for byte-for-byte comparisons: every entry
 * under the folder (walked with lstat, so a symbolic link is recorded as a link, never followed)
 * mapped to its kind and content — a file's SHA-256 and permission bits, a link's target.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export type Tree = Map<string, string>;

/** Every entry under `dir` (relative path → 'dir' | 'file <sha256> <mode>' | 'link <target>' | 'other'); `skip` leaves out entries by relative path. */
export function treeOf(dir: string, skip: (name: string) => boolean = () => false): Tree {
  const tree: Tree = new Map();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const rel = relative(dir, path);
      if (skip(rel)) continue;
      const entry = lstatSync(path);
      if (entry.isSymbolicLink()) tree.set(rel, `link ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        tree.set(rel, 'dir');
        walk(path);
      } else if (entry.isFile()) tree.set(rel, `file ${createHash('sha256').update(readFileSync(path)).digest('hex')} ${(entry.mode & 0o7777).toString(8)}`);
      else tree.set(rel, 'other');
    }
  };
  walk(dir);
  return tree;
}

/** The entries of `tree` that are symbolic links. */
export function linksIn(tree: Tree): string[] {
  return [...tree].filter(([, kind]) => kind.startsWith('link ')).map(([name]) => name);
}

/** Whether two trees hold the same entries with the same kinds and contents. */
export function sameTree(a: Tree, b: Tree): boolean {
  return a.size === b.size && [...a].every(([name, kind]) => b.get(name) === kind);
}

/** The names whose entries differ between two trees (for a failure message). */
export function treeDifference(a: Tree, b: Tree): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}
