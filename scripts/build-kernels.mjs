// Builds the WebAssembly kernels (kernels/*.ts, AssemblyScript) into dist/kernels/sora-mc.wasm, as
// `make` would: only when the module is missing or older than a kernel source or this script (which
// holds the compiler's flags). `npm run build` runs it; `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'kernels', 'sora-mc.wasm');
const FLAGS = ['-O3', '--runtime', 'stub', '--enable', 'simd', '--noAssert', '--initialMemory', '512'];

const sources = [
  ...readdirSync(join(root, 'kernels')).map((name) => join(root, 'kernels', name)),
  fileURLToPath(import.meta.url),
];
const built = existsSync(out) ? statSync(out).mtimeMs : -Infinity;
const stale = process.argv.includes('--force') || sources.some((file) => statSync(file).mtimeMs > built);

if (stale) {
  const asc = join(root, 'node_modules', '.bin', 'asc');
  const run = spawnSync(asc, [join('kernels', 'index.ts'), '--outFile', out, ...FLAGS], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
