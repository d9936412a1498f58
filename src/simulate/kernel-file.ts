/** The kernel as the build writes it (dist/kernels/sora-mc.wasm), loaded from the file in Node. */
import { readFileSync } from 'node:fs';
import { Kernel } from '../kernel/kernel.js';
import { packagePath } from '../paths.js';

export const KERNEL_FILE = packagePath('dist', 'kernels', 'sora-mc.wasm');

let module: WebAssembly.Module | undefined;

/** A fresh kernel instance (the module is compiled once per thread). */
export function loadKernel(): Kernel {
  module ??= new WebAssembly.Module(readFileSync(KERNEL_FILE));
  return Kernel.fromModule(module);
}
