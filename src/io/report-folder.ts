/**
 * Report folders: `report`, `compare` and `run --out` write here. A report folder is a plain folder
 * (no links) that cp -r, tar, zip, rsync, git and artifact uploads carry whole, on any file system,
 * a mount point included. Its manifest `.sora-mc` lists every file sora-mc wrote in it with its
 * size and SHA-256 (src/io/folder-manifest.ts).
 *
 * Method: under the folder's lock (src/io/folder-lock.ts), finish or remove what a stopped write
 * left (src/io/folder-journal.ts, one line said); read the manifest; check the folder against it
 * (src/io/folder-survey.ts); stage the new files inside the folder, commit a journal, and put them in
 * place file by file, the manifest last.
 *
 * Guarantees:
 * - sora-mc never deletes, moves or overwrites a file that is not in the manifest with the same
 *   bytes. `writeFolder` replaces a whole report: a folder holding anything else — a user's file or
 *   folder, a file of ours the user edited, a link — is refused (exit 2) naming those entries, and
 *   left byte for byte as it was; a new or empty folder is ours; files of the previous report that
 *   the new one no longer has are removed. `addToFolder` (run) writes beside whatever is there:
 *   only the files it writes must be absent or ours, and the manifest gains them.
 * - The folder itself is never renamed, and nothing is written outside it.
 * - A kill at any moment leaves the old report or the new one, or a state the next write (or
 *   `recoverFolder`) restores — rolled forward once committed, else back — and says so in one line.
 * - Concurrent writers take turns; one waits (bounded, said once) or is refused naming the holder.
 * - An older sora-mc's folders (src/io/older-folders.ts) are refused; nothing of them is removed.
 *
 * Limits: a reader looking at the folder during a write may see some old files and some new (the
 * report is whole again when the write ends, or after the next run if the write was killed); the
 * limits of a power cut and of a file edited during a write are folder-journal.ts's; a lock held on
 * another host or in another container is never taken over (folder-lock.ts).
 */
import { join, parse, resolve } from 'node:path';
import { SoraError, show } from '../errors.js';
import { apply, commit, recover, stage, type Journal } from './folder-journal.js';
import { LOCK_WAIT_MS, removeStoppedCandidates, takeFolderLock } from './folder-lock.js';
import { isFileName, manifestText, MANIFEST, readManifest, WORK } from './folder-manifest.js';
import { cannotWrite, makeFolder, removeIfEmpty } from './fs-failure.js';
import { olderFolder, refuseOlderLink } from './older-folders.js';
import { recordOf, type FileRecord } from './own-file.js';
import { writeTerminal } from './printable.js';
import { dropTemporary, holdTemporary, recordWritten, removeTemporary } from './signals.js';
import { fewNames, refusal, surveyFolder, surveyNames } from './folder-survey.js';
import type { FileContent } from './stream-target.js';

export interface FolderOptions {
  /** Where the one-line notes go (a recovery, a wait): stderr by default. */
  say?: (line: string) => void;
  /** How long to wait for another writer's lock (default 30 s). */
  lockWaitMs?: number;
}

const sayOnStderr = (line: string) => writeTerminal(process.stderr, `note: ${line}\n`);

/** A folder a run may not write into: the file-system root. */
export function refuseRoot(dir: string): void {
  const absolute = resolve(dir);
  if (absolute === parse(absolute).root) {
    throw new SoraError('the output folder is the file-system root', { path: 'out', expected: 'a folder of its own, e.g. out/my-run', found: show(dir) });
  }
}

/** The one line said about what a stopped run left, or undefined. */
function recoveryLine(target: string, pid: number | undefined, action: 'none' | 'removed' | 'finished', kept: string[]): string | undefined {
  const who = pid === undefined ? 'an earlier sora-mc run' : `sora-mc process ${pid}`;
  const keptNote = kept.length > 0 ? `; kept ${fewNames(kept)}, changed meanwhile` : '';
  if (action === 'finished') return `${show(target)}: finished the write ${who} left part-way: the folder holds that report whole${keptNote}`;
  if (action === 'removed') return `${show(target)}: removed the staged files of a write ${who} left before it changed the folder: the report is as it was`;
  return pid === undefined ? undefined : `${show(target)}: took over the lock of ${who}, which has stopped`;
}

