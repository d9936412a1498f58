/**
 * Who holds a lock, said precisely enough to judge later whether that process still runs: its
 * process id and start time (field 22 of /proc/<pid>/stat, clock ticks since boot: a reused id has
 * another start time), the boot (/proc/sys/kernel/random/boot_id), the pid namespace
 * (/proc/self/ns/pid: two containers sharing a folder number their processes apart), the host name,
 * and a random token naming the one lock.
 *
 * A holder is judged only from the same host, boot and pid namespace ('running' or 'stopped');
 * from anywhere else it is 'unknown' (its id means nothing here). Without /proc (macOS, BSD) only
 * the id is checked, so a reused id there reads as running: the lock is then waited for and
 * refused with the holder named, never taken.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

export interface Holder {
  pid: number;
  /** Start time in clock ticks since boot, or null without /proc. */
  start: string | null;
  boot: string | null;
  pidns: string | null;
  host: string;
  token: string;
  /** When the lock was taken (ISO 8601), for messages. */
  since: string;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

const BOOT = read('/proc/sys/kernel/random/boot_id');
const PIDNS = (() => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
})();
const HAS_PROC = read('/proc/self/stat') !== null;

/** A process's state letter and start time from /proc/<pid>/stat; undefined when no such process. */
function procStat(pid: number): { state: string; start: string } | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (text === null) return undefined;
  // "pid (command) state ppid …": the command may hold spaces and parentheses; fields resume after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', start: fields[19] ?? '' };
}

/** This process as a lock holder with `token`. */
export function currentHolder(token: string): Holder {
  return { pid: process.pid, start: HAS_PROC ? (procStat(process.pid)?.start ?? null) : null, boot: BOOT, pidns: PIDNS, host: hostname(), token, since: new Date().toISOString() };
}

/** A holder record read from a file, or undefined when it is not one. */
export function parseHolder(value: unknown): Holder | undefined {
  const h = value as Holder;
  const textOrNull = (v: unknown) => v === null || typeof v === 'string';
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Number.isSafeInteger(h.pid) || h.pid <= 0 || typeof h.host !== 'string' || typeof h.token !== 'string' || typeof h.since !== 'string') return undefined;
  if (!textOrNull(h.start) || !textOrNull(h.boot) || !textOrNull(h.pidns)) return undefined;
  return { pid: h.pid, start: h.start, boot: h.boot, pidns: h.pidns, host: h.host, token: h.token, since: h.since };
}

export type Liveness = 'running' | 'stopped' | 'unknown';

/** Whether `holder` still runs, judged from here (see the module comment). */
export function liveness(holder: Holder): Liveness {
  if (holder.host !== hostname() || holder.boot !== BOOT || holder.pidns !== PIDNS) return 'unknown';
  if (HAS_PROC) {
    const stat = procStat(holder.pid);
    // A zombie (Z) or dead (X) process has stopped though its entry remains until it is reaped.
    if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return 'stopped';
    return stat.start === holder.start ? 'running' : 'stopped';
  }
  try {
    process.kill(holder.pid, 0);
    return 'running';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'stopped' : 'running';
  }
}
