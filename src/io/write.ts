/**
 * Writing output files so that a failed run leaves nothing half-written: every file's content is
 * made in memory first; then every folder is created, every file written to a temporary name
 * beside its target, and only when all of that has worked are they renamed into place.
 * A file-system failure is a SoraError naming the path (exit 2), not a stack trace.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SoraError } from '../errors.js';

export type FileContent = string | Uint8Array;

function cannotWrite(path: string, error: unknown): SoraError {
  const { code, message } = error as NodeJS.ErrnoException;
  return new SoraError('cannot write the output', {
    path: 'out',
    expected: 'a folder sora-mc may create and write files in',
    found: `${path}: ${code ?? message}`,
  });
}

function temporaryName(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

/** Writes several files (path → content) all or nothing; returns their paths. */
export function writeAll(files: ReadonlyMap<string, FileContent>): string[] {
  const paths = [...files.keys()];
  for (const dir of new Set(paths.map((path) => dirname(path)))) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw cannotWrite(dir, error);
    }
  }
  const written: string[] = [];
  try {
    for (const [path, content] of files) {
      writeFileSync(temporaryName(path), content);
      written.push(path);
    }
  } catch (error) {
    for (const path of [...written, paths[written.length]!]) rmSync(temporaryName(path), { force: true });
    throw cannotWrite(paths[written.length]!, error);
  }
  for (const path of paths) {
    try {
      renameSync(temporaryName(path), path);
    } catch (error) {
      throw cannotWrite(path, error);
    }
  }
  return paths;
}

/** Writes one file by temporary name and rename (atomic on one filesystem). */
export function writeFileAtomic(path: string, content: FileContent): void {
  writeAll(new Map([[path, content]]));
}

/** Writes every file of `files` (name relative to `dir` → content) into `dir`, all or nothing; returns their paths. */
export function writeFiles(dir: string, files: ReadonlyMap<string, FileContent>): string[] {
  return writeAll(new Map([...files].map(([name, content]) => [join(dir, name), content])));
}

/** JSON as sora-mc writes it: two-space indent, newline at the end. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
