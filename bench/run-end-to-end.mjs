// `sora-mc run mission --samples 1e6`, process start to exit (the bar: under 2 s on 2 cores).
// Usage: npm run build && node bench/run-end-to-end.mjs [runs] [samples]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, timeProcess } from './timing.mjs';

const runs = Number(process.argv[2] ?? 7);
const samples = process.argv[3] ?? '1e6';
const cli = fileURLToPath(new URL('../dist/cli/cli.js', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'sora-mc-bench-'));
try {
  timeProcess(process.execPath, [cli, 'run', 'mission', '--samples', samples, '--out', out]); // warm the file cache
  const seconds = Array.from({ length: runs }, () => timeProcess(process.execPath, [cli, 'run', 'mission', '--samples', samples, '--out', out]));
  report(`sora-mc run mission --samples ${samples} (end to end)`, seconds);
} finally {
  rmSync(out, { recursive: true, force: true });
}
