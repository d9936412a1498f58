/**
 * Reading an input file (a scenario, a baseline, a Result) as text: a file that cannot be read is
 * bad input naming the file — "not found" when it is missing, with a hint of how to make one.
 * Only regular files are read (a FIFO would hang the run, /dev/zero never ends), and only up to
 * MAX_INPUT_BYTES, which the error states. A leading byte-order mark is dropped.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
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
 * The text of UTF-8 bytes, a leading byte-order mark dropped. Bytes that are not UTF-8 are bad input
 * naming where the first one is: decoding them as U+FFFD made a Latin-1 "café" run as "caf\ufffd",
 * silently, into every chart, table and baseline.
 */
function decodeUtf8(bytes: Uint8Array, file: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    // The first byte that does not decode: the end of the longest prefix that decodes, searched
    // among the places a character may start (not a continuation byte 10xxxxxx).
    const starts = [0];
    for (let i = 1; i <= bytes.length; i += 1) if (i === bytes.length || (bytes[i]! & 0xc0) !== 0x80) starts.push(i);
    let [good, bad] = [0, starts.length - 1]; // starts[good] decodes, starts[bad] does not
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (decodes(bytes.subarray(0, starts[mid]))) good = mid;
      else bad = mid;
    }
    const at = Math.min(starts[good]!, bytes.length - 1);
    const before = Buffer.from(bytes.subarray(0, at)).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new SoraError(`${what} is not UTF-8 text`, {
      file,
      expected: 'a file saved as UTF-8',
      found: `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column}`,
      hint: utf16 ? 'it starts like UTF-16: save it as UTF-8' : 'save it as UTF-8 (your editor names the encoding it saves in)',
    });
  }
}

/** Whether `bytes` are UTF-8. */
function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file read for its kind (a scenario `.yaml`, a baseline `.json`) must be that kind where it
 * really is, not only by the name it was reached by: `x.yaml`, a symbolic link to /etc/shadow or a
 * private key, passed the name check and its first line was quoted by the parse error. A file
 * reached by its own name is held to its extension here too (`--calibration /etc/shadow`).
 */
function requireKind(file: string, what: string, extensions: readonly string[]): void {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return; // the open below says why it cannot be read
  }
  if (!extensions.includes(extname(real).toLowerCase())) {
    const link = real !== resolve(file);
    throw new SoraError(link ? `${what} is a link to a file of another kind` : `${what} must end in ${extensions.join(', ')}`, {
      file,
      expected: `${link ? 'a link to ' : ''}a ${extensions.join(', ')} file`,
      found: link ? `a link to ${real}` : basename(file),
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
    return decodeUtf8(buffer.subarray(0, length), file, what);
  } catch (error) {
    if (error instanceof SoraError) throw error;
    throw new SoraError(`cannot read ${what}`, { file, found: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  } finally {
    closeSync(fd);
  }
}
