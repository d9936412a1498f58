/**
 * What in a folder sora-mc did not write, by its manifest: entries not listed (a folder that holds
 * none of sora-mc's files counts as one entry, `name/`, and is not walked), listed files whose bytes
 * changed, and links or other non-files where a listed file should be. Entries are read with lstat:
 * a link is never followed. And the refusals that name them.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SoraError, show } from '../errors.js';
import { isOwnEntry, MANIFEST } from './folder-manifest.js';
import { matchesRecord, type FileRecord } from './own-file.js';
import { cut, printable } from './printable.js';

export interface Survey {
  /** Entries sora-mc did not write (a folder ends in '/'). */
  foreign: string[];
  /** Files sora-mc wrote whose bytes have changed since. */
  changed: string[];
}

const ancestorsOf = (names: Iterable<string>) => new Set([...names].flatMap((name) => name.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

/** Every entry of `dir` that is not sora-mc's according to `files` (the manifest's list). */
export function surveyFolder(dir: string, files: ReadonlyMap<string, FileRecord>): Survey {
  const folders = ancestorsOf(files.keys());
  const survey: Survey = { foreign: [], changed: [] };
  const walk = (prefix: string) => {
    for (const name of readdirSync(join(dir, prefix)).sort()) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (!prefix && isOwnEntry(name)) continue;
      const entry = lstatSync(join(dir, rel));
      if (entry.isDirectory() && folders.has(rel)) walk(rel);
      else if (entry.isDirectory()) survey.foreign.push(`${rel}/`);
      else if (!entry.isFile() || !files.has(rel)) survey.foreign.push(rel);
      else if (!matchesRecord(join(dir, rel), files.get(rel)!)) survey.changed.push(rel);
    }
  };
  walk('');
  return survey;
}

/** The entries at `names` in `dir` that sora-mc may not replace: each must be absent, or a file matching its record. */
export function surveyNames(dir: string, names: readonly string[], files: ReadonlyMap<string, FileRecord>): Survey {
  const survey: Survey = { foreign: [], changed: [] };
  for (const name of names) {
    const parts = name.split('/');
    // The first entry on the way that is not a plain folder decides: absent is free, anything else is judged.
    for (let i = 1; i <= parts.length; i += 1) {
      const rel = parts.slice(0, i).join('/');
      const entry = lstatSync(join(dir, rel), { throwIfNoEntry: false });
      if (!entry) break;
      if (entry.isDirectory() && i < parts.length) continue;
      if (i < parts.length || !entry.isFile() || !files.has(rel)) survey.foreign.push(entry.isDirectory() ? `${rel}/` : rel);
      else if (!matchesRecord(join(dir, rel), files.get(rel)!)) survey.changed.push(rel);
      break;
    }
  }
  return survey;
}

/** A few names, then how many more. */
export function fewNames(names: readonly string[], few = 6): string {
  const shown = names.slice(0, few).map((name) => printable(cut(name, 80).text, true));
  return names.length > few ? `${shown.join(', ')} and ${names.length - few} more` : shown.join(', ');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The refusal of a folder whose survey found entries sora-mc did not write or that changed; `whole`: the whole folder was to be replaced. */
export function refusal(dir: string, survey: Survey, whole: boolean): SoraError {
  const parts = [];
  if (survey.foreign.length > 0) parts.push(`${plural(survey.foreign.length, 'entry', 'entries')} sora-mc did not write: ${fewNames(survey.foreign)}`);
  if (survey.changed.length > 0) parts.push(`${plural(survey.changed.length, 'file', 'files')} sora-mc wrote that changed since: ${fewNames(survey.changed)}`);
  return new SoraError(whole ? 'the output folder is not a sora-mc report folder' : 'the output folder holds files sora-mc did not write where it writes', {
    path: 'out',
    expected: whole
      ? `a new or empty folder, or one holding only files sora-mc wrote (listed with their SHA-256 in its ${MANIFEST})`
      : `no file at the names sora-mc writes, or files an earlier sora-mc run wrote there (listed in ${MANIFEST})`,
    found: `${show(dir)} holds ${parts.join('; and ')}`,
    hint: 'sora-mc never deletes, moves or overwrites a file it did not write: choose another folder with --out, or move those out of this one',
  });
}
