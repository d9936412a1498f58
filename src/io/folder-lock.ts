/**
 * One writer at a time per report folder. The lock is a folder inside the report folder,
 * `.sora-mc.lock/`, holding one file `<token>.holder` that names its holder (src/io/process-identity.ts).
 *
 * Method. To take it, a writer makes its own candidate folder `.sora-mc.lock.<token>/` with its
 * holder file inside, then renames the candidate to `.sora-mc.lock`: a rename fails while a lock
 * with a holder file is there (a folder is never renamed over a non-empty one), so the lock appears
 * atomically and with its holder's name already in it — never empty. To take over a lock whose
 * holder has stopped, a writer deletes that holder's file by its exact name (`<their token>.holder`),
 * then removes the folder only if it is empty (rmdir). Two writers that both judge the same holder
 * stopped cannot both win, and neither can remove a lock taken meanwhile: the new lock's holder file
 * has another name (the unlink finds nothing), and a folder with a file in it survives rmdir. The
 * holder releases by deleting its own file and the empty folder. An empty lock folder (a release or
 * take-over interrupted between its two steps) is free: a rename replaces an empty folder.
 *
 * Guarantees: at most one process holds a folder's lock while its holder runs; a lock left by a
 * process that stopped (SIGKILL, crash) is taken over by the next writer, with one line said; a
 * holder that runs, or cannot be judged (another host or container), is waited for up to `waitMs`
 * (saying so once), then refused naming it. Why not proper-lockfile: it judges a lock stale by an
 * mtime that a timer refreshes, which a synchronous write never lets run, and it records no holder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SoraError, show } from '../errors.js';
import { createExclusive } from './atomic-file.js';
import { isLockCandidate, LOCK } from './folder-manifest.js';
import { cannotWrite, makeFolder } from './fs-failure.js';
import { readOwnJson } from './own-file.js';
import { currentHolder, liveness, parseHolder, type Holder, type Liveness } from './process-identity.js';
import { dropTemporary, holdTemporary, removeTemporary } from './signals.js';

/** How long a writer waits for a folder's lock by default. */
export const LOCK_WAIT_MS = 30_000;

export interface HeldLock {
  release(): void;
  /** The stopped holder whose lock was taken over, if any. */
  tookOver: Holder | undefined;
}

const holderFile = (token: string) => `${token}.holder`;
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;
/** Runs `step`; whether it ran without an error. */
const quietly = (step: () => unknown) => {
  try {
    step();
    return true;
  } catch {
    return false;
  }
};

/** What is at a lock's path: nothing, an empty folder, a holder, or something sora-mc cannot read as a lock. */
function readLock(path: string): { kind: 'gone' | 'empty' } | { kind: 'held'; holder: Holder } | { kind: 'strange' } {
  let names;
  try {
    names = readdirSync(path);
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? { kind: 'gone' } : { kind: 'strange' };
  }
  if (names.length === 0) return { kind: 'empty' };
  const holder = names.length === 1 ? parseHolder(readOwnJson(join(path, names[0]!), 4096)) : undefined;
  return holder && names[0] === holderFile(holder.token) ? { kind: 'held', holder } : { kind: 'strange' };
}

function busy(dir: string, lock: string, holder: Holder | undefined, state: Liveness): SoraError {
  const who = holder ? `process ${holder.pid} on ${show(holder.host)} since ${holder.since}` : 'a lock sora-mc cannot read';
  return new SoraError('another sora-mc run is writing this folder', {
    path: 'out',
    expected: 'one run at a time per output folder',
    found: `${show(dir)} is locked by ${who} (${show(lock)})`,
    hint:
      state === 'running'
        ? 'wait for it to finish, or choose another folder with --out'
        : `sora-mc cannot tell whether that run goes on (another machine or container): if no sora-mc run writes this folder, remove ${JSON.stringify(lock)}`,
  });
}

