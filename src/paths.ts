/**
 * Where the package's own files are, whether this code runs compiled (dist/src/…) or as
 * TypeScript source under vitest (src/…): the folder holding sora-mc's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
