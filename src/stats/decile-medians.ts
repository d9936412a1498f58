/**
 * Conditional medians for the tornado: for each uncertain input and each headline output,
 * the output's median among the samples where that input is in its bottom decile, and among those
 * where it is in its top decile — from the sample itself, so correlations and discrete inputs are
 * handled without a model of either.
 *
 * A sample's side is read from the input's final uniform (after the copula, before the quantile
 * stage): u < 0.1 bottom, u ≥ 0.9 top. Ties of a discrete input are thereby split by the uniform, so
 * each side holds 10% of the samples in expectation for every family.
 *
 * Each chunk's headline outputs are folded into bin counts keyed like the engine's float bins
 * (float-bins.ts) but coarser (COARSE_BITS), per (input, side, output), plus each output's counts over
 * the whole sample. Counts are integers, so summaries merge exactly in any order and the result is the
 * same for any worker count. Memory per worker, bounded whatever the sample count: (2 × uncertain
 * inputs + 1) × headline outputs bin sets, each a 16 KiB page table and a count store of 8 KiB that
 * grows by 1 KiB per binade beyond eight (e.g. evidence-2025: 10 uncertain inputs → 21 × 5 = 105
 * sets ≈ 2.5 MiB), plus 2 × inputs index lists of one chunk (64 KiB each).
 *
 * A conditional median is known to within its bin: a relative width of at most 2^−COARSE_BITS
 * (0.8%). It is placed inside its bin by linear interpolation of its rank, and set to the simulated P50
 * itself when it lies in the P50's bin (the difference is then below the resolution).
 */
import { BIN_BITS, FloatBinCounts, keyOf, keyOrder, keyRange, wordsOf } from './float-bins.js';

/**
 * Mantissa bits of a decile bin: 2^COARSE_BITS bins per binade. Coarser than the engine's (BIN_BITS)
 * so that the (2 × inputs + 1) × outputs bin sets a worker fills stay in cache: at 2^−10 they took
 * ~5 MB for evidence-2025 and the fold cost ~25 ns a value in cache misses (measured).
 */
export const COARSE_BITS = 7;
const COARSE_SHIFT = 20 - COARSE_BITS;
const COARSE_MASK = (1 << COARSE_BITS) - 1;
/** A coarse key is a fine key (float-bins.ts) without its low FINE_EXTRA bits. */
const FINE_EXTRA = BIN_BITS - COARSE_BITS;

/** The coarse key of a double. */
export function coarseKeyOf(x: number): number {
  return keyOf(x) >>> FINE_EXTRA;
}

/** Sorts coarse keys by the values their bins hold (bins are disjoint, so any fine key inside orders them). */
export function coarseKeyOrder(key: number): number {
  return keyOrder(key << FINE_EXTRA);
}

/** The smallest and largest double a coarse bin can hold. */
export function coarseKeyRange(key: number): [number, number] {
  const [a0, a1] = keyRange(key << FINE_EXTRA);
  const [b0, b1] = keyRange((key << FINE_EXTRA) | ((1 << FINE_EXTRA) - 1));
  return [Math.min(a0, a1, b0, b1), Math.max(a0, a1, b0, b1)];
}

/** Bin counts keyed by a double's sign, exponent and top COARSE_BITS mantissa bits (coarse keys). */
function coarseBins(): FloatBinCounts {
  return new FloatBinCounts(COARSE_BITS);
}

/** A sample is in an input's bottom decile when its uniform is below this, in its top one at or above TOP_DECILE. */
export const BOTTOM_DECILE = 0.1;
export const TOP_DECILE = 0.9;
/** The relative resolution of a conditional median: the widest relative bin width. */
export const MEDIAN_RESOLUTION = 2 ** -COARSE_BITS;

/**
 * An input "has no effect" on an output when neither side's values sit off the overall median more
 * than this many standard errors (see hasEffect).
 */
export const EFFECT_Z = 4;

const BOTTOM = 1;
const TOP = 2;

/** A summary as it travels between threads: bin sets in the order of `sets` (see DecileCounter). */
export interface DecileSummary {
  /** The uncertain inputs, in the order the bin sets use. */
  inputs: string[];
  /** The number of headline outputs folded (their order is the caller's). */
  outputs: number;
  /** Exported bin counts: index (i · 2 + side) · outputs + j for input i (side 0 bottom, 1 top), then outputs · inputs · 2 + j for output j over the whole sample. */
  sets: { pages: Int32Array; counts: Float64Array }[];
}

