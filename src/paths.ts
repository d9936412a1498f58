/**
 * Where the package's own files are, whether this code runs compiled (dist/src/…) or as
 * TypeScript source under vitest (src/…): the folder holding sora-mc's package.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printable } from './io/printable.js';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sora-mc') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`sora-mc's package.json not found above ${start}`);
    dir = parent;
  }
}

/** The package's root folder. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/**
 * A path as a reader finds it from the working directory (absolute when it lies far outside it), on
 * one line: a newline or tab in a file name is escaped (printable), so a baseline file a pull request
 * adds cannot forge lines of check's output ("result: every percentile holds").
 */
export function display(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  if (rel === '') return '.';
  // Far outside the working directory, the absolute path reads better than ../../../..
  const ups = rel.split(/[\\/]/).filter((part) => part === '..').length;
  return printable(ups > 1 ? file : rel, true);
}

/**
 * A scenario name as a file or folder name: letters, digits, '.', '-' and '_' only, no leading dot
 * (so a scenario named ".." stays inside its folder), never empty, at most 80 characters. A name
 * that had to change keeps a short hash of itself, so two names ("..", "日本") never share a file.
 */
export function fileSafe(name: string): string {
  const safe = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_').slice(0, 60) || 'scenario';
  return safe === name ? safe : `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
