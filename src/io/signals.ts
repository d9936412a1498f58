/**
 * What an interrupted run leaves behind and says. Writers register each temporary path while it
 * exists (with how to remove it) and each path they put in place; on SIGINT or SIGTERM the handler
 * removes the temporary ones, says in one line what was written, and exits 130 / 143.
 *
 * Method and limit: Node runs a signal handler on its event loop, between two pieces of synchronous
 * code, never inside one. Every write is synchronous, so a handler sees a write either not begun or
 * done; the one wait (for a report folder's lock) holds only a lock candidate, which it removes. A
 * SIGKILL runs no handler: what it leaves, the next run's recovery handles (src/io/report-folder.ts).
 */
import { rmSync } from 'node:fs';
import { show } from '../errors.js';
import { writeTerminal } from './printable.js';
import { deepFrozen } from '../frozen.js';

/** Temporary paths this process made and has not yet put in place or removed, each with its removal. */
const temporary = new Map<string, () => void>();
/** Paths this process has put in place (for the interruption message). */
const written: string[] = [];

const removeTree = (path: string) => () => rmSync(path, { recursive: true, force: true });

/** Registers `path` as temporary: an interruption removes it (with `remove`, or as a whole tree). */
export function holdTemporary(path: string, remove: () => void = removeTree(path)): void {
  temporary.set(path, remove);
}

/** `path` is no longer temporary: it was put in place, or removed. */
export function dropTemporary(path: string): void {
  temporary.delete(path);
}

/** Removes the temporary `path` now, best effort (it was ours and temporary). */
export function removeTemporary(path: string): void {
  try {
    (temporary.get(path) ?? removeTree(path))();
  } catch {
    // Best effort: the run's own error says what failed.
  }
  temporary.delete(path);
}

/** Records that `path` was put in place. */
export function recordWritten(path: string): void {
  written.push(path);
}

/** The exit code of a run stopped by a signal: 128 + the signal's number (SIGINT 130, SIGTERM 143). */
export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = deepFrozen({ SIGINT: 130, SIGTERM: 143 });

/** Installs the SIGINT and SIGTERM handlers; `say` prints their line (stderr by default). */
export function installSignalHandlers(say: (line: string) => void = (line) => writeTerminal(process.stderr, `${line}\n`)): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const path of [...temporary.keys()]) removeTemporary(path);
      say(
        written.length === 0
          ? `interrupted (${signal}): nothing was written`
          : `interrupted (${signal}) after writing ${written.map((path) => show(path)).join(', ')}`,
      );
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}
