/**
 * The manifest of a report folder: `.sora-mc`, a JSON file listing every file sora-mc wrote in the
 * folder with its size and SHA-256, and the tool's version. It is the only proof sora-mc accepts
 * that a file is its own (src/io/report-folder.ts): a file not listed, or listed with other bytes,
 * is the user's. Also here: the names sora-mc keeps for itself at the top of a folder, and which
 * file names it may write.
 *
 * An older sora-mc marked its folders with a `.sora-mc` of one line of text and listed nothing;
 * such a folder is recognised (`legacy`) so that it can be refused with a hint, never taken as ours.
 */
import { TOOL_VERSION } from '../version.js';
import { toJson } from './json.js';
import { readOwnFile, recordOf, type FileRecord } from './own-file.js';

/** The manifest's name at the top of a report folder. */
export const MANIFEST = '.sora-mc';
/** The folder lock (a folder), and the prefix of lock candidates (`.sora-mc.lock.<16 hex>`). */
export const LOCK = '.sora-mc.lock';
/** The work folder: a write's staged files and its journal. */
export const WORK = '.sora-mc.work';
export const MANIFEST_FORMAT = 'sora-mc/folder-manifest';
/** The marker an older sora-mc wrote instead of a manifest. */
export const LEGACY_MARKER_TEXT = 'written by sora-mc; the whole folder is replaced by the next run\n';
/** The largest manifest read (a report lists ~60 files in ~10 KB). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const LOCK_CANDIDATE = /^\.sora-mc\.lock\.[0-9a-f]{16}$/;

/** Whether a name at the top of a folder is sora-mc's own bookkeeping (manifest, lock, lock candidate, work folder). */
export function isOwnEntry(name: string): boolean {
  return name === MANIFEST || name === LOCK || name === WORK || LOCK_CANDIDATE.test(name);
}

/** Whether a name at the top of a folder is a lock candidate. */
export function isLockCandidate(name: string): boolean {
  return LOCK_CANDIDATE.test(name);
}

/**
 * Whether `name` may be a file of a report folder: relative, '/'-separated, no empty, '.' or '..'
 * part, no NUL, each part at most 255 bytes, and not one of sora-mc's own names at the top.
 */
export function isFileName(name: string): boolean {
  const parts = name.split('/');
  return (
    name.length > 0 &&
    !name.includes('\0') &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..' && Buffer.byteLength(part) <= 255) &&
    !parts[0]!.startsWith(MANIFEST)
  );
}

export type FolderRecord =
  | { kind: 'none' }
  | { kind: 'manifest'; files: Map<string, FileRecord>; record: FileRecord }
  | { kind: 'legacy' }
  | { kind: 'foreign' };

function isRecord(value: unknown): value is FileRecord {
  const entry = value as FileRecord;
  return typeof value === 'object' && value !== null && Number.isSafeInteger(entry.bytes) && entry.bytes >= 0 && typeof entry.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256);
}

/** The files a manifest's text lists, or undefined when the text is not a manifest sora-mc writes. */
export function parseManifest(text: string): Map<string, FileRecord> | undefined {
  let value;
  try {
    value = JSON.parse(text) as { format?: unknown; formatVersion?: unknown; files?: unknown };
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || value.format !== MANIFEST_FORMAT || value.formatVersion !== 1) return undefined;
  if (typeof value.files !== 'object' || value.files === null || Array.isArray(value.files)) return undefined;
  const files = new Map<string, FileRecord>();
  for (const [name, entry] of Object.entries(value.files)) {
    if (!isFileName(name) || !isRecord(entry)) return undefined;
    files.set(name, { bytes: entry.bytes, sha256: entry.sha256 });
  }
  return files;
}

/** What `.sora-mc` in `dir` says: nothing there, a manifest, an older sora-mc's marker, or a file that is not ours. */
export function readManifest(dir: string): FolderRecord {
  const bytes = readOwnFile(`${dir}/${MANIFEST}`, MAX_MANIFEST_BYTES);
  if (bytes === 'absent') return { kind: 'none' };
  if (bytes === 'not ours') return { kind: 'foreign' };
  const text = bytes.toString('utf8');
  if (text === LEGACY_MARKER_TEXT) return { kind: 'legacy' };
  const files = parseManifest(text);
  return files ? { kind: 'manifest', files, record: recordOf(bytes) } : { kind: 'foreign' };
}

/** The text of the manifest listing `files`, sorted by name: the same files always give the same bytes. */
export function manifestText(files: ReadonlyMap<string, FileRecord>): string {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return toJson({
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    tool: `sora-mc ${TOOL_VERSION}`,
    note: 'Every file sora-mc wrote in this folder, with its size and SHA-256. sora-mc never deletes, moves or overwrites a file that is not listed here with these bytes.',
    files: sorted,
  });
}
