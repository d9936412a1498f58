// An output's distinct values and their counts while it takes at most `limit` of them (a discrete
// input passed through the model): the counting pass tallies them exactly (src/stats/stream-count.ts
// reads them), and moves the tally into the output's bins when a chunk brings one value too many.
//
// A tally record: n (i32: distinct values so far), limit (i32), the count of −0s (f64), then values,
// counts and the counts before the current chunk (`limit` doubles each), n and the −0s before it.
// Values are kept in the order first seen; −0 and 0 are one value (as ===), its sign the first seen.
import { reserve } from './memory';

const VALUES: usize = 16;

/** A tally for at most `limit` distinct values, empty. */
export function newTally(limit: i32): usize {
  const at = reserve(VALUES + 3 * (<usize>limit << 3) + 16);
  store<i32>(at, 0);
  store<i32>(at, limit, 4);
  return at;
}

// @ts-ignore: decorator
@inline function countsOf(tally: usize): usize {
  return tally + VALUES + (<usize>load<i32>(tally, 4) << 3);
}

// @ts-ignore: decorator
@inline function savedOf(tally: usize): usize {
  return tally + VALUES + 2 * (<usize>load<i32>(tally, 4) << 3);
}

/**
 * Tallies the finite values of column[0, length); returns false when they bring more than `limit`
 * distinct values, and then the tally is as it was before this column.
 */
export function tallyColumn(column: usize, length: i32, tally: usize): bool {
  let n = load<i32>(tally);
  const limit = load<i32>(tally, 4);
  const values = tally + VALUES;
  const counts = countsOf(tally);
  const saved = savedOf(tally);
  memory.copy(saved, counts, <usize>n << 3);
  store<i32>(saved + (<usize>limit << 3), n);
  store<f64>(saved + (<usize>limit << 3), load<f64>(tally, 8), 8);
  let negativeZeros = load<f64>(tally, 8);
  for (let i = 0; i < length; i++) {
    const x = load<f64>(column + (<usize>i << 3));
    if (x - x != 0) continue;
    negativeZeros += <f64>(reinterpret<u64>(x) == 0x8000000000000000);
    // Which value it is, without a branch per candidate (the values of a draw come in random order).
    let found = -1;
    for (let k = 0; k < n; k++) found = select<i32>(k, found, load<f64>(values + (<usize>k << 3)) == x);
    if (found < 0) {
      if (n == limit) {
        memory.copy(counts, saved, <usize>load<i32>(saved + (<usize>limit << 3)) << 3);
        store<i32>(tally, load<i32>(saved + (<usize>limit << 3)));
        store<f64>(tally, load<f64>(saved + (<usize>limit << 3), 8), 8);
        return false;
      }
      found = n++;
      store<f64>(values + (<usize>found << 3), x);
      store<f64>(counts + (<usize>found << 3), 0);
    }
    const cell = counts + (<usize>found << 3);
    store<f64>(cell, load<f64>(cell) + 1);
  }
  store<i32>(tally, n);
  store<f64>(tally, negativeZeros, 8);
  return true;
}

/** How many distinct values the tally holds. */
// @ts-ignore: decorator
@inline export function tallySize(tally: usize): i32 {
  return load<i32>(tally);
}

// @ts-ignore: decorator
@inline export function tallyValue(tally: usize, k: i32): f64 {
  return load<f64>(tally + VALUES + (<usize>k << 3));
}

// @ts-ignore: decorator
@inline export function tallyCount(tally: usize, k: i32): f64 {
  return load<f64>(countsOf(tally) + (<usize>k << 3));
}

// @ts-ignore: decorator
@inline export function tallyNegativeZeros(tally: usize): f64 {
  return load<f64>(tally, 8);
}

/** The address of the tally's values (its counts follow `limit` doubles later): what JavaScript reads. */
export function tallyValues(tally: usize): usize {
  return tally + VALUES;
}

export function tallyCounts(tally: usize): usize {
  return countsOf(tally);
}
