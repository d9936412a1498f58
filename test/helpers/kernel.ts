/** The built kernel (dist/kernels/sora-mc.wasm, from `npm run build`), instantiated from its bytes as a browser would. */
import { readFileSync } from 'node:fs';
import { Kernel } from '../../src/kernel/kernel.js';
import { packagePath } from '../../src/paths.js';

export function builtKernel(): Kernel {
  return Kernel.fromBytes(readFileSync(packagePath('dist', 'kernels', 'sora-mc.wasm')));
}
