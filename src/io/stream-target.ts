/**
 * Targets that are written in place, never replaced: a device such as /dev/null, a FIFO, a socket,
 * /dev/stdout and the other links under /dev and /proc. What kind a file target is decides how
 * src/io/atomic-file.ts writes it; a folder as a file's target is an error before anything is written.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { SoraError, show } from '../errors.js';
import { cannotWrite } from './fs-failure.js';

export type FileContent = string | Uint8Array;

/** Writes all of `content` to the open descriptor `fd`. */
export function writeFully(fd: number, content: FileContent): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Paths under which a symlink is a system stream (/dev/stdout → /proc/self/fd/1), never a file to replace. */
function isSystemPath(path: string): boolean {
  const absolute = resolve(path);
  return absolute.startsWith('/dev/') || absolute.startsWith('/proc/');
}

/**
 * How a file target is written: 'replace' (absent, a regular file, or a symlink — the link itself is
 * replaced, never what it points to) or 'stream' (a device, FIFO or socket, or a system link such as
 * /dev/stdout: written in place). A folder is an error.
 */
export function targetKind(path: string): 'replace' | 'stream' {
  let link;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'replace';
    throw cannotWrite(path, error);
  }
  if (link.isFile()) return 'replace';
  const folder = () => new SoraError('cannot write a file over a folder', { path: 'out', expected: 'a file name', found: `${show(path)}: a folder` });
  if (link.isDirectory()) throw folder();
  if (link.isSymbolicLink()) {
    let target;
    try {
      target = statSync(path);
    } catch {
      return 'replace'; // a dangling link: replace the link, never create what it points to
    }
    if (target.isDirectory()) throw folder();
    return target.isFile() && !isSystemPath(path) ? 'replace' : 'stream';
  }
  return 'stream';
}

/** 1 or 2 when `path` is the very file or stream of our stdout or stderr. */
function ownDescriptor(path: string): number | undefined {
  try {
    const target = statSync(path);
    for (const fd of [1, 2]) {
      const held = fstatSync(fd);
      if (held.dev === target.dev && held.ino === target.ino) return fd;
    }
  } catch {
    // Not ours to write through: open it below.
  }
  return undefined;
}

/** Writes `content` into an existing non-regular target (a device, FIFO, /dev/stdout) without creating or truncating anything. */
export function writeStream(path: string, content: FileContent): void {
  // Our own stdout or stderr (/dev/stdout, /dev/fd/1, or the file or pipe they are redirected to):
  // write through the descriptor we already hold, so the text lands in order with what we print.
  const own = ownDescriptor(path);
  if (own !== undefined) {
    writeFully(own, content);
    return;
  }
  const expected = 'a file, device or stream sora-mc may write';
  let fd;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
  } catch (error) {
    throw cannotWrite(path, error, expected);
  }
  try {
    writeFully(fd, content);
  } catch (error) {
    throw cannotWrite(path, error, expected);
  } finally {
    closeSync(fd);
  }
}
