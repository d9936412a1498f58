/**
 * A file-system failure as bad input (exit 2) naming the path and its cause in plain words — "EROFS
 * (the file system is read-only)" — and folders made one level at a time, so that the cause named
 * is the real one: Node's recursive mkdir reports ENOENT for a folder on a read-only file system.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SoraError, show } from '../errors.js';

/** What each error code means, for the person reading the message. */
const PLAIN: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'something is already there',
  ENOTEMPTY: 'a folder is in the way',
  ENAMETOOLONG: 'a name is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'busy (a mount point, or a file in use)',
  EMFILE: 'too many open files',
  ENOENT: 'no such file or folder',
  EXDEV: 'a different file system',
  EIO: 'input/output error',
};

/** An error's cause for a message: its code and what the code means, or its message. */
function causeOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined) return message ?? String(error);
  const plain = PLAIN[code];
  return plain ? `${code} (${plain})` : code;
}

/** The error for an output that cannot be written: where, and why. */
export function cannotWrite(path: string, error: unknown, expected = 'a folder sora-mc may create and write files in'): SoraError {
  return new SoraError('cannot write the output', { path: 'out', expected, found: `${show(path)}: ${causeOf(error)}` });
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Whether `path` is a folder now (following links); undefined when nothing is there. */
function isFolder(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw cannotWrite(path, error);
  }
}

/**
 * Makes `dir` and every missing folder above it, outermost first, one mkdir each, so a failure
 * names its real cause (EROFS, EACCES); returns the folders it made. A file in the way is ENOTDIR.
 */
export function makeFolder(dir: string): string[] {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    const folder = isFolder(at);
    if (folder === false) throw cannotWrite(at, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
    if (folder === true) break;
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST' || !isFolder(folder)) throw cannotWrite(folder, error);
    }
  }
  return missing;
}

/** Removes `dir` if it is an empty folder; anything else (not empty, gone) leaves it. */
export function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or not there: nothing to tidy.
  }
}
