/**
 * Where a pilot says an output's wanted order statistics will fall, and how finely to count there.
 *
 * The pilot is the run's own first m samples (a prefix: the per-chunk streams make it part of the
 * run). For a wanted rank r of the whole run's n values, the fraction t = (r + ½)/n of the values
 * lies below it; in the prefix that is about rank t·m, with a standard deviation of √(m t (1 − t))
 * ranks, and the whole run's order statistic lies within WINDOW_Z of those standard deviations of
 * the prefix's (the two differ by less than the prefix's own error: its values are part of the run).
 * With WINDOW_Z = 6 a window misses its rank with probability about 2e-9 (normal tail); a miss costs
 * time, not accuracy: the run then gathers that output's order statistics exactly (run-statistics.ts).
 *
 * Inside a window the run counts sub-bins of width TARGET_FRACTION of the predicted half-width of
 * the rank's 95% interval at n: 1.96 √(t (1 − t)/n) / f, with 1/f, the spacing of values per unit
 * of probability, read from the window itself (its values span 2d/m of the probability).
 */
import { keyOf, keyRange } from './float-bins.js';
import type { Located, SlotPlan } from './ordered-bins.js';

/** Runs of at most this many samples (four chunks of the engine) are counted and their order statistics gathered exactly; larger ones read them from bins. */
export const PILOT_BASE = 1 << 15;
export const WINDOW_Z = 6;
/** The stated bound: an estimate's error is at most this fraction of its 95% interval's half-width (binned-percentiles.ts). */
export const BOUND_FRACTION = 1 / 10;
/** Sub-bins per predicted interval half-width: 20, twice as fine as the stated bound (a smaller footprint in cache than finer). */
export const TARGET_FRACTION = 1 / 20;
/** The most sub-bins one output may hold (~2 MB of counts a thread). */
export const MAX_PARTS = 1 << 18;

/** The prefix ranks a window around rank r of n needs from a pilot of m: its two ends. */
export function windowRanks(n: number, m: number, r: number): [number, number] {
  const t = (r + 0.5) / n;
  const centre = t * m - 0.5;
  const spread = WINDOW_Z * Math.sqrt(m * t * (1 - t)) + 2;
  return [Math.max(0, Math.floor(centre - spread)), Math.min(m - 1, Math.ceil(centre + spread))];
}

/** Every pilot rank the windows of `ranks` need. */
export function pilotRanks(n: number, m: number, ranks: readonly number[]): number[] {
  return [...new Set(ranks.flatMap((r) => windowRanks(n, m, r)))].sort((a, b) => a - b);
}

interface Window {
  lo: number;
  hi: number;
  /** The sub-bin width wanted. */
  width: number;
}

/**
 * The sub-bins of one output for a run of n values whose wanted ranks are `ranks`, from a pilot of m
 * values (`locate(rank)`: where the pilot's order statistic lies). Null when no bin needs refining.
 */
export function planSlots(n: number, m: number, ranks: readonly number[], locate: (rank: number) => Located): SlotPlan | null {
  const windows: Window[] = [];
  for (const r of ranks) {
    const [a, b] = windowRanks(n, m, r);
    const lo = locate(a).lo;
    const hi = locate(b).hi;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) continue;
    const t = (r + 0.5) / n;
    const probability = (b - a + 1) / m;
    const halfWidth = 1.96 * Math.sqrt((t * (1 - t)) / n) * ((hi - lo) / probability);
    windows.push({ lo, hi, width: halfWidth * TARGET_FRACTION });
  }
  if (windows.length === 0) return null;
  windows.sort((x, y) => x.lo - y.lo);
  const merged: Window[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.lo <= last.hi) {
      last.hi = Math.max(last.hi, w.hi);
      last.width = Math.min(last.width, w.width);
    } else merged.push({ ...w });
  }
  const slots: { key: number; lo: number; width: number; parts: number }[] = [];
  for (const w of merged) {
    for (const key of keysBetween(w.lo, w.hi)) {
      const [a, b] = keyRange(key);
      const low = Math.min(a, b);
      const high = Math.max(a, b);
      if (high - low <= w.width) continue; // the bin itself is fine enough
      const start = Math.max(low, w.lo);
      const end = Math.min(high, w.hi);
      if (!(end > start)) continue;
      slots.push({ key, lo: start, width: end - start, parts: Math.max(1, Math.ceil((end - start) / w.width)) });
    }
  }
  if (slots.length === 0) return null;
  // Within the memory cap, coarser sub-bins everywhere (the bound check then decides).
  const total = slots.reduce((sum, s) => sum + s.parts + 2, 0);
  const scale = total > MAX_PARTS ? MAX_PARTS / total : 1;
  return {
    keys: Int32Array.from(slots, (s) => s.key),
    lo: Float64Array.from(slots, (s) => s.lo),
    width: Float64Array.from(slots, (s) => s.width),
    parts: Int32Array.from(slots, (s) => Math.max(1, Math.floor(s.parts * scale))),
  };
}

/** More bins than this in one window (a window over dozens of binades): left unrefined. */
const MAX_WINDOW_KEYS = 1 << 16;

/** The keys of every bin that can hold a value in [lo, hi], in value order (none when there are too many). */
function keysBetween(lo: number, hi: number): number[] {
  const keys: number[] = [];
  const span = (lo < 0 ? keyOf(lo) - keyOf(Math.min(hi, -0)) : 0) + (hi >= 0 ? keyOf(hi) - keyOf(Math.max(lo, 0)) : 0);
  if (span > MAX_WINDOW_KEYS) return keys;
  if (lo < 0) {
    // Negative values: a larger magnitude has a larger key.
    const from = keyOf(lo);
    const to = keyOf(Math.min(hi, -0));
    for (let key = from; key >= to; key--) keys.push(key);
  }
  if (hi >= 0) {
    const from = keyOf(Math.max(lo, 0));
    const to = keyOf(hi);
    for (let key = from; key <= to; key++) keys.push(key);
  }
  return keys;
}
