/**
 * Report folders an older sora-mc wrote. It made `out/<name>` a symbolic link to a hidden sibling
 * `.<name>.<12 hex>.report` folder, and marked folders with a one-line `.sora-mc` that listed
 * nothing. Neither proves which files are sora-mc's, so both are refused, each with what to do by
 * hand; sora-mc removes nothing of them. A user's own link to a folder is followed.
 */
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SoraError, show } from '../errors.js';
import { MANIFEST } from './folder-manifest.js';
import { cannotWrite } from './fs-failure.js';

/** An older sora-mc's report link at `target` is refused with what to do; a user's link to a folder is followed. */
export function refuseOlderLink(target: string): void {
  if (!lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) return;
  const points = readlinkSync(target);
  if (/^\.[^/]+\.[0-9a-f]{12}\.report$/.test(points)) {
    const old = join(target, '..', points);
    throw new SoraError('the output folder is a link an older sora-mc made', {
      path: 'out',
      expected: 'a plain folder (sora-mc now writes report folders as plain folders)',
      found: `${show(target)} is a link to ${show(points)}`,
      hint: `remove only the link (rm ${JSON.stringify(target)}) and run again; the old report stays in ${JSON.stringify(resolve(old))} until you remove it`,
    });
  }
  if (!statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw cannotWrite(target, Object.assign(new Error(), { code: 'ENOTDIR' }));
}

/** The refusal of a folder an older sora-mc marked. */
export function olderFolder(target: string): SoraError {
  return new SoraError('the output folder was written by an older sora-mc', {
    path: 'out',
    expected: `a folder whose ${MANIFEST} lists the files sora-mc wrote (older versions listed none)`,
    found: `${show(target)}: its ${MANIFEST} is the older one-line marker`,
    hint: 'sora-mc cannot tell an older version\'s files from yours, so it touches none: move out what you want to keep, remove the folder, and run again — or choose another folder with --out',
  });
}
