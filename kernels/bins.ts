// Bin counts keyed by a double's bit pattern (src/stats/float-bins.ts): the top 12 bits (sign and
// exponent) pick a page, the next `bits` mantissa bits a bin in it. A bin set is a header of
// PAGE_TABLE_BYTES (one i32 per page: the address of its counts, 0 while no value landed there),
// then a second table of the same size (the refined slots of each page, see count.ts). Pages are
// reserved from linear memory as values first land in them.
import { reserve } from './memory';

export const PAGES: i32 = 4096;
export const PAGE_TABLE_BYTES: usize = <usize>PAGES * 4;

/** A bin set's header (both tables), zeroed. */
export function newBins(): usize {
  return reserve(2 * PAGE_TABLE_BYTES);
}

/** The counts of page `page`, reserved on first use (2^bits doubles). */
// @ts-ignore: decorator
@inline export function pageOf(bins: usize, page: u32, bits: i32): usize {
  const entry = bins + (<usize>page << 2);
  let counts = <usize>load<u32>(entry);
  if (counts == 0) {
    counts = reserve(<usize>8 << bits);
    store<u32>(entry, <u32>counts);
  }
  return counts;
}


/** Writes the pages of `bins` that hold counts (in page order) to `out` (i32s); returns how many. */
export function usedPages(bins: usize, out: usize): i32 {
  let n = 0;
  for (let page = 0; page < PAGES; page++) {
    if (load<u32>(bins + (<usize>page << 2)) != 0) {
      store<i32>(out + (<usize>n << 2), page);
      n++;
    }
  }
  return n;
}
