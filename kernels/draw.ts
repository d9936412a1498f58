// The draw stage's inverse CDFs: every family's quantile function, column by column in place. Each
// function here repeats, operation for operation, what the JavaScript distribution computes
// (distributions/*.ts), with fdlibm's log and exp (what V8 runs), so a column drawn here holds
// the same doubles the JavaScript quantile functions give (a test compares them bit for bit).
import { fdlibmExp, fdlibmLog } from './fdlibm';
import { exp2x, log2x } from './fdlibm2';
import { normalQuantile, normalQuantile2 } from './normal-quantile';

// Family codes of a quantile program (src/kernel/programs.ts writes them).
const UNIFORM = 1;
const LOGUNIFORM = 2;
const NORMAL = 3;
const LOGNORMAL = 4;
const TRIANGULAR = 5;
const TABLE = 6;
const DISCRETE = 7;

@external("sora", "tableTail")
declare function tableTail(table: i32, u: f64): f64;

const T_LIMIT: f64 = 14;
const CELLS: i32 = 512;
const STEP: f64 = (2 * T_LIMIT) / <f64>CELLS;

/**
 * A quantile table (distributions/tabulated.ts) at `table`: values, slopes, curvatures (CELLS + 1
 * doubles each, computed whole by the JavaScript side); u off the grid goes to the table's exact tail.
 */
function tabulated(u: f64, table: usize, id: i32): f64 {
  const position = (fdlibmLog(u / (1 - u)) + T_LIMIT) / STEP;
  if (!(position >= 0 && position < <f64>CELLS)) return tableTail(id, u);
  const i = <i32>floor(position);
  const s = position - <f64>i;
  const s2 = s * s;
  const s3 = s2 * s;
  const s4 = s3 * s;
  const s5 = s4 * s;
  const h0 = 1 - 10 * s3 + 15 * s4 - 6 * s5;
  const h1 = s - 6 * s3 + 8 * s4 - 3 * s5;
  const h2 = 0.5 * s2 - 1.5 * s3 + 1.5 * s4 - 0.5 * s5;
  const h5 = 10 * s3 - 15 * s4 + 6 * s5;
  const h4 = -4 * s3 + 7 * s4 - 3 * s5;
  const h3 = 0.5 * s3 - s4 + 0.5 * s5;
  const values = table + (<usize>i << 3);
  const slopes = values + (CELLS + 1) * 8;
  const curvatures = slopes + (CELLS + 1) * 8;
  return (
    h0 * load<f64>(values) + h1 * load<f64>(slopes) + h2 * load<f64>(curvatures) +
    h5 * load<f64>(values, 8) + h4 * load<f64>(slopes, 8) + h3 * load<f64>(curvatures, 8)
  );
}

/** A quantile table's grid position of both lanes of u: (log(u / (1 − u)) + T_LIMIT) / STEP, as tabulated() computes it. */
// @ts-ignore: decorator
@inline function gridPosition2(u: v128): v128 {
  return f64x2.div(f64x2.add(log2x(f64x2.div(u, f64x2.sub(f64x2.splat(1), u))), f64x2.splat(T_LIMIT)), f64x2.splat(STEP));
}

/**
 * tabulated() of both lanes from their grid position: the same operations on f64x2, the scalar
 * function for a pair with a lane off the grid.
 */
