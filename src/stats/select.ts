/**
 * Order statistics without sorting.
 *
 * `selectRanks` finds several ranks of one array by recursive Floyd–Rivest selection
 * (simple-statistics' `quickselect`), rearranging it: O(n log k) for k ranks.
 * `selectRanksBinned` finds them in a column it does not touch: one pass counts values per fine
 * bin, which tells the bin each wanted rank falls in; a second pass gathers only those bins' values
 * and `selectRanks` finishes inside them. Exact, and O(n) with small constants for smooth outputs
 * (a discrete output whose values share a bin falls back to selection over that bin).
 */
import { quickselect } from 'simple-statistics';
import type { Binning } from './bins.js';

type Select = (arr: Float64Array, k: number, left: number, right: number) => void;
const select = quickselect as unknown as Select;

function checkRanks(ranks: readonly number[], n: number): number[] {
  const wanted = [...new Set(ranks)].sort((a, b) => a - b);
  for (const rank of wanted) {
    if (!Number.isInteger(rank) || rank < 0 || rank >= n) throw new RangeError(`rank ${rank} is outside 0..${n - 1}`);
  }
  return wanted;
}

/**
 * Returns the values of the given 0-based ranks of `values` (rank 0 is the minimum), rearranging
 * `values` in place. `ranks` may be in any order and repeat.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): Map<number, number> {
  const wanted = checkRanks(ranks, values.length);
  const found = new Map<number, number>();
  // Select the middle wanted rank in [left, right]; everything left of it is no larger, right of it no smaller,
  // so the lower ranks are found in [left, k - 1] and the higher ones in [k + 1, right].
  const visit = (lo: number, hi: number, left: number, right: number): void => {
    if (lo > hi) return;
    const mid = (lo + hi) >> 1;
    const k = wanted[mid]!;
    // simple-statistics treats right = 0 as "the whole array": never call it on a one-element range.
    if (right > left) select(values, k, left, right);
    found.set(k, values[k]!);
    visit(lo, mid - 1, left, k - 1);
    visit(mid + 1, hi, k + 1, right);
  };
  visit(0, wanted.length - 1, 0, values.length - 1);
  return found;
}

/**
 * The given 0-based ranks among the finite values of `column`, which is left untouched.
 * `counts` are the finite values per bin of `binning` (countBins).
 */
export function selectRanksBinned(
  column: Float64Array,
  ranks: readonly number[],
  binning: Binning,
  counts: Float64Array,
): Map<number, number> {
  let n = 0;
  const firstRank = new Float64Array(binning.bins); // rank of each bin's smallest value
  for (let b = 0; b < binning.bins; b++) {
    firstRank[b] = n;
    n += counts[b]!;
  }
  const wanted = checkRanks(ranks, n);
  // The bin of each wanted rank, and where each such bin's values go in one gather buffer.
  const rankBin = wanted.map((rank) => {
    let lo = 0;
    let hi = binning.bins - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firstRank[mid]! <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  });
  const neededBins = [...new Set(rankBin)].sort((a, b) => a - b);
  const cursor = new Int32Array(binning.bins).fill(-1);
  let size = 0;
  for (const b of neededBins) {
    cursor[b] = size;
    size += counts[b]!;
  }
  const start = Int32Array.from(cursor);
  const gathered = new Float64Array(size);
  const { binOf } = binning;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (!Number.isFinite(x)) continue;
    const b = binOf(x);
    if (cursor[b]! >= 0) gathered[cursor[b]!++] = x;
  }
  const found = new Map<number, number>();
  for (const b of neededBins) {
    const slice = gathered.subarray(start[b]!, start[b]! + counts[b]!);
    const local = wanted.filter((_, i) => rankBin[i] === b).map((rank) => rank - firstRank[b]!);
    for (const [rank, value] of selectRanks(slice, local)) found.set(rank + firstRank[b]!, value);
  }
  return found;
}
