/**
 * The one writer of every file sora-mc writes. Content is made in memory first; then:
 *
 * - a file is written to a temporary file created exclusively (O_CREAT|O_EXCL, so a planted file
 *   or symlink at that name is never followed) under a random name in the target's own folder, and
 *   renamed over the target only when every file of the run is written (a rename replaces a
 *   symlink itself, never the file it points to);
 * - a target that is not a regular file — a device such as /dev/null, a FIFO, /dev/stdout — is
 *   written in place as a stream (never renamed over, so /dev/null stays a device); a folder as a
 *   file's target is an error before anything is written;
 * - a report folder is replaced as a whole (writeFolder): it is built beside the target as a hidden
 *   generation folder, and the target is a symbolic link that one rename swings from the old
 *   generation to the new one, so a reader (or a kill at any moment) sees the old report or the new
 *   one, never a mix; the old generation is removed only after the swap. A lock file beside the
 *   target keeps two runs from writing one folder at once;
 * - SIGINT and SIGTERM (installSignalHandlers) remove the temporary files, say in one line whether
 *   anything was written, and exit 130 / 143.
 *
 * A file-system failure is a SoraError naming the path (exit 2), not a stack trace.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { SoraError, show } from '../errors.js';

export type FileContent = string | Uint8Array;

/** Temporary paths (files and folders) this process made and has not yet renamed or removed. */
const temporary = new Set<string>();
/** Paths this process has put in place (for the interruption message). */
const committed: string[] = [];

function cannotWrite(path: string, error: unknown, expected = 'a folder sora-mc may create and write files in'): SoraError {
  const { code, message } = error as NodeJS.ErrnoException;
  return new SoraError('cannot write the output', { path: 'out', expected, found: `${show(path)}: ${code ?? message}` });
}

/**
 * The part of a hidden name beside `path` that names it: its base name in safe characters, short
 * (a long or unusual name keeps 40 characters and a hash of the whole), so every name stays far
 * under the 255-byte limit of file systems and two targets never share a stem.
 */
