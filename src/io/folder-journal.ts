/**
 * A report folder changed through a journal, so that a kill at any moment leaves a state the next
 * run can finish. Everything happens inside the folder, in `.sora-mc.work/`: the folder itself is
 * never renamed (it may be a mount point) and nothing is written beside it.
 *
 * Method. (1) Stage: every new file, the manifest among them, is written under
 * `.sora-mc.work/new/`. (2) Commit: the journal — the files to remove and the files to put, each
 * with its record (size, SHA-256), and the records of the files they replace — is written to
 * `.sora-mc.work/journal.tmp` and renamed to `.sora-mc.work/journal`; that rename is the commit
 * point. (3) Apply: the old files the new report does not have are deleted,
 * folders they leave empty removed, and each staged file renamed into place, the manifest last;
 * then the staged leftovers, the journal and the work folder are removed. Apply touches a file only if it still matches
 * its old record (or is already the new file): a file that changed meanwhile is kept, and reported.
 *
 * Recovery, before every write, under the folder's lock: a work folder with a journal is a
 * committed write, applied again from where it stopped (each step is idempotent: a staged file
 * already moved is gone from the work folder); a work folder without one is a write that had not
 * committed, removed, and the folder is as it was. A journal that cannot be read, or staged files
 * that no longer match their records, are refused, never guessed at.
 *
 * Limits: between the commit point and the end of apply a reader sees some old and some new files
 * (a kill there leaves them so until the next run). A kill loses nothing the process wrote (the
 * kernel keeps it); nothing is flushed to the disk (fsync), so after a power cut a file may be
 * shorter than written: recovery then refuses damaged staged files, and a damaged file already in
 * place no longer matches the manifest, so the next write names it — seen, never built upon. A
 * file's check and its rename are two steps (POSIX has no rename-if-unchanged): an edit landing in
 * the microseconds between them is not noticed.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SoraError, show } from '../errors.js';
import { createExclusive } from './atomic-file.js';
import { isFileName, MANIFEST, WORK } from './folder-manifest.js';
import { matchesRecord, readOwnJson, type FileRecord } from './own-file.js';
import type { FileContent } from './stream-target.js';

export interface Journal {
  /** Files of the old report the new one does not have. */
  remove: string[];
  /** Files to put in place, in order (the manifest last), with their records. */
  put: [string, FileRecord][];
  /** The records of the old files that `remove` and `put` replace. */
  replaces: [string, FileRecord][];
}

const JOURNAL_FORMAT = 'sora-mc/folder-journal';
const STAGED = 'new';
const journalPath = (dir: string) => join(dir, WORK, 'journal');
const stagedPath = (dir: string, name: string) => join(dir, WORK, STAGED, name);
const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};
/** Folders above `name` inside `dir`, outermost first. */
const parentsOf = (name: string) => name.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));

/** Writes every file (name → content) under the work folder; the work folder must not exist. */
export function stage(dir: string, files: ReadonlyMap<string, FileContent>): void {
  mkdirSync(join(dir, WORK));
  mkdirSync(join(dir, WORK, STAGED));
  for (const [name, content] of files) {
    if (name.includes('/')) mkdirSync(dirname(stagedPath(dir, name)), { recursive: true });
    createExclusive(stagedPath(dir, name), content);
  }
}

/** Writes the journal and renames it into place: the commit point. */
export function commit(dir: string, journal: Journal): void {
  const temp = `${journalPath(dir)}.tmp`;
  createExclusive(temp, `${JSON.stringify({ format: JOURNAL_FORMAT, formatVersion: 1, ...journal })}\n`);
  renameSync(temp, journalPath(dir));
}

/** Makes the folders above `name` in `dir`; false when something that is not a folder (a file, a link) is in the way. */
function makeParents(dir: string, name: string): boolean {
  for (const parent of parentsOf(name)) {
    const path = join(dir, parent);
    try {
      if (!lstatSync(path).isDirectory()) return false;
    } catch {
      mkdirSync(path);
    }
  }
  return true;
}

