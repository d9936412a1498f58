// Counting one output's chunk: its moments (finite count, min, max, and the chunk's mean and sum of
// squared deviations, merged into the block's by Chan, Golub & LeVeque's pairwise update) and, for
// an output summarised by bins, each value into its bin (bins.ts) and, where its bin is refined,
// into a sub-bin of that bin (a "slot", planned from a pilot: src/stats/windows.ts).
//
// Moments record, doubles: [0] block n, [1] block mean, [2] block M2, [3] min, [4] max,
// [5] finite count, [6] non-finite count. A slot record (32 bytes): lo, 1/width · parts (doubles),
// parts (i32), the address of its parts + 2 counts (i32): [below lo, parts…, at or above lo + width].
import { pageOf, PAGE_TABLE_BYTES } from './bins';
import { tallyColumn, tallyCount, tallyNegativeZeros, tallySize, tallyValue } from './tally';

/**
 * Folds column[0, length) into the moments record at `moments` (see above), in one sweep: the chunk's
 * sums of d = x − s and d² about its first finite value s (a shift that keeps them exact for outputs
 * far from 0 relative to their spread: d is then of the order of the spread, so M2 = Σd² − (Σd)²/n
 * loses almost nothing to cancellation). min and max keep the first of equal values (−0 and 0 compare equal).
 */
export function countMoments(column: usize, length: i32, moments: usize): void {
  let shift: f64 = 0;
  for (let i = 0; i < length; i++) {
    const x = load<f64>(column + (<usize>i << 3));
    if (x - x == 0) {
      shift = x;
      break;
    }
  }
  let lo = f64x2.splat(Infinity);
  let hi = f64x2.splat(-Infinity);
  let sum = f64x2.splat(0);
  let squares = f64x2.splat(0);
  let finite = i64x2.splat(0);
  const zero = f64x2.splat(0);
  const s = f64x2.splat(shift);
  const pairs = length >> 1;
  // Two pairs a step; each lane's sums still add its values in order (pair i, then i + 1), and the
  // earlier of two equal values is kept as before. A finite lane's mask is −1 as an integer.
  let i = 0;
  for (; i + 1 < pairs; i += 2) {
    const x = v128.load(column + (<usize>i << 4));
    const y = v128.load(column + (<usize>i << 4), 16);
    const okX = f64x2.eq(f64x2.sub(x, x), zero);
    const okY = f64x2.eq(f64x2.sub(y, y), zero);
    const dx = v128.and(f64x2.sub(x, s), okX);
    const dy = v128.and(f64x2.sub(y, s), okY);
    // y replaces x where it is smaller (larger), or where x is NaN: what two steps one pair at a time keep.
    const nanX = f64x2.ne(x, x);
    const least = v128.bitselect(y, x, v128.or(f64x2.lt(y, x), nanX));
    const most = v128.bitselect(y, x, v128.or(f64x2.gt(y, x), nanX));
    lo = v128.bitselect(least, lo, f64x2.lt(least, lo));
    hi = v128.bitselect(most, hi, f64x2.gt(most, hi));
    sum = f64x2.add(f64x2.add(sum, dx), dy);
    squares = f64x2.add(f64x2.add(squares, f64x2.mul(dx, dx)), f64x2.mul(dy, dy));
    finite = i64x2.sub(i64x2.sub(finite, okX), okY);
  }
  for (; i < pairs; i++) {
    const x = v128.load(column + (<usize>i << 4));
    const ok = f64x2.eq(f64x2.sub(x, x), zero);
    const d = v128.and(f64x2.sub(x, s), ok);
    lo = v128.bitselect(x, lo, f64x2.lt(x, lo));
    hi = v128.bitselect(x, hi, f64x2.gt(x, hi));
    sum = f64x2.add(sum, d);
    squares = f64x2.add(squares, f64x2.mul(d, d));
    finite = i64x2.sub(finite, ok);
  }
  const lo0 = f64x2.extract_lane(lo, 0);
  const lo1 = f64x2.extract_lane(lo, 1);
  const hi0 = f64x2.extract_lane(hi, 0);
  const hi1 = f64x2.extract_lane(hi, 1);
  let least = lo1 < lo0 ? lo1 : lo0;
  let most = hi1 > hi0 ? hi1 : hi0;
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  let total2 = f64x2.extract_lane(squares, 0) + f64x2.extract_lane(squares, 1);
  let n = <f64>(i64x2.extract_lane(finite, 0) + i64x2.extract_lane(finite, 1));
  if (length & 1) {
    const x = load<f64>(column + (<usize>(length - 1) << 3));
    if (x - x == 0) {
      if (x < least) least = x;
      if (x > most) most = x;
      total += x - shift;
      total2 += (x - shift) * (x - shift);
      n += 1;
    }
  }
  store<f64>(moments, load<f64>(moments, 48) + (<f64>length - n), 48);
  if (n == 0) return;
  if (least < load<f64>(moments, 24)) store<f64>(moments, least, 24);
  if (most > load<f64>(moments, 32)) store<f64>(moments, most, 32);
  store<f64>(moments, load<f64>(moments, 40) + n, 40);
  const offset = total / n;
  const mean = shift + offset;
  const m2 = max(0, total2 - total * offset);
  // Chan, Golub & LeVeque (1979): (n_a, mean_a, M2_a) ⊕ (n_b, mean_b, M2_b).
  const na = load<f64>(moments);
  if (na == 0) {
    store<f64>(moments, n);
    store<f64>(moments, mean, 8);
    store<f64>(moments, m2, 16);
    return;
  }
  const ma = load<f64>(moments, 8);
  const count = na + n;
  const delta = mean - ma;
  store<f64>(moments, count);
  store<f64>(moments, ma + delta * (n / count), 8);
  store<f64>(moments, load<f64>(moments, 16) + m2 + delta * delta * ((na * n) / count), 16);
}

