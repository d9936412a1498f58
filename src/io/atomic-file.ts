/**
 * Files written whole or not at all (baselines, `check --markdown`, a Result). Content is made in
 * memory first; then each file is written to a temporary file created exclusively (O_CREAT|O_EXCL|
 * O_NOFOLLOW: a planted file or link at that name is never followed) under a random hidden name in
 * the target's own folder, and renamed over the target only when every file of the run is written.
 * A rename replaces a link itself, never the file it points to; a replaced file keeps its mode, and
 * its owner when sora-mc runs as root. Devices, FIFOs and /dev/stdout are written in place, last
 * (src/io/stream-target.ts).
 *
 * Guarantee: after a kill at any moment each target is its old file or its new one, whole (a rename
 * is atomic); a kill may leave a hidden `.<name>.<random>.tmp` beside it. Limit: the files of one
 * call are put in place one rename after another, so a kill between two renames leaves some new and
 * some old; a failure (not a kill) between them puts the old ones back from hard-linked copies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, constants, existsSync, linkSync, lstatSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cannotWrite, makeFolder } from './fs-failure.js';
import { dropTemporary, holdTemporary, recordWritten, removeTemporary } from './signals.js';
import { targetKind, writeFully, writeStream, type FileContent } from './stream-target.js';

export type { FileContent };

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

/** Creates `path` exclusively (fails if anything, a link included, is there) and writes `content`. */
export function createExclusive(path: string, content: FileContent): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  try {
    writeFully(fd, content);
  } finally {
    closeSync(fd);
  }
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

/** Writes each temporary file beside its target; returns target → temporary path. */
function writeTemporaries(plan: readonly { path: string; content: FileContent }[]): Map<string, string> {
  const temps = new Map<string, string>();
  try {
    for (const { path, content } of plan) {
      const temp = besideName(path, 'tmp');
      holdTemporary(temp);
      try {
        createExclusive(temp, content);
      } catch (error) {
        throw cannotWrite(path, error);
      }
      temps.set(path, temp);
    }
  } catch (error) {
    for (const temp of temps.values()) removeTemporary(temp);
    throw error;
  }
  return temps;
}

/**
 * Writes several files (path → content) all or nothing; returns their paths. Every temporary file
 * is written before any target is touched; if putting one in place fails, those already put in
 * place are restored from hard-linked copies of what they replaced.
 */
export function writeAll(files: ReadonlyMap<string, FileContent>): string[] {
  const plan = [...files].map(([path, content]) => ({ path, content, kind: targetKind(path) }));
  const replaced = plan.filter((item) => item.kind === 'replace');
  for (const dir of new Set(replaced.map((item) => dirname(item.path)))) makeFolder(dir);
  const temps = writeTemporaries(replaced);
  const placed: { path: string; backup: string | undefined }[] = [];
  try {
    for (const { path } of replaced) {
      const temp = temps.get(path)!;
      keepModeAndOwner(path, temp);
      let backup: string | undefined;
      if (existsSync(path)) {
        backup = besideName(path, 'old');
        try {
          linkSync(path, backup);
          holdTemporary(backup);
        } catch {
          backup = undefined; // no hard links here: the old file cannot be restored, but is still replaced whole
        }
      }
      try {
        renameSync(temp, path);
      } catch (error) {
        if (backup) removeTemporary(backup);
        throw cannotWrite(path, error);
      }
      dropTemporary(temp);
      placed.push({ path, backup });
    }
  } catch (error) {
    for (const temp of temps.values()) removeTemporary(temp);
    // Undo: put back what the placed files replaced (or remove files that were new).
    for (const { path, backup } of placed.reverse()) {
      try {
        if (backup) renameSync(backup, path);
        else rmSync(path, { force: true });
      } catch {
        // Nothing better to do: the error below names the run's failure.
      }
      if (backup) dropTemporary(backup);
    }
    throw error;
  }
  for (const { path, backup } of placed) {
    if (backup) removeTemporary(backup);
    recordWritten(path);
  }
  for (const item of plan) {
    if (item.kind === 'stream') {
      writeStream(item.path, item.content);
      recordWritten(item.path);
    }
  }
  return plan.map((item) => item.path);
}

/** Writes one file by exclusive temporary file and rename (or in place, for a device or stream). */
export function writeFileAtomic(path: string, content: FileContent): void {
  writeAll(new Map([[path, content]]));
}