/** Applies a committed journal (again, after a kill: every step is idempotent); returns the files kept because they changed. */
export function apply(dir: string, journal: Journal): string[] {
  const old = new Map(journal.replaces);
  const kept: string[] = [];
  const putFolders = new Set(journal.put.flatMap(([name]) => parentsOf(name)));
  const emptied = new Set<string>();
  for (const name of journal.remove) {
    const path = join(dir, name);
    if (!parentsOf(name).every((parent) => lstatSync(join(dir, parent), { throwIfNoEntry: false })?.isDirectory() ?? false) || !exists(path)) continue;
    if (old.has(name) && matchesRecord(path, old.get(name)!)) unlinkSync(path);
    else kept.push(name);
    for (const parent of parentsOf(name)) if (!putFolders.has(parent)) emptied.add(parent);
  }
  for (const parent of [...emptied].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(dir, parent));
    } catch {
      // Not empty (a kept file): it stays.
    }
  }
  for (const [name, record] of journal.put) {
    const from = stagedPath(dir, name);
    if (!exists(from)) continue; // already in place
    const to = join(dir, name);
    const before = old.get(name);
    if (!makeParents(dir, name) || (exists(to) && !(before && matchesRecord(to, before)) && !matchesRecord(to, record))) {
      kept.push(name);
      continue;
    }
    renameSync(from, to);
  }
  // Staged leftovers first, then the journal: a kill in between leaves a journal whose every step is done.
  rmSync(join(dir, WORK, STAGED), { recursive: true, force: true });
  unlinkSync(journalPath(dir));
  rmSync(join(dir, WORK), { recursive: true, force: true });
  return kept;
}

function isRecord(value: unknown): value is FileRecord {
  const r = value as FileRecord;
  return typeof value === 'object' && value !== null && Number.isSafeInteger(r.bytes) && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256);
}

/** A journal read back, or undefined when the file is not a journal sora-mc writes. */
function parseJournal(value: unknown): Journal | undefined {
  const j = value as Journal & { format?: unknown; formatVersion?: unknown };
  if (typeof value !== 'object' || value === null || j.format !== JOURNAL_FORMAT || j.formatVersion !== 1) return undefined;
  const named = (name: unknown) => typeof name === 'string' && (isFileName(name) || name === MANIFEST);
  const pairs = (list: unknown) => Array.isArray(list) && list.every((pair) => Array.isArray(pair) && pair.length === 2 && named(pair[0]) && isRecord(pair[1]));
  if (!Array.isArray(j.remove) || !j.remove.every(named) || !pairs(j.put) || !pairs(j.replaces)) return undefined;
  return { remove: j.remove, put: j.put, replaces: j.replaces };
}

/**
 * Finishes or removes what a stopped write left in `dir` (see the module comment): 'finished' with
 * the files kept because they changed, 'removed', or 'none' when no write was left.
 */
export function recover(dir: string): { action: 'none' | 'removed' | 'finished'; kept: string[] } {
  const work = join(dir, WORK);
  const entry = lstatSync(work, { throwIfNoEntry: false });
  if (!entry) return { action: 'none', kept: [] };
  const damaged = (found: string) =>
    new SoraError('the output folder holds an unfinished write sora-mc cannot read', {
      path: 'out',
      expected: `${WORK} as sora-mc leaves it: a folder, with a journal sora-mc wrote or none`,
      found: `${show(work)}: ${found}`,
      hint: `nothing was changed; look inside, then move ${show(work)} out of the folder and run again`,
    });
  if (!entry.isDirectory()) throw damaged('not a folder');
  if (exists(journalPath(dir))) {
    const journal = parseJournal(readOwnJson(journalPath(dir), 16 * 1024 * 1024));
    if (!journal) throw damaged('its journal is not one sora-mc wrote');
    const damagedFiles = journal.put.filter(([name, record]) => exists(stagedPath(dir, name)) && !matchesRecord(stagedPath(dir, name), record));
    if (damagedFiles.length > 0) throw damaged(`staged files no longer match their records (a power cut?): ${damagedFiles.map(([name]) => name).join(', ')}`);
    return { action: 'finished', kept: apply(dir, journal) };
  }
  const empty = readdirSync(work).length === 0; // a write that had finished, stopped while tidying up
  rmSync(work, { recursive: true, force: true });
  return { action: empty ? 'none' : 'removed', kept: [] };
}
