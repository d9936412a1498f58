/**
 * Several order statistics of one array at once, by recursive Floyd–Rivest selection
 * (simple-statistics' `quickselect`): O(n log k) for k ranks instead of O(n log n) for a sort.
 */
import { quickselect } from 'simple-statistics';

type Select = (arr: Float64Array, k: number, left: number, right: number) => void;
const select = quickselect as unknown as Select;

/**
 * Returns the values of the given 0-based ranks of `values` (rank 0 is the minimum), rearranging
 * `values` in place. `ranks` may be in any order and repeat.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): Map<number, number> {
  const wanted = [...new Set(ranks)].sort((a, b) => a - b);
  for (const rank of wanted) {
    if (!Number.isInteger(rank) || rank < 0 || rank >= values.length) {
      throw new RangeError(`rank ${rank} is outside 0..${values.length - 1}`);
    }
  }
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
