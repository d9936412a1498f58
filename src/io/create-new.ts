/**
 * Writing a file that must not exist yet (`sora-mc init`, `calibrate --out`): never over anything already there — a
 * file, a folder, a link (even a dangling one) — and never half-written. The content goes to a
 * temporary file created exclusively beside the target, which is then hard-linked to the target's
 * name (link() fails if the name exists, atomically, so a file created meanwhile is not touched)
 * and unlinked. Where the file system has no hard links, the target itself is created exclusively
 * (O_CREAT|O_EXCL|O_NOFOLLOW) and written; if that write fails, the file just created is removed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SoraError } from '../errors.js';

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

function writeNew(path: string, bytes: Buffer): void {
  const fd = openSync(path, EXCLUSIVE, 0o666);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

function refused(path: string, error: unknown): SoraError {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EEXIST') {
    return new SoraError('something is already there, and sora-mc never writes over it', {
      file: path,
      expected: 'the name of a file that does not exist yet',
      found: 'an existing file, folder or link',
      hint: 'give another name, or move it away yourself',
    });
  }
  return new SoraError('cannot write the file', { file: path, expected: 'a file sora-mc may create', found: `${code ?? message}` });
}

/** Creates `path` with `content`, or throws a SoraError (exit 2) if anything is at that name; makes missing folders. */
export function createNewFile(path: string, content: string): void {
  const bytes = Buffer.from(content, 'utf8');
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw refused(path, error);
  }
  const temp = join(dirname(path), `.${basename(path).slice(0, 60)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeNew(temp, bytes);
  } catch (error) {
    throw refused(path, error);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV')) {
      rmSync(temp, { force: true });
      throw refused(path, error);
    }
    // No hard links here: create the target itself, exclusively.
    rmSync(temp, { force: true });
    try {
      writeNew(path, bytes);
    } catch (inner) {
      throw refused(path, inner);
    }
    return;
  }
  rmSync(temp, { force: true });
}
