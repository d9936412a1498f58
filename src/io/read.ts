/**
 * Reading an input file (a scenario, a baseline, a Result) as text: a file that cannot be read is
 * bad input naming the file — "not found" when it is missing, with a hint of how to make one.
 * Only regular files are read (a FIFO would hang the run, /dev/zero never ends), and only up to
 * MAX_INPUT_BYTES, which the error states. A leading byte-order mark is dropped.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { extname } from 'node:path';
import { SoraError } from '../errors.js';

/** The largest input file sora-mc reads: scenarios and baselines are a few KB, Results a few hundred. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A file read for its kind (a scenario `.yaml`, a baseline `.json`) must be that kind where it
 * really is, not only by the name it was reached by: `x.yaml`, a symbolic link to /etc/shadow or a
 * private key, passed the name check and its first line was quoted by the parse error.
 */
function requireKind(file: string, what: string, extensions: readonly string[]): void {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return; // the open below says why it cannot be read
  }
  if (!extensions.includes(extname(real).toLowerCase())) {
    throw new SoraError(`${what} is a link to a file of another kind`, {
      file,
      expected: `a link to a ${extensions.join(', ')} file`,
      found: `a link to ${real}`,
    });
  }
}

/**
 * The UTF-8 text of `file`; `what` names it in errors (`the baseline file`). With `extensions`, the
 * file a link leads to must end in one of them too (requireKind).
 */
export function readInputFile(file: string, what: string, makeHint?: string, extensions?: readonly string[]): string {
  if (extensions) requireKind(file, what, extensions);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; it is refused below.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SoraError(missing ? `${what} not found` : `cannot read ${what}`, {
      file,
      found: (error as Error).message,
      ...(missing && makeHint ? { hint: makeHint } : {}),
    });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new SoraError(`${what} is not a regular file`, { file, expected: 'a regular file', found: kindOf(stats) });
    }
    if (stats.size > MAX_INPUT_BYTES) {
      throw new SoraError(`${what} is too large`, { file, expected: `at most ${MB(MAX_INPUT_BYTES)}`, found: MB(stats.size) });
    }
    // Read at most one byte past the limit, whatever the size said (a file may grow while read).
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_INPUT_BYTES) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        if (length > MAX_INPUT_BYTES) throw new SoraError(`${what} is too large`, { file, expected: `at most ${MB(MAX_INPUT_BYTES)}`, found: 'more than that' });
        break;
      }
    }
    return buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof SoraError) throw error;
    throw new SoraError(`cannot read ${what}`, { file, found: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  } finally {
    closeSync(fd);
  }
}
