/**
 * Bins keyed by a double's IEEE-754 bit pattern: sign, the 11 exponent bits and the top BIN_BITS
 * mantissa bits. Every bin holds the values of one binade's 1/2^BIN_BITS-th (relative width
 * 2^−BIN_BITS to 2^−(BIN_BITS+1)); bins need no range in advance, and their order is the values' order
 * (for positive doubles the bit patterns sort as the values do; negative ones in reverse).
 *
 * Counts live in pages of 2^BIN_BITS bins, one page per (sign, exponent) that occurs, allocated when
 * the first value lands in it: an output spanning ten decades uses ~34 pages. Counts
 * are integers held exactly in doubles (to 2⁵³), so summaries of any part of a sample merge exactly
 * in any order.
 */

/** Mantissa bits in a key: bins per binade. */
export const BIN_BITS = 10;
/** Bins per page: one per value of the BIN_BITS mantissa bits below the exponent. */
export const PAGE_BINS = 1 << BIN_BITS;
/** The bin in its page of a value with high word `high`: (high >>> BIN_SHIFT) & BIN_MASK. */
export const BIN_SHIFT = 20 - BIN_BITS;
export const BIN_MASK = PAGE_BINS - 1;
/** Pages: one per value of the pattern's top 12 bits (sign and exponent). */
export const PAGES = 4096;

if (new Uint8Array(Float64Array.of(1).buffer)[7] !== 0x3f) {
  throw new Error('sora-mc reads doubles as little-endian 32-bit words; this machine is big-endian');
}

/** The high 32-bit words of a column's doubles: words[2i + 1] is the top half of column[i]. */
export function wordsOf(column: Float64Array): Uint32Array {
  return new Uint32Array(column.buffer, column.byteOffset, column.length * 2);
}

/** The key of a double from its high word: its top 12 + BIN_BITS bits; page key >>> BIN_BITS, bin in page key & BIN_MASK. */
export function keyOfHigh(high: number): number {
  return high >>> BIN_SHIFT;
}

const SIGN = 1 << (11 + BIN_BITS);

export function keyOf(x: number): number {
  scratchDouble[0] = x;
  return keyOfHigh(scratchWords[1]!);
}

/** Sorts keys by the values their bins hold: negative keys (sign bit set) first, larger magnitudes first. */
export function keyOrder(key: number): number {
  return key & SIGN ? SIGN - 1 - (key & (SIGN - 1)) : SIGN + key;
}

const scratchDouble = new Float64Array(1);
const scratchWords = new Uint32Array(scratchDouble.buffer);

function doubleFromWords(high: number, low: number): number {
  scratchWords[0] = low;
  scratchWords[1] = high;
  return scratchDouble[0]!;
}

/** The smallest and largest double a bin can hold. */
export function keyRange(key: number): [number, number] {
  const zero = doubleFromWords((key << BIN_SHIFT) >>> 0, 0);
  const full = doubleFromWords(((key << BIN_SHIFT) | ((1 << BIN_SHIFT) - 1)) >>> 0, 0xffffffff);
  return key & SIGN ? [full, zero] : [zero, full];
}

/**
 * Bin counts of one output's finite values, pages allocated as values arrive. `bits` mantissa bits
 * a key (default BIN_BITS; the tornado's decile counts use fewer, decile-medians.ts): a key is
 * (page << bits) | bin, and a page holds 2^bits bins.
 */
export class FloatBinCounts {
  /** Offset of each page in `counts`, or −1 while the page has no values. */
  readonly pageOffset = new Int32Array(PAGES).fill(-1);
  /** Bins in a page. */
  readonly pageBins: number;
  counts: Float64Array;
  pages = 0;

  constructor(readonly bits = BIN_BITS) {
    this.pageBins = 1 << bits;
    this.counts = new Float64Array(8 * this.pageBins);
  }

  /** Allocates page `page` (its offset), growing the count store when full. */
  addPage(page: number): number {
    const offset = this.pages * this.pageBins;
    if (offset + this.pageBins > this.counts.length) {
      const grown = new Float64Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.pageOffset[page] = offset;
    this.pages++;
    return offset;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.counts.byteLength + this.pageOffset.byteLength;
  }

  /** The allocated pages and their counts, for sending to another thread. */
  export(): { pages: Int32Array; counts: Float64Array } {
    const pages: number[] = [];
    for (let page = 0; page < PAGES; page++) if (this.pageOffset[page]! >= 0) pages.push(page);
    const counts = new Float64Array(pages.length * this.pageBins);
    pages.forEach((page, i) => counts.set(this.counts.subarray(this.pageOffset[page]!, this.pageOffset[page]! + this.pageBins), i * this.pageBins));
    return { pages: Int32Array.from(pages), counts };
  }

  /** Adds exported counts (exact: integer counts below 2⁵³). */
  merge({ pages, counts }: { pages: Int32Array; counts: Float64Array }): void {
    // Grow the store once for all the new pages, not by doubling page by page.
    let needed = this.pages;
    for (let i = 0; i < pages.length; i++) if (this.pageOffset[pages[i]!]! < 0) needed++;
    if (needed * this.pageBins > this.counts.length) {
      const grown = new Float64Array(Math.max(needed * this.pageBins, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i]!;
      let offset = this.pageOffset[page]!;
      if (offset < 0) offset = this.addPage(page);
      const target = this.counts;
      for (let b = 0; b < this.pageBins; b++) target[offset + b]! += counts[i * this.pageBins + b]!;
    }
  }

  /**
   * The non-empty bins in value order (keyOrder): their keys and counts. Walked in that order
   * directly — negative pages (sign bit set) from the largest magnitude down, bins within them
   * backwards, then positive pages and bins upwards — rather than collected and sorted.
   */
  nonEmpty(): { keys: Int32Array; counts: Float64Array } {
    const source = this.counts;
    const order: number[] = []; // page offsets, in value order, and whether the page runs backwards
    for (let page = PAGES - 1; page >= PAGES / 2; page--) if (this.pageOffset[page]! >= 0) order.push(page);
    const negativePages = order.length;
    for (let page = 0; page < PAGES / 2; page++) if (this.pageOffset[page]! >= 0) order.push(page);
    let size = 0;
    for (const page of order) {
      const offset = this.pageOffset[page]!;
      for (let b = 0; b < this.pageBins; b++) if (source[offset + b]! > 0) size++;
    }
    const keys = new Int32Array(size);
    const counts = new Float64Array(size);
    let at = 0;
    order.forEach((page, i) => {
      const offset = this.pageOffset[page]!;
      const backwards = i < negativePages;
      for (let j = 0; j < this.pageBins; j++) {
        const b = backwards ? this.pageBins - 1 - j : j;
        const count = source[offset + b]!;
        if (count > 0) {
          keys[at] = (page << this.bits) | b;
          counts[at++] = count;
        }
      }
    });
    return { keys, counts };
  }
}