// @ts-ignore: decorator
@inline function tabulated2(u: v128, position: v128, table: usize, id: i32): v128 {
  const cell = f64x2.floor(position);
  const i0 = <i32>f64x2.extract_lane(cell, 0);
  const i1 = <i32>f64x2.extract_lane(cell, 1);
  if (!i64x2.all_true(v128.and(f64x2.ge(position, f64x2.splat(0)), f64x2.lt(position, f64x2.splat(<f64>CELLS))))) {
    return f64x2(tabulated(f64x2.extract_lane(u, 0), table, id), tabulated(f64x2.extract_lane(u, 1), table, id));
  }
  const s = f64x2.sub(position, cell);
  const s2 = f64x2.mul(s, s);
  const s3 = f64x2.mul(s2, s);
  const s4 = f64x2.mul(s3, s);
  const s5 = f64x2.mul(s4, s);
  const h0 = f64x2.sub(f64x2.add(f64x2.sub(f64x2.splat(1), f64x2.mul(f64x2.splat(10), s3)), f64x2.mul(f64x2.splat(15), s4)), f64x2.mul(f64x2.splat(6), s5));
  const h1 = f64x2.sub(f64x2.add(f64x2.sub(s, f64x2.mul(f64x2.splat(6), s3)), f64x2.mul(f64x2.splat(8), s4)), f64x2.mul(f64x2.splat(3), s5));
  const h2 = f64x2.sub(f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(0.5), s2), f64x2.mul(f64x2.splat(1.5), s3)), f64x2.mul(f64x2.splat(1.5), s4)), f64x2.mul(f64x2.splat(0.5), s5));
  const h5 = f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(10), s3), f64x2.mul(f64x2.splat(15), s4)), f64x2.mul(f64x2.splat(6), s5));
  const h4 = f64x2.sub(f64x2.add(f64x2.mul(f64x2.splat(-4), s3), f64x2.mul(f64x2.splat(7), s4)), f64x2.mul(f64x2.splat(3), s5));
  const h3 = f64x2.add(f64x2.sub(f64x2.mul(f64x2.splat(0.5), s3), s4), f64x2.mul(f64x2.splat(0.5), s5));
  const a = table + (<usize>i0 << 3);
  const b = table + (<usize>i1 << 3);
  const slopes: usize = (CELLS + 1) * 8;
  const curvatures: usize = 2 * (CELLS + 1) * 8;
  let sum = f64x2.mul(h0, f64x2(load<f64>(a), load<f64>(b)));
  sum = f64x2.add(sum, f64x2.mul(h1, f64x2(load<f64>(a + slopes), load<f64>(b + slopes))));
  sum = f64x2.add(sum, f64x2.mul(h2, f64x2(load<f64>(a + curvatures), load<f64>(b + curvatures))));
  sum = f64x2.add(sum, f64x2.mul(h5, f64x2(load<f64>(a, 8), load<f64>(b, 8))));
  sum = f64x2.add(sum, f64x2.mul(h4, f64x2(load<f64>(a + slopes, 8), load<f64>(b + slopes, 8))));
  return f64x2.add(sum, f64x2.mul(h3, f64x2(load<f64>(a + curvatures, 8), load<f64>(b + curvatures, 8))));
}

/** Values a table's loop handles at a time, and its scratch space for their grid positions. */
const BLOCK = 512;
const positions = memory.data(BLOCK << 3, 16);

/**
 * Turns the uniforms at column[0, length) into an input's values, in place, by the quantile program
 * at `program` (doubles): [family, truncated, low, high, massBelow, mass, uFloor, uCeiling,
 * parameters…] — see src/kernel/programs.ts for each family's parameters.
 */
