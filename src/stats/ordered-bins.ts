/**
 * One output's values as disjoint bins in value order, each with its exact count: the engine's bins
 * keyed by bit pattern (float-bins.ts) and, inside the bins a pilot marked, their equal sub-bins
 * (windows.ts). Every rank's value lies in a known bin, so a rank is read as that bin's range (which
 * is certain to hold it) and an estimate inside it (linear in rank: the bin's values taken as evenly
 * spread). An output that is a monotone function of another (output-relations) reads the other's
 * bins with their edges mapped.
 */
import { HISTOGRAM_BINS, binningScale } from './bins.js';
import { keyRange, type FloatBinCounts } from './float-bins.js';
import { searchLargest } from './intervals.js';
import type { HistogramBin, OutputStats } from './types.js';

/** Where one order statistic lies: `value` estimates it; [lo, hi] holds it for certain (lo = hi: exact). */
export interface Located {
  value: number;
  lo: number;
  hi: number;
}

/** The sub-bins a pilot planned inside some of an output's bins (plain data: it goes to the workers). */
export interface SlotPlan {
  /** Key (float-bins.ts) of each refined bin. */
  keys: Int32Array;
  /** The sub-binned part of bin s: [lo[s], lo[s] + width[s]) in parts[s] equal sub-bins; its values below or above go to two more counts. */
  lo: Float64Array;
  width: Float64Array;
  parts: Int32Array;
}

/** Counts of a refined bin's slot: [below lo, parts sub-bins…, at or above lo + width]. */
export type SlotCounts = Float64Array;

export class OrderedBins {
  /** Rank (0-based) of each bin's first value. */
  readonly first: Float64Array;
  readonly n: number;

  constructor(readonly lo: Float64Array, readonly hi: Float64Array, readonly count: Float64Array) {
    this.first = new Float64Array(count.length);
    let rank = 0;
    for (let i = 0; i < count.length; i++) {
      this.first[i] = rank;
      rank += count[i]!;
    }
    this.n = rank;
  }

  /** The bin holding rank r (0 ≤ r < n). */
  binOf(rank: number): number {
    return searchLargest(0, this.count.length - 1, (bin) => this.first[bin]! <= rank);
  }

  /** Rank r's bin, and its value estimated by the rank's place in the bin. */
  locate(rank: number): Located {
    const i = this.binOf(rank);
    const lo = this.lo[i]!;
    const hi = this.hi[i]!;
    if (lo === hi) return { value: lo, lo, hi };
    const value = lo + ((rank - this.first[i]! + 0.5) / this.count[i]!) * (hi - lo);
    return { value, lo, hi };
  }

  /** The bins of f(x) for an increasing (or, `decreasing`, a decreasing) f. */
  mapped(f: (x: number) => number, decreasing: boolean): OrderedBins {
    const size = this.count.length;
    const lo = new Float64Array(size);
    const hi = new Float64Array(size);
    const count = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const j = decreasing ? size - 1 - i : i;
      const a = f(this.lo[j]!);
      const b = f(this.hi[j]!);
      lo[i] = Math.min(a, b);
      hi[i] = Math.max(a, b);
      count[i] = this.count[j]!;
    }
    return new OrderedBins(lo, hi, count);
  }

  /**
   * The chart histogram over [min, max] (HISTOGRAM_BINS bins, log-spaced when the values are positive
   * and span more than two decades): each interior edge is the even step moved to the nearest point
   * whose count below is known — inside a gap between bins it stays where it is, inside a bin it moves
   * to the nearer end of that bin — so every count is exact. An output narrower than a few bins gets
   * fewer chart bins (edges that would coincide are merged).
   */
  histogram(min: number, max: number): OutputStats['histogram'] {
    if (this.n === 0) return { scale: 'linear', bins: [] };
    if (!(max > min)) return { scale: 'linear', bins: [{ x0: min, x1: max, count: this.n }] };
    const scale = binningScale(min, max);
    const at = scale === 'log' ? Math.log10 : (x: number) => x;
    const from = scale === 'log' ? (y: number) => 10 ** y : (y: number) => y;
    const start = at(min);
    const step = (at(max) - start) / HISTOGRAM_BINS;
    const edges = [min];
    const below = [0];
    for (let k = 1; k < HISTOGRAM_BINS; k++) {
      const [edge, count] = this.snap(from(start + k * step), at);
      if (edge > edges[edges.length - 1]! && edge < max) {
        edges.push(edge);
        below.push(count);
      }
    }
    edges.push(max);
    below.push(this.n);
    const bins: HistogramBin[] = [];
    for (let k = 0; k + 1 < edges.length; k++) bins.push({ x0: edges[k]!, x1: edges[k + 1]!, count: below[k + 1]! - below[k]! });
    return { scale, bins };
  }

  /** The nearest point to x with a known count below it, and that count. */
  private snap(x: number, at: (x: number) => number): [number, number] {
    // The first bin whose hi is ≥ x.
    let lo = 0;
    let hi = this.count.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hi[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.count.length) return [x, this.n];
    if (this.lo[lo]! >= x) return [x, this.first[lo]!]; // in the gap before bin lo
    const toLow = at(x) - at(this.lo[lo]!);
    const toHigh = at(this.hi[lo]!) - at(x);
    return toLow <= toHigh ? [this.lo[lo]!, this.first[lo]!] : [this.hi[lo]!, this.first[lo]! + this.count[lo]!];
  }
}

/**
 * An output's ordered bins from its merged bin counts and, where a slot plan refined some bins, their
 * merged slot counts (one SlotCounts per slot of `plan`).
 */
export function orderedBins(bins: FloatBinCounts, plan: SlotPlan | null, slots: readonly SlotCounts[] | null): OrderedBins {
  const { keys, counts } = bins.nonEmpty();
  const slotOf = new Map<number, number>();
  if (plan) plan.keys.forEach((key, s) => slotOf.set(key, s));
  let capacity = keys.length;
  if (plan && slots) for (let s = 0; s < plan.keys.length; s++) capacity += plan.parts[s]! + 2;
  const lo = new Float64Array(capacity);
  const hi = new Float64Array(capacity);
  const count = new Float64Array(capacity);
  let size = 0;
  const push = (a: number, b: number, c: number) => {
    if (c > 0) {
      lo[size] = a;
      hi[size] = b;
      count[size++] = c;
    }
  };
  for (let i = 0; i < keys.length; i++) {
    const [a, b] = keyRange(keys[i]!);
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const s = slotOf.get(keys[i]!);
    if (s === undefined || !slots) {
      push(low, high, counts[i]!);
      continue;
    }
    const sub = slots[s]!;
    const parts = plan!.parts[s]!;
    const start = plan!.lo[s]!;
    const width = plan!.width[s]!;
    // A sub-bin's ends are start + j · width / parts up to the rounding of the kernel's
    // ⌊(x − start) · parts / width⌋: a few ulps, so each is widened by that much (within the bin).
    const slack = 4 * Number.EPSILON * Math.max(Math.abs(low), Math.abs(high));
    const edge = (j: number) => start + (j * width) / parts;
    push(low, Math.min(high, start + slack), sub[0]!);
    for (let j = 0; j < parts; j++) push(Math.max(low, edge(j) - slack), Math.min(high, edge(j + 1) + slack), sub[j + 1]!);
    push(Math.max(low, edge(parts) - slack), high, sub[parts + 1]!);
  }
  return new OrderedBins(lo.subarray(0, size), hi.subarray(0, size), count.subarray(0, size));
}