/** Adds `count` to the sub-bin of x in the slot at `slot`. */
// @ts-ignore: decorator
@inline function addToSlot(slot: usize, x: f64, count: f64): void {
  const parts = load<i32>(slot, 16);
  const sub = floor((x - load<f64>(slot)) * load<f64>(slot, 8));
  const index = sub < 0 ? 0 : sub >= <f64>parts ? parts + 1 : <i32>sub + 1;
  const cell = <usize>load<u32>(slot, 20) + (<usize>index << 3);
  store<f64>(cell, load<f64>(cell) + count);
}

/** Adds `count` to the bin of x and, where that bin has a slot, to the slot's sub-bin. */
function addValue(bins: usize, x: f64, count: f64, bits: i32): void {
  const high = <u32>(reinterpret<u64>(x) >>> 32);
  const page = high >>> 20;
  const bin = (high >>> (20 - bits)) & ((1 << bits) - 1);
  const counts = pageOf(bins, page, bits);
  const at = counts + (<usize>bin << 3);
  store<f64>(at, load<f64>(at) + count);
  const slots = <usize>load<u32>(bins + PAGE_TABLE_BYTES + (<usize>page << 2));
  if (slots == 0) return;
  const slot = <usize>load<u32>(slots + (<usize>bin << 2));
  if (slot != 0) addToSlot(slot, x, count);
}

/** Values countBins takes at a time; its lists of the values that fall in a slot (index, slot). */
const BLOCK = 2048;
const inSlot = memory.data(BLOCK << 3, 16);
/** A page's slot table when it has none: every bin without a slot. */
const NO_SLOTS = memory.data(4 << 10, 16);

/**
 * Adds every finite value of column[0, length) to the bin set `bins` (`bits` mantissa bits a key)
 * and its slots. Whether a value's bin has a slot is random (~10–20% of values, near the wanted
 * ranks), and a branch on it is mispredicted: a first loop counts every value and lists those with
 * a slot without a branch (every value is written at the list's end, which advances for a slot),
 * a second counts the listed values into their slots.
 */
export function countBins(column: usize, length: i32, bins: usize, bits: i32): void {
  const shift = 20 - bits;
  const mask: u32 = (1 << bits) - 1;
  const slotTables = bins + PAGE_TABLE_BYTES;
  for (let start = 0; start < length; start += BLOCK) {
    const stop = min(length, start + BLOCK);
    let listed = 0;
    for (let i = start; i < stop; i++) {
      const x = load<f64>(column + (<usize>i << 3));
      if (x - x != 0) continue;
      const high = <u32>(reinterpret<u64>(x) >>> 32);
      const page = high >>> 20;
      const bin = (high >>> shift) & mask;
      const at = pageOf(bins, page, bits) + (<usize>bin << 3);
      store<f64>(at, load<f64>(at) + 1);
      const table = <usize>load<u32>(slotTables + (<usize>page << 2));
      const slot = load<u32>(select<usize>(table, NO_SLOTS, table != 0) + (<usize>bin << 2));
      store<u32>(inSlot + (<usize>listed << 3), i);
      store<u32>(inSlot + (<usize>listed << 3), slot, 4);
      listed += <i32>(slot != 0);
    }
    for (let t = 0; t < listed; t++) {
      const i = load<u32>(inSlot + (<usize>t << 3));
      addToSlot(<usize>load<u32>(inSlot + (<usize>t << 3), 4), load<f64>(column + (<usize>i << 3)), 1);
    }
  }
}

/** Moves a tally's values into `bins`, −0 apart from 0 (as bins keep them). */
function tallyToBins(tally: usize, bins: usize, bits: i32): void {
  const n = tallySize(tally);
  for (let k = 0; k < n; k++) {
    const x = tallyValue(tally, k);
    const count = tallyCount(tally, k);
    if (x != 0) {
      if (count > 0) addValue(bins, x, count, bits);
      continue;
    }
    const negative = tallyNegativeZeros(tally);
    if (count - negative > 0) addValue(bins, 0, count - negative, bits);
    if (negative > 0) addValue(bins, -0.0, negative, bits);
  }
}

/**
 * One chunk of every output, in one call. `table` holds three u32s an output: its column's address,
 * its bin set (0: none) and its tally (0: none, see tally.ts). Each output's moments go to its record
 * at moments + 64 j; a tallied output is tallied, and when the chunk brings too many distinct values
 * its tally moves into its bins (if it has them), its table entry drops the tally, and the chunk is
 * binned; an output without a tally is binned.
 */
export function countOutputs(table: usize, outputs: i32, length: i32, moments: usize, bits: i32): void {
  for (let j = 0; j < outputs; j++) {
    const entry = table + <usize>j * 12;
    const column = <usize>load<u32>(entry);
    const bins = <usize>load<u32>(entry, 4);
    const tally = <usize>load<u32>(entry, 8);
    countMoments(column, length, moments + (<usize>j << 6));
    if (tally != 0) {
      if (tallyColumn(column, length, tally)) continue;
      store<u32>(entry, 0, 8);
      if (bins != 0) tallyToBins(tally, bins, bits);
    }
    if (bins != 0) countBins(column, length, bins, bits);
  }
}