/** Takes the lock of report folder `dir` (see the module comment); `say` is told once if it waits. */
export async function takeFolderLock(dir: string, say: (line: string) => void, waitMs = LOCK_WAIT_MS): Promise<HeldLock> {
  const token = randomBytes(8).toString('hex');
  const lock = join(dir, LOCK);
  const candidate = `${lock}.${token}`;
  // The holder file is written under a temporary name and renamed, so a candidate holds a whole
  // holder file or none; one without (its writer killed while making it, or making it now) is
  // removed by the lock's holder, and a writer that finds its candidate gone makes it again — and
  // the folder too, which a writer that made it removes when it finishes with it empty.
  const holderPath = join(candidate, holderFile(token));
  const makeCandidate = () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        try {
          mkdirSync(candidate);
        } catch (error) {
          if (codeOf(error) !== 'EEXIST') throw error; // EEXIST: ours (a random name), from an attempt cut short
        }
        quietly(() => unlinkSync(`${holderPath}.tmp`));
        createExclusive(`${holderPath}.tmp`, `${JSON.stringify(currentHolder(token))}\n`);
        renameSync(`${holderPath}.tmp`, holderPath);
        return;
      } catch (error) {
        if (codeOf(error) !== 'ENOENT' || attempt === 5) throw cannotWrite(dir, error);
        makeFolder(dir);
      }
    }
  };
  holdTemporary(candidate);
  makeCandidate();
  const started = Date.now();
  let tookOver: Holder | undefined;
  let waiting = false;
  try {
    for (let lost = 0; ; ) {
      try {
        renameSync(candidate, lock);
        dropTemporary(candidate);
        const release = () => {
          quietly(() => unlinkSync(join(lock, holderFile(token))));
          quietly(() => rmdirSync(lock));
          dropTemporary(lock);
        };
        holdTemporary(lock, release);
        return { release, tookOver };
      } catch (error) {
        const code = codeOf(error);
        if (code === 'ENOENT' && (lost += 1) < 3) {
          makeCandidate(); // our candidate was removed: make it again
          continue;
        }
        if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw cannotWrite(lock, error);
      }
      const current = readLock(lock);
      if (current.kind === 'gone') continue;
      if (current.kind === 'empty') {
        quietly(() => rmdirSync(lock)); // a file system that will not rename over an empty folder
        continue;
      }
      const holder = current.kind === 'held' ? current.holder : undefined;
      const state = holder ? liveness(holder) : 'unknown';
      if (holder && state === 'stopped') {
        if (quietly(() => unlinkSync(join(lock, holderFile(holder.token))))) tookOver = holder;
        quietly(() => rmdirSync(lock));
        continue;
      }
      if (Date.now() - started >= waitMs) throw busy(dir, lock, holder, state);
      if (!waiting) {
        say(`${show(dir)}: waiting for ${holder ? `sora-mc process ${holder.pid}` : 'the run holding this folder'} to finish writing it (at most ${Math.round(waitMs / 1000)} s)`);
        waiting = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    }
  } catch (error) {
    removeTemporary(candidate);
    throw error;
  }
}

/**
 * Removes the lock candidates of writers that have stopped (call it holding the lock): one whose
 * holder has stopped, and one without a holder file (its writer was killed while making it — or is
 * making it now, and then makes it again). A holder file is deleted only when read and judged
 * stopped: one that appears meanwhile is whole (renamed into place) and keeps the folder (rmdir
 * fails), so a running writer's finished candidate is never emptied.
 */
export function removeStoppedCandidates(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!isLockCandidate(name)) continue;
    const candidate = join(dir, name);
    const own = holderFile(name.slice(LOCK.length + 1));
    const found = readOwnJson(join(candidate, own), 4096);
    if (found !== undefined) {
      const holder = parseHolder(found);
      if (!holder || `${holder.token}.holder` !== own || liveness(holder) !== 'stopped') continue;
      quietly(() => unlinkSync(join(candidate, own)));
    }
    quietly(() => unlinkSync(join(candidate, `${own}.tmp`)));
    quietly(() => rmdirSync(candidate)); // only if empty
  }
}