/** Adds each value of `words` (high words of a column) at the sample indices idx[0, count) to `bins`. */
function addAt(bins: FloatBinCounts, words: Uint32Array, idx: Int32Array, count: number): void {
  const pageOffset = bins.pageOffset;
  let counts = bins.counts;
  for (let t = 0; t < count; t++) {
    const high = words[2 * idx[t]! + 1]!;
    let offset = pageOffset[high >>> 20]!;
    if (offset < 0) {
      offset = bins.addPage(high >>> 20);
      counts = bins.counts;
    }
    counts[offset + ((high >>> COARSE_SHIFT) & COARSE_MASK)]! += 1;
  }
}

/** The per-worker fold: mark each uncertain input's sides from its uniforms, then add each chunk's outputs. */
export class DecileCounter {
  private readonly index: Map<string, number>;
  /** Per input and side (i · 2 + side): the sample indices of the chunk in that decile, and how many. */
  private readonly members: Int32Array[];
  private readonly memberCounts: Int32Array;
  /** The finite samples of the chunk (scratch). */
  private readonly finite: Int32Array;
  private readonly sets: FloatBinCounts[];

  /** `chunkSize`: the longest chunk; `outputs`: how many output columns `add` receives. */
  constructor(
    readonly inputs: readonly string[],
    readonly outputs: number,
    chunkSize: number,
  ) {
    this.index = new Map(inputs.map((key, i) => [key, i]));
    this.members = Array.from({ length: inputs.length * 2 }, () => new Int32Array(chunkSize));
    this.memberCounts = new Int32Array(inputs.length * 2);
    this.finite = new Int32Array(chunkSize);
    this.sets = Array.from({ length: (inputs.length * 2 + 1) * outputs }, () => coarseBins());
  }

  /** Records which samples of the chunk are in `input`'s bottom and top decile, from its uniforms column[0, length) (call before the quantile stage). */
  mark(input: string, uniforms: Float64Array, length: number): void {
    const i = this.index.get(input);
    if (i === undefined) return;
    const bottom = this.members[2 * i]!;
    const top = this.members[2 * i + 1]!;
    let b = 0;
    let t = 0;
    for (let s = 0; s < length; s++) {
      const u = uniforms[s]!;
      if (u < BOTTOM_DECILE) bottom[b++] = s;
      else if (u >= TOP_DECILE) top[t++] = s;
    }
    this.memberCounts[2 * i] = b;
    this.memberCounts[2 * i + 1] = t;
  }

  /** Folds the chunk's output columns (the same samples as the last `mark` of every input); non-finite values are skipped. */
  add(columns: readonly Float64Array[], length: number): void {
    const sides = this.members.length;
    const stride = this.outputs;
    for (let j = 0; j < stride; j++) {
      const column = columns[j]!;
      const words = wordsOf(column);
      // Non-finite values are rare (a run with any is refused): skip them through the index lists only when there are some.
      let finite = 0;
      for (let s = 0; s < length; s++) if (column[s]! - column[s]! === 0) this.finite[finite++] = s;
      addAt(this.sets[sides * stride + j]!, words, this.finite, finite);
      for (let k = 0; k < sides; k++) {
        const idx = this.members[k]!;
        let count = this.memberCounts[k]!;
        if (finite < length) {
          let kept = 0;
          for (let t = 0; t < count; t++) if (column[idx[t]!]! - column[idx[t]!]! === 0) kept++;
          if (kept < count) {
            const only = new Int32Array(kept);
            let w = 0;
            for (let t = 0; t < count; t++) if (column[idx[t]!]! - column[idx[t]!]! === 0) only[w++] = idx[t]!;
            addAt(this.sets[k * stride + j]!, words, only, kept);
            continue;
          }
          count = kept;
        }
        addAt(this.sets[k * stride + j]!, words, idx, count);
      }
    }
  }

  get bytes(): number {
    return this.sets.reduce((sum, set) => sum + set.bytes, 0) + this.members.reduce((sum, m) => sum + m.byteLength, 0) + this.finite.byteLength;
  }

  export(): DecileSummary {
    return { inputs: [...this.inputs], outputs: this.outputs, sets: this.sets.map((set) => set.export()) };
  }
}

/** The buffers a summary can hand over to another thread. */
export function decileTransferables(summary: DecileSummary): ArrayBuffer[] {
  return summary.sets.flatMap((set) => [set.pages.buffer as ArrayBuffer, set.counts.buffer as ArrayBuffer]);
}