export function quantiles(column: usize, length: i32, program: usize): void {
  const family = <i32>load<f64>(program);
  const truncated = load<f64>(program, 8) != 0;
  const end = column + (<usize>length << 3);
  if (truncated) {
    const massBelow = load<f64>(program, 32);
    const mass = load<f64>(program, 40);
    const uFloor = load<f64>(program, 48);
    const uCeiling = load<f64>(program, 56);
    for (let at = column; at < end; at += 8) store<f64>(at, min(uCeiling, max(uFloor, massBelow + load<f64>(at) * mass)));
  }
  const p = program + 64;
  if (family == UNIFORM) {
    const lo = load<f64>(p);
    const width = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    for (let at = column; at < end; at += 8) store<f64>(at, min(hi, lo + load<f64>(at) * width));
  } else if (family == LOGUNIFORM) {
    const lo = load<f64>(p);
    const logRatio = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) {
      v128.store(at, f64x2.min(f64x2.splat(hi), f64x2.max(f64x2.splat(lo), f64x2.mul(f64x2.splat(lo), exp2x(f64x2.mul(v128.load(at), f64x2.splat(logRatio)))))));
    }
    for (let at = pairs; at < end; at += 8) store<f64>(at, min(hi, max(lo, lo * fdlibmExp(load<f64>(at) * logRatio))));
  } else if (family == NORMAL) {
    const mean = load<f64>(p);
    const sd = load<f64>(p, 8);
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) v128.store(at, f64x2.add(f64x2.splat(mean), f64x2.mul(f64x2.splat(sd), normalQuantile2(v128.load(at)))));
    for (let at = pairs; at < end; at += 8) store<f64>(at, mean + sd * normalQuantile(load<f64>(at)));
  } else if (family == LOGNORMAL) {
    const median = load<f64>(p);
    const sigma = load<f64>(p, 8);
    const mu = load<f64>(p, 16);
    // Two loops (Φ⁻¹, then exp) rather than one: fewer values live at once, no registers spilled.
    const pairs = column + (<usize>(length >> 1) << 4);
    for (let at = column; at < pairs; at += 16) v128.store(at, normalQuantile2(v128.load(at)));
    for (let at = pairs; at < end; at += 8) store<f64>(at, normalQuantile(load<f64>(at)));
    if (load<f64>(p, 24) != 0) {
      for (let at = column; at < pairs; at += 16) v128.store(at, f64x2.mul(f64x2.splat(median), exp2x(f64x2.mul(f64x2.splat(sigma), v128.load(at)))));
      for (let at = pairs; at < end; at += 8) store<f64>(at, median * fdlibmExp(sigma * load<f64>(at)));
    } else {
      for (let at = column; at < pairs; at += 16) v128.store(at, exp2x(f64x2.add(f64x2.splat(mu), f64x2.mul(f64x2.splat(sigma), v128.load(at)))));
      for (let at = pairs; at < end; at += 8) store<f64>(at, fdlibmExp(mu + sigma * load<f64>(at)));
    }
  } else if (family == TRIANGULAR) {
    const lo = load<f64>(p);
    const mode = load<f64>(p, 8);
    const hi = load<f64>(p, 16);
    const modeFraction = load<f64>(p, 24);
    const lowerArea = load<f64>(p, 32);
    const upperArea = load<f64>(p, 40);
    for (let at = column; at < end; at += 8) {
      const u = load<f64>(at);
      store<f64>(at, u < modeFraction ? min(mode, lo + sqrt(u * lowerArea)) : max(mode, min(hi, hi - sqrt((1 - u) * upperArea))));
    }
  } else if (family == TABLE) {
    const lo = load<f64>(p);
    const hi = load<f64>(p, 8);
    const width = load<f64>(p, 16);
    const table = <usize>load<f64>(p, 24);
    const id = <i32>load<f64>(p, 32);
    // Block by block: the grid positions first (log's loop), then the interpolation (fewer values live at once).
    for (let block = column; block < end; block += BLOCK << 3) {
      const stop = min(end, block + (BLOCK << 3));
      const pairs = block + ((stop - block) & ~15);
      for (let at = block; at < pairs; at += 16) v128.store(positions + (at - block), gridPosition2(v128.load(at)));
      for (let at = block; at < pairs; at += 16) {
        const q = tabulated2(v128.load(at), v128.load(positions + (at - block)), table, id);
        v128.store(at, f64x2.min(f64x2.splat(hi), f64x2.max(f64x2.splat(lo), f64x2.add(f64x2.splat(lo), f64x2.mul(f64x2.splat(width), q)))));
      }
      for (let at = pairs; at < stop; at += 8) store<f64>(at, min(hi, max(lo, lo + width * tabulated(load<f64>(at), table, id))));
    }
  } else if (family == DISCRETE) {
    const last = <i32>load<f64>(p) - 1;
    const atoms = <usize>load<f64>(p, 8);
    const cumulative = <usize>load<f64>(p, 16);
    // The first atom whose cumulative weight reaches u (the last if none of the others does), by a
    // binary search without branches: a draw's atom is random, and a branch on it is mispredicted.
    for (let at = column; at < end; at += 8) {
      const u = load<f64>(at);
      let base = 0;
      let n = last;
      while (n > 1) {
        const half = n >> 1;
        base = select<i32>(base + half, base, !(load<f64>(cumulative + (<usize>(base + half - 1) << 3)) >= u));
        n -= half;
      }
      if (n == 1) base += <i32>!(load<f64>(cumulative + (<usize>base << 3)) >= u);
      store<f64>(at, load<f64>(atoms + (<usize>base << 3)));
    }
  }
  if (truncated) {
    const low = load<f64>(program, 16);
    const high = load<f64>(program, 24);
    for (let at = column; at < end; at += 8) store<f64>(at, min(high, max(low, load<f64>(at))));
  }
}
