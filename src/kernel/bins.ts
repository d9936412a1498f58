/** Reading and planning bin sets in the kernel's memory (kernels/bins.ts: two page tables, then pages). */
import type { SlotPlan } from '../stats/ordered-bins.js';
import { PAGE_TABLE_BYTES, type Kernel } from './kernel.js';

/** A bin set's pages and counts, in the format FloatBinCounts.merge takes (src/stats/float-bins.ts). */
export function exportBins(kernel: Kernel, bins: number, bits: number): { pages: Int32Array; counts: Float64Array } {
  const scratch = kernel.scratch();
  const pages = kernel.i32(scratch, kernel.exports.usedPages(bins, scratch)).slice();
  const table = kernel.u32(bins, 4096);
  const size = 1 << bits;
  const counts = new Float64Array(pages.length * size);
  const memory = kernel.buffer;
  pages.forEach((page, i) => counts.set(new Float64Array(memory, table[page]!, size), i * size));
  return { pages, counts };
}

/** The slots of `plan` in bin set `bins` (10-bit keys): returns the address of each slot's counts (parts + 2 doubles). */
export function placeSlots(kernel: Kernel, bins: number, plan: SlotPlan, bits: number): number[] {
  const counts: number[] = [];
  for (let s = 0; s < plan.keys.length; s++) {
    const key = plan.keys[s]!;
    const page = key >>> bits;
    const bin = key & ((1 << bits) - 1);
    const parts = plan.parts[s]!;
    let slotPage = kernel.u32(bins + PAGE_TABLE_BYTES, 4096)[page]!;
    if (slotPage === 0) {
      slotPage = kernel.exports.reserve(4 << bits);
      kernel.u32(bins + PAGE_TABLE_BYTES, 4096)[page] = slotPage;
    }
    const record = kernel.exports.reserve(32);
    const cells = kernel.reserveF64(parts + 2);
    kernel.f64(record, 2).set([plan.lo[s]!, parts / plan.width[s]!]);
    kernel.i32(record + 16, 2).set([parts, cells]);
    kernel.u32(slotPage, 1 << bits)[bin] = record;
    counts.push(cells);
  }
  return counts;
}