/** Merged summaries of a whole sample. */
export interface MergedDeciles {
  inputs: string[];
  outputs: number;
  /** Per input i, side (0 bottom, 1 top), output j: its bins. */
  side(i: number, side: 0 | 1, j: number): FloatBinCounts;
  /** Output j over the whole sample. */
  overall(j: number): FloatBinCounts;
}

/** Merges worker summaries (exact: integer counts; every summary names the same inputs). */
export function mergeDeciles(summaries: readonly DecileSummary[]): MergedDeciles {
  const first = summaries[0];
  if (!first) throw new Error('no decile summaries to merge');
  const sets = first.sets.map(() => coarseBins());
  for (const summary of summaries) {
    if (summary.inputs.join() !== first.inputs.join() || summary.outputs !== first.outputs) throw new Error('decile summaries of different runs cannot be merged');
    summary.sets.forEach((set, k) => sets[k]!.merge(set));
  }
  const stride = first.outputs;
  return {
    inputs: first.inputs,
    outputs: stride,
    side: (i, side, j) => sets[(i * 2 + side) * stride + j]!,
    overall: (j) => sets[first.inputs.length * 2 * stride + j]!,
  };
}

export interface BinnedCounts {
  keys: Int32Array;
  counts: Float64Array;
}

/** The number of values. */
export function total({ counts }: BinnedCounts): number {
  let n = 0;
  for (let b = 0; b < counts.length; b++) n += counts[b]!;
  return n;
}

/**
 * The median of binned values (R type 7: the value at rank (n − 1)/2, averaging the two middle
 * ranks for even n), each rank placed inside its bin by linear interpolation; `snap`: a value
 * returned exactly when the median falls in its bin. NaN when there are no values.
 */
export function binnedMedian(bins: BinnedCounts, snap?: number): number {
  const n = total(bins);
  if (n === 0) return NaN;
  const h = (n - 1) / 2;
  const lower = Math.floor(h);
  const at = (rank: number): number => {
    let before = 0;
    for (let b = 0; b < bins.keys.length; b++) {
      const count = bins.counts[b]!;
      if (rank < before + count) {
        const key = bins.keys[b]!;
        if (snap !== undefined && Number.isFinite(snap) && coarseKeyOf(snap) === key) return snap;
        const [lo, hi] = coarseKeyRange(key);
        return lo + ((hi - lo) * (rank - before + 0.5)) / count;
      }
      before += count;
    }
    return NaN;
  };
  const a = at(lower);
  return h === lower ? a : (a + at(lower + 1)) / 2;
}

/**
 * The mid-share of binned values at `median`: (values in lower bins + half those in its bin) / n.
 * Mood's median test (Mood 1950, "Introduction to the Theory of Statistics", §16.11) reads a subset's
 * share below the whole sample's median.
 */
export function midShare(bins: BinnedCounts, median: number): number {
  const order = coarseKeyOrder(coarseKeyOf(median));
  let below = 0;
  let at = 0;
  let n = 0;
  for (let b = 0; b < bins.keys.length; b++) {
    const count = bins.counts[b]!;
    n += count;
    const o = coarseKeyOrder(bins.keys[b]!);
    if (o < order) below += count;
    else if (o === order) at += count;
  }
  return n === 0 ? NaN : (below + at / 2) / n;
}

/**
 * Whether an input's deciles move an output, by Mood's median test on each side: if the output did
 * not depend on which decile the input is in, a side's m values would be a random subset of the
 * sample, and its mid-share at the overall median (each value scored 0 below the median's bin, ½ in
 * it, 1 above… here the share below) would have mean F0, the whole sample's mid-share, and variance
 * at most F0(1 − F0)/m (a score in [0, 1] with mean F0 has variance ≤ F0(1 − F0); sampling without
 * replacement only lowers it). The side moves the output when |F − F0| > EFFECT_Z · √(F0(1 − F0)/m).
 * With EFFECT_Z = 4 the normal tail gives a false "effect" for an input that does not enter the output
 * with probability ≈ 1.3 × 10⁻⁴ per (input, output) over both sides. A test of ranks rather than of
 * the medians' difference: it needs no density estimate, and it holds for discrete outputs.
 * A side with no values (a tiny sample) shows no effect, and then neither does the other.
 */
export function hasEffect(sides: readonly [BinnedCounts, BinnedCounts], overall: BinnedCounts, median: number): boolean {
  if (sides.some((side) => total(side) === 0)) return false;
  const f0 = midShare(overall, median);
  const v = Math.max(f0 * (1 - f0), 0);
  return sides.some((side) => {
    const m = total(side);
    const f = midShare(side, median);
    return Math.abs(f - f0) > EFFECT_Z * Math.sqrt(v / m);
  });
}
