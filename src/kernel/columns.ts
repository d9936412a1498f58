/**
 * Columns of one chunk in the kernel's memory, laid out so that the model can run on views of them.
 *
 * Columns of 8,192 doubles reserved one after another would start 64 KiB apart, a multiple of 4 KiB:
 * element i of every column then has the same low 12 address bits, and the processor takes a load
 * from one column as possibly depending on a store to another ("4K aliasing"). A loop that reads
 * some columns and writes others at the same index — the model — ran 2.7× slower on such views
 * than on separately allocated arrays (measured on this project's machine). Here consecutive
 * columns are SKEW bytes further apart than their length: SKEW is an odd multiple of 32 bytes, so
 * up to 128 columns start at distinct offsets modulo 4 KiB, at least 32 bytes apart.
 */
import type { Kernel } from './kernel.js';

const SKEW = 3 * 32;

/** Reserves `count` columns of `length` doubles (zeroed); returns their addresses. */
export function reserveColumns(kernel: Kernel, count: number, length: number): number[] {
  const stride = length * 8 + SKEW;
  const first = kernel.exports.reserve(count * stride);
  return Array.from({ length: count }, (_, j) => first + j * stride);
}
