/**
 * Files on disk compared with sora-mc's record of them, and sora-mc's own small record files read
 * safely. A record is a file's size and SHA-256; a file matches its record only if it is a regular
 * file (opened with O_NOFOLLOW: a link never matches) of that size whose bytes hash to that digest.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileContent } from './stream-target.js';

/** What sora-mc records of a file it wrote. */
export interface FileRecord {
  bytes: number;
  sha256: string;
}

/** The record of `content`. */
export function recordOf(content: FileContent): FileRecord {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Opens a regular file for reading without following a link (O_NONBLOCK: a FIFO never hangs the open). */
function openRegular(path: string): { fd: number; size: number } | 'absent' | 'not ours' {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'not ours';
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    return 'not ours';
  }
  return { fd, size: stats.size };
}

/** One read buffer for every digest (reads are synchronous, so never shared by two at once). */
const chunk = Buffer.allocUnsafe(1 << 18);

/** Whether the file at `path` is a regular file matching `record` (size first, then the digest). */
export function matchesRecord(path: string, record: FileRecord): boolean {
  const file = openRegular(path);
  if (typeof file === 'string') return false;
  try {
    if (file.size !== record.bytes) return false;
    const hash = createHash('sha256');
    for (let read; (read = readSync(file.fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, read));
    return hash.digest('hex') === record.sha256;
  } catch {
    return false;
  } finally {
    closeSync(file.fd);
  }
}

/**
 * The bytes of a small regular file of sora-mc's own (a manifest, a journal, a lock's holder):
 * 'absent' when nothing is there, 'not ours' when it is a link, not a regular file, unreadable or
 * larger than `maxBytes`.
 */
export function readOwnFile(path: string, maxBytes: number): Buffer | 'absent' | 'not ours' {
  const file = openRegular(path);
  if (typeof file === 'string') return file;
  try {
    if (file.size > maxBytes) return 'not ours';
    const buffer = Buffer.alloc(file.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(file.fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch {
    return 'not ours';
  } finally {
    closeSync(file.fd);
  }
}

/** A JSON value parsed from a small own file, or undefined when it is absent, not ours or not JSON. */
export function readOwnJson(path: string, maxBytes: number): unknown {
  const bytes = readOwnFile(path, maxBytes);
  if (typeof bytes === 'string') return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
