/**
 * Writing output files so that a failed run leaves nothing half-written: every file's content is
 * made in memory first, each is written to a temporary name beside its target and renamed into place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FileContent = string | Uint8Array;

/** Writes one file by temporary name and rename (atomic on one filesystem). */
export function writeFileAtomic(path: string, content: FileContent): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes every file of `files` (relative name → content) into `dir`; returns their paths. */
export function writeFiles(dir: string, files: ReadonlyMap<string, FileContent>): string[] {
  const paths: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    writeFileAtomic(path, content);
    paths.push(path);
  }
  return paths;
}

/** JSON as sora-mc writes it: two-space indent, newline at the end. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