function stemOf(path: string): string {
  const name = basename(path);
  const safe = name.replace(/[^\w.-]/g, '_');
  return safe === name && safe.length <= 60 ? safe : `${safe.slice(0, 40)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** A hidden name beside `path` that nothing else uses: random, and short enough for any file system. */
function besideName(path: string, kind: string): string {
  return join(dirname(path), `.${stemOf(path)}.${randomBytes(6).toString('hex')}.${kind}`);
}

/** Creates `path` exclusively (fails if anything, a symlink included, is there) and writes `content`. */
function createExclusive(path: string, content: FileContent): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  try {
    writeFully(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeFully(fd: number, content: FileContent): void {
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
 * replaced) or 'stream' (a device, FIFO or socket, or a system link such as /dev/stdout: written in
 * place). A folder is an error.
 */
function targetKind(path: string): 'replace' | 'stream' {
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

/** Writes `content` into an existing non-regular target (a device, FIFO, /dev/stdout) without creating or truncating anything. */
function writeStream(path: string, content: FileContent): void {
  // Our own stdout or stderr (/dev/stdout, /dev/fd/1, or the file or pipe they are redirected to):
  // write through the descriptor we already hold, so the text lands in order with what we print.
  const own = ownDescriptor(path);
  if (own !== undefined) {
    writeFully(own, content);
    return;
  }
  let fd;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
  } catch (error) {
    throw cannotWrite(path, error, 'a file, device or stream sora-mc may write');
  }
  try {
    writeFully(fd, content);
  } catch (error) {
    throw cannotWrite(path, error, 'a file, device or stream sora-mc may write');
  } finally {
    closeSync(fd);
  }
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

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Best effort: it was ours and temporary.
  }
  temporary.delete(path);
}

function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite(dir, error);
  }
}

/** A folder a run may not write into: the file-system root. */
export function refuseRoot(dir: string): void {
  const absolute = resolve(dir);
  if (absolute === parse(absolute).root) {
    throw new SoraError('the output folder is the file-system root', { path: 'out', expected: 'a folder of its own, e.g. out/my-run', found: show(dir) });
  }
}

/**
 * Writes several files (path → content) all or nothing; returns their paths. Every temporary file
 * is written before any target is touched; if putting one in place fails, those already put in
 * place are restored from hard-linked copies of what they replaced. Streams (devices, FIFOs,
 * stdout) are written last, in place.
 */
export function writeAll(files: ReadonlyMap<string, FileContent>): string[] {
  const plan = [...files].map(([path, content]) => ({ path, content, kind: targetKind(path) }));
  for (const dir of new Set(plan.filter((item) => item.kind === 'replace').map((item) => dirname(item.path)))) makeFolder(dir);
  const placed: { path: string; backup: string | undefined }[] = [];
  const temps = new Map<string, string>();
  try {
    for (const item of plan) {
      if (item.kind !== 'replace') continue;
      const temp = besideName(item.path, 'tmp');
      temporary.add(temp);
      try {
        createExclusive(temp, item.content);
      } catch (error) {
        throw cannotWrite(item.path, error);
      }
      temps.set(item.path, temp);
    }
    for (const item of plan) {
      const temp = temps.get(item.path);
      if (temp === undefined) continue;
      let backup: string | undefined;
      keepModeAndOwner(item.path, temp);
      if (existsSync(item.path)) {
        backup = besideName(item.path, 'old');
        try {
          linkSync(item.path, backup);
          temporary.add(backup);
        } catch {
          backup = undefined; // no hard links here: the old file cannot be restored, but is still replaced whole
        }
      }
      try {
        renameSync(temp, item.path);
      } catch (error) {
        if (backup) removeQuietly(backup);
        throw cannotWrite(item.path, error);
      }
      temporary.delete(temp);
      placed.push({ path: item.path, backup });
    }
  } catch (error) {
    for (const temp of temps.values()) removeQuietly(temp);
    // Undo: put back what the placed files replaced (or remove files that were new).
    for (const { path, backup } of placed.reverse()) {
      try {
        if (backup) renameSync(backup, path);
        else rmSync(path, { force: true });
      } catch {
        // Nothing better to do: the error below names the run's failure.
      }
      if (backup) temporary.delete(backup);
    }
    throw error;
  }
  for (const { backup } of placed) if (backup) removeQuietly(backup);
  committed.push(...placed.map((item) => item.path));
  for (const item of plan) {
    if (item.kind === 'stream') {
      writeStream(item.path, item.content);
      committed.push(item.path);
    }
  }
  return plan.map((item) => item.path);
}

/**
 * Gives `temp` the mode of the regular file it will replace, and its owner when running as root:
 * a rename would otherwise turn a private 0600 baseline into 0644, and, as root, make every file of
 * a CI user's checkout root's. Permission bits only (no set-id bits); a target that is not a
 * regular file (absent, a link that the rename replaces) leaves the new file as created.
 */
function keepModeAndOwner(target: string, temp: string): void {
  let old;
  try {
    old = lstatSync(target);
  } catch {
    return;
  }
  if (!old.isFile()) return;
  try {
    if (process.getuid?.() === 0) chownSync(temp, old.uid, old.gid);
    chmodSync(temp, old.mode & 0o777);
  } catch (error) {
    throw cannotWrite(target, error);
  }
}

/** Writes one file by exclusive temporary file and rename (or in place, for a device or stream). */
export function writeFileAtomic(path: string, content: FileContent): void {
  writeAll(new Map([[path, content]]));
}

/** The marker file every report folder holds, so a later run knows the folder is sora-mc's to replace. */
export const FOLDER_MARKER = '.sora-mc';
export const FOLDER_MARKER_TEXT = 'written by sora-mc; the whole folder is replaced by the next run\n';

/**
 * Whether `dir` may be marked as sora-mc's (so a later report may replace it): it does not exist
 * yet, is empty, or already holds the marker. A folder holding anything else is someone else's.
 */
export function folderIsOurs(dir: string): boolean {
  try {
    const inside = readdirSync(dir);
    return inside.length === 0 || inside.includes(FOLDER_MARKER);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
const GENERATION = 'report';

/** Whether `pid` names a running process. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock beside `target` (a file holding our pid, created exclusively); a lock left by a dead process is taken over. */
function lock(target: string): () => void {
  const path = join(dirname(target), `.${stemOf(target)}.lock`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      createExclusive(path, String(process.pid));
      temporary.add(path);
      return () => removeQuietly(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(target, error);
    }
    const holder = Number.parseInt(safeRead(path), 10);
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
      throw new SoraError('another sora-mc run is writing this folder', {
        path: 'out',
        expected: 'one run at a time per output folder',
        found: `${show(target)} is locked by process ${holder} (${show(path)})`,
        hint: 'wait for it to finish, or choose another folder with --out',
      });
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw cannotWrite(target, new Error('could not take the folder lock'));
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(0, 32);
  } catch {
    return '';
  }
}

/**
 * What is at a report folder's path now: nothing, sora-mc's link to a generation folder, or a
 * folder sora-mc wrote before (it holds the marker) or an empty folder, both replaced whole. Anything
 * else is another tool's and is refused, never overwritten.
 */
function currentFolder(target: string): { kind: 'absent' } | { kind: 'link'; generation: string } | { kind: 'folder' } {
  let entry;
  try {
    entry = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw cannotWrite(target, error);
  }
  const notOurs = (found: string) =>
    new SoraError('the output folder is not a sora-mc report folder', {
      path: 'out',
      expected: 'a new folder, an empty one, or one sora-mc wrote (it holds a .sora-mc marker)',
      found: `${show(target)}: ${found}`,
      hint: 'choose another folder with --out, or remove this one first',
    });
  if (entry.isSymbolicLink()) {
    const points = readlinkSync(target);
    const generation = resolve(dirname(target), points);
    if (dirname(generation) === dirname(target) && basename(generation).startsWith('.') && existsSync(join(generation, FOLDER_MARKER))) {
      return { kind: 'link', generation };
    }
    throw notOurs(`a link to ${show(points)}`);
  }
  if (!entry.isDirectory()) throw notOurs('not a folder');
  const inside = readdirSync(target);
  if (inside.length === 0 || inside.includes(FOLDER_MARKER)) return { kind: 'folder' };
  throw notOurs(`a folder holding ${inside.length === 1 ? '1 file' : `${inside.length} files`} sora-mc did not write`);
}

/** Generation folders of `target` left by killed runs (not the one in use): removed under the lock. */
function staleGenerations(target: string, inUse: string | undefined): string[] {
  const stem = `.${stemOf(target)}.`;
  return readdirSync(dirname(target))
    .filter((name) => name.startsWith(stem) && /^[0-9a-f]{12}\.(report|link|old)$/.test(name.slice(stem.length)))
    .map((name) => join(dirname(target), name))
    .filter((path) => path !== inUse);
}

/**
 * Writes a whole folder (name relative to `dir` → content), replacing what was there as a whole;
 * returns the paths of the files as the reader finds them (under `dir`). See the module comment.
 */
export function writeFolder(dir: string, files: ReadonlyMap<string, FileContent>): string[] {
  refuseRoot(dir);
  const target = resolve(dir);
  makeFolder(dirname(target));
  const release = lock(target);
  try {
    const current = currentFolder(target);
    const generation = besideName(target, GENERATION);
    temporary.add(generation);
    try {
      mkdirSync(generation);
      createExclusive(join(generation, FOLDER_MARKER), FOLDER_MARKER_TEXT);
      for (const [name, content] of files) {
        const path = join(generation, name);
        if (!resolve(path).startsWith(generation + '/')) throw new Error(`a report file name leaves its folder: ${name}`);
        mkdirSync(dirname(path), { recursive: true });
        createExclusive(path, content);
      }
      const link = besideName(target, 'link');
      temporary.add(link);
      symlinkSync(basename(generation), link);
      if (current.kind === 'folder') {
        // A real folder (an empty one, or one an earlier sora-mc wrote): moved aside, kept until the link is in place.
        const old = besideName(target, 'old');
        temporary.add(old);
        renameSync(target, old);
        try {
          renameSync(link, target);
        } catch (error) {
          renameSync(old, target);
          throw error;
        }
      } else {
        renameSync(link, target); // one atomic step: the link now names the new generation
      }
      temporary.delete(link);
    } catch (error) {
      removeQuietly(generation);
      if (error instanceof SoraError) throw error;
      throw cannotWrite(target, error);
    }
    temporary.delete(generation);
    committed.push(target);
    for (const stale of staleGenerations(target, generation)) removeQuietly(stale);
  } finally {
    release();
  }
  return [...files.keys()].map((name) => join(dir, name));
}

/** Writes every file of `files` (name relative to `dir` → content) into `dir`, replacing the folder as a whole. */
export function writeFiles(dir: string, files: ReadonlyMap<string, FileContent>): string[] {
  return writeFolder(dir, files);
}

/** JSON as sora-mc writes it: two-space indent, newline at the end. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The exit code of a run stopped by a signal: 128 + the signal's number (SIGINT 130, SIGTERM 143). */
export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On SIGINT or SIGTERM: remove this process's temporary files, say in one line whether anything
 * was written, and exit 130 / 143. (Writes are synchronous, so a signal is handled between them,
 * never inside one.) `say` prints the line (stderr by default).
 */
export function installSignalHandlers(say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const path of [...temporary]) removeQuietly(path);
      say(
        committed.length === 0
          ? `interrupted (${signal}): nothing was written`
          : `interrupted (${signal}) after writing ${committed.map((path) => show(path)).join(', ')}`,
      );
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
