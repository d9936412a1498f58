// The tornado's decile fold (src/stats/decile-medians.ts), in the counting pass: which samples of a
// chunk are in an input's bottom and top decile (from its final uniforms), then each headline
// output's values into coarse bins per (input, side) and over the whole chunk.
import { pageOf } from './bins';

/**
 * Writes the indices of the samples with uniforms[s] < bottomEdge to `bottom` and those with
 * uniforms[s] ≥ topEdge to `top`; returns the two counts as bottom + top · 65536.
 */
export function decileMark(uniforms: usize, length: i32, bottom: usize, top: usize, bottomEdge: f64, topEdge: f64): i32 {
  let b = 0;
  let t = 0;
  for (let s = 0; s < length; s++) {
    const u = load<f64>(uniforms + (<usize>s << 3));
    if (u < bottomEdge) {
      store<i32>(bottom + (<usize>b << 2), s);
      b++;
    } else if (u >= topEdge) {
      store<i32>(top + (<usize>t << 2), s);
      t++;
    }
  }
  return b + (t << 16);
}

/** Adds the values column[idx[t]] for t in [0, count) to `bins` (`bits` mantissa bits a key). */
export function addAt(bins: usize, column: usize, idx: usize, count: i32, bits: i32): void {
  const shift = 20 - bits;
  const mask: u32 = (1 << bits) - 1;
  for (let t = 0; t < count; t++) {
    const s = load<i32>(idx + (<usize>t << 2));
    const high = <u32>(reinterpret<u64>(load<f64>(column + (<usize>s << 3))) >>> 32);
    const counts = pageOf(bins, high >>> 20, bits);
    const at = counts + (<usize>((high >>> shift) & mask) << 3);
    store<f64>(at, load<f64>(at) + 1);
  }
}

/** Writes the indices of column[0, length)'s finite values to `finite`; returns how many. */
export function finiteIndices(column: usize, length: i32, finite: usize): i32 {
  let n = 0;
  for (let s = 0; s < length; s++) {
    const x = load<f64>(column + (<usize>s << 3));
    if (x - x == 0) {
      store<i32>(finite + (<usize>n << 2), s);
      n++;
    }
  }
  return n;
}

/** Writes the entries of idx[0, count) whose value in `column` is finite to `kept`; returns how many. */
export function keepFinite(column: usize, idx: usize, kept: usize, count: i32): i32 {
  let n = 0;
  for (let t = 0; t < count; t++) {
    const s = load<i32>(idx + (<usize>t << 2));
    const x = load<f64>(column + (<usize>s << 3));
    if (x - x == 0) {
      store<i32>(kept + (<usize>n << 2), s);
      n++;
    }
  }
  return n;
}

/**
 * Folds a chunk's outputs for the tornado in one call: for each output j (its column's address at
 * columns[j], i32s), its finite values into sets[sides · outputs + j], and for each side s the values
 * at members[s][0, counts[s]) into sets[s · outputs + j] (non-finite values skipped). `finite` and
 * `kept` are scratch index lists of one chunk.
 */
export function decileFold(columns: usize, outputs: i32, length: i32, members: usize, counts: usize, sides: i32, sets: usize, finite: usize, kept: usize, bits: i32): void {
  for (let j = 0; j < outputs; j++) {
    const column = <usize>load<u32>(columns + (<usize>j << 2));
    const n = finiteIndices(column, length, finite);
    addAt(<usize>load<u32>(sets + (<usize>(sides * outputs + j) << 2)), column, finite, n, bits);
    for (let s = 0; s < sides; s++) {
      const idx = <usize>load<u32>(members + (<usize>s << 2));
      const count = load<i32>(counts + (<usize>s << 2));
      const set = <usize>load<u32>(sets + (<usize>(s * outputs + j) << 2));
      if (n == length) addAt(set, column, idx, count, bits);
      else addAt(set, column, kept, keepFinite(column, idx, kept, count), bits);
    }
  }
}
