// Shared helpers for the benchmarks: run something several times, report the median.
import { spawnSync } from 'node:child_process';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall-clock seconds of a child process, from spawn to exit. */
export function timeProcess(command, args) {
  const started = process.hrtime.bigint();
  const { status, stderr } = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status}): ${stderr}`);
  return seconds;
}

export function report(label, seconds) {
  const fmt = (x) => x.toFixed(3);
  console.log(`${label}: median ${fmt(median(seconds))} s over ${seconds.length} runs (min ${fmt(Math.min(...seconds))}, max ${fmt(Math.max(...seconds))})`);
}
