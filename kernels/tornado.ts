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
