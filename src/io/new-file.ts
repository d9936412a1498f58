/**
 * Writing a file that must not exist yet (a new scenario): the content goes to a temporary file
 * created exclusively beside the target, which is then hard-linked to the target's name — link(2)
 * fails if anything is there, so an existing file is never replaced and a reader never sees a
 * half-written one — and the temporary name is removed. A file-system failure is a SoraError naming
 * the path.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SoraError, show } from '../errors.js';

export function writeNewFile(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path).slice(0, 40)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    try {
      const bytes = Buffer.from(content, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') {
      throw new SoraError('the file exists already', { path: 'out', expected: 'a new file name: sora-mc never replaces a file it did not write', found: show(path) });
    }
    throw new SoraError('cannot write the file', { path: 'out', expected: 'a new file in a folder sora-mc may write', found: `${show(path)}: ${code ?? message}` });
  } finally {
    rmSync(temp, { force: true });
  }
}