/** Runs `use` on the folder `dir` holding its lock, after finishing or removing what a stopped write left. */
export async function withFolderLock<T>(dir: string, use: (target: string, say: (line: string) => void) => T, options: FolderOptions = {}): Promise<T> {
  refuseRoot(dir);
  const target = resolve(dir);
  const say = options.say ?? sayOnStderr;
  refuseOlderLink(target);
  const made = makeFolder(target);
  try {
    const lock = await takeFolderLock(target, say, options.lockWaitMs ?? LOCK_WAIT_MS);
    try {
      const { action, kept } = recover(target);
      removeStoppedCandidates(target);
      const line = recoveryLine(target, lock.tookOver?.pid, action, kept);
      if (line) say(line);
      return use(target, say);
    } finally {
      lock.release();
    }
  } finally {
    if (made.includes(target)) removeIfEmpty(target);
  }
}

/** Finishes or removes what a stopped write left in `dir`, saying so in one line. */
export async function recoverFolder(dir: string, options: FolderOptions = {}): Promise<void> {
  await withFolderLock(dir, () => undefined, options);
}

/** Checks the names a caller asks to write: relative, inside the folder, not sora-mc's own. */
function checkNames(files: ReadonlyMap<string, FileContent>): void {
  for (const name of files.keys()) if (!isFileName(name)) throw new Error(`a report file name sora-mc may not write: ${JSON.stringify(name)}`);
}

/** Stages, commits and applies one write of `target` (see src/io/folder-journal.ts). */
function transact(target: string, files: ReadonlyMap<string, FileContent>, own: ReturnType<typeof ownFiles>, listed: ReadonlyMap<string, FileRecord>, remove: string[], say: (line: string) => void): void {
  const manifest = manifestText(listed);
  const staged = new Map([...files, [MANIFEST, manifest]]);
  const put = [...files.keys()].map((name): [string, FileRecord] => [name, listed.get(name)!]);
  put.push([MANIFEST, recordOf(manifest)]);
  const replaces = [...own.old].filter(([name]) => remove.includes(name) || files.has(name));
  if (own.manifest) replaces.push([MANIFEST, own.manifest]);
  const journal: Journal = { remove, put, replaces };
  const work = join(target, WORK);
  holdTemporary(work);
  try {
    stage(target, staged);
    commit(target, journal);
  } catch (error) {
    removeTemporary(work);
    throw cannotWrite(target, error);
  }
  dropTemporary(work); // committed: from here on the journal finishes the write, never a removal
  let kept;
  try {
    kept = apply(target, journal);
  } catch (error) {
    throw cannotWrite(target, error, 'a folder sora-mc may write (the next run finishes this write)');
  }
  if (kept.length > 0) say(`${show(target)}: kept ${fewNames(kept)}, changed while sora-mc wrote the folder`);
  recordWritten(target);
}

/**
 * The files the manifest in `target` lists, and the manifest's own record (the journal replaces it
 * only while it is these bytes); an older marker or a `.sora-mc` that is not a manifest is refused.
 */
function ownFiles(target: string): { old: Map<string, FileRecord>; manifest: FileRecord | undefined } {
  const record = readManifest(target);
  if (record.kind === 'legacy') throw olderFolder(target);
  if (record.kind === 'foreign') throw refusal(target, { foreign: [MANIFEST], changed: [] }, true);
  return record.kind === 'manifest' ? { old: record.files, manifest: record.record } : { old: new Map(), manifest: undefined };
}

/**
 * Writes `files` (name relative to `dir` → content) into the folder `dir` under its lock: `whole`,
 * as its whole report (every other entry must be sora-mc's; the old report's other files go), or
 * beside what it holds (the names written must be absent or sora-mc's; the manifest gains them).
 */
async function write(dir: string, files: ReadonlyMap<string, FileContent>, options: FolderOptions, whole: boolean): Promise<string[]> {
  checkNames(files);
  await withFolderLock(
    dir,
    (target, say) => {
      const own = ownFiles(target);
      const survey = whole ? surveyFolder(target, own.old) : surveyNames(target, [...files.keys()], own.old);
      if (survey.foreign.length > 0 || survey.changed.length > 0) throw refusal(target, survey, whole);
      const records = [...files].map(([name, content]): [string, FileRecord] => [name, recordOf(content)]);
      const listed = new Map(whole ? records : [...own.old, ...records]);
      transact(target, files, own, listed, whole ? [...own.old.keys()].filter((name) => !files.has(name)) : [], say);
    },
    options,
  );
  return [...files.keys()].map((name) => join(dir, name));
}

/** Writes a whole report folder, replacing the report that was there; returns the paths written. See the module comment. */
export function writeFolder(dir: string, files: ReadonlyMap<string, FileContent>, options: FolderOptions = {}): Promise<string[]> {
  return write(dir, files, options, true);
}

/** Writes `files` into the folder `dir` beside whatever else it holds (how `run` writes result.json). */
export function addToFolder(dir: string, files: ReadonlyMap<string, FileContent>, options: FolderOptions = {}): Promise<string[]> {
  return write(dir, files, options, false);
}
