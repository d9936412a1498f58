/**
 * Exact order statistics from streamed bin counts, for one output: the engine's way when a run is
 * small (run-statistics.ts: below PILOT_BASE samples) and when a bin is too wide for the stated bound.
 *
 * The bin counts (stream-count.ts) tell which bin each wanted rank falls in. A further pass over the
 * regenerated sample gathers only the values of those bins, and selection inside them gives the order
 * statistics exactly. When those bins hold more values than the memory budget allows, a refining pass
 * first counts 1,024 equal sub-bins inside each of them (with each sub-bin's min and max, so that a
 * sub-bin of equal values needs no gathering) and the gather then takes only the sub-bins the ranks fall in.
 */
import type { HistogramBin, OutputStats } from './types.js';
import { HISTOGRAM_BINS, makeBinning } from './bins.js';
import { BIN_BITS, BIN_MASK, BIN_SHIFT, keyRange, PAGE_BINS, PAGES, wordsOf, type FloatBinCounts } from './float-bins.js';
import { percentilesFrom, plannedRanks, type percentilePlans } from './percentiles.js';
import { selectRanks } from './select.js';

/** Sub-bins of a refined bin. */
export const REFINE_PARTS = 1024;

/** Slot modes in a pass plan. */
const IGNORE = 0;
const GATHER = 1;
const REFINE = 2;

/** What the workers do with one output in a refining or gathering pass: plain data, sent to threads. */
export interface PassPlan {
  /** Keys (float-bins.ts) of the bins the pass looks at, one slot each. */
  keys: Int32Array;
  /** Per slot: IGNORE, GATHER or REFINE. */
  modes: Uint8Array;
  /**
   * Per slot: sub-bin j of x is ⌊(x − lo) / width · parts⌋, clamped to [0, parts) (0 when width is 0).
   * parts = 1: not refined. x − lo is exact (x and lo share a binade), so sub-bins are monotone in x.
   */
  parts: Int32Array;
  lo: Float64Array;
  width: Float64Array;
  /** Per slot with parts > 1 and GATHER: which sub-bins to gather (parts entries from maskOffset). */
  masks: Uint8Array;
  maskOffset: Int32Array;
}

/** What a worker returns from a pass for one output. */
export interface PassResult {
  /** GATHER slots: the gathered values (concatenate workers' in any order). */
  values: (Float64Array | null)[];
  /** REFINE slots: sub-bin counts, mins and maxes. */
  subCounts: (Float64Array | null)[];
  subMin: (Float64Array | null)[];
  subMax: (Float64Array | null)[];
}

/** Worker side: applies a pass plan to chunks of one output. */
export class PassCollector {
  private readonly pageSlots = new Int32Array(PAGES).fill(-1);
  private readonly slotTable: Int32Array;
  private readonly gathered: Float64Array[] = [];
  private readonly gatheredLength: number[] = [];
  private readonly result: PassResult;

  constructor(private readonly plan: PassPlan) {
    const pages = [...new Set(Array.from(plan.keys, (key) => key >>> BIN_BITS))];
    this.slotTable = new Int32Array(pages.length * PAGE_BINS).fill(-1);
    pages.forEach((page, i) => (this.pageSlots[page] = i * PAGE_BINS));
    plan.keys.forEach((key, slot) => (this.slotTable[this.pageSlots[key >>> BIN_BITS]! + (key & BIN_MASK)] = slot));
    const slots = plan.keys.length;
    this.result = { values: Array(slots).fill(null), subCounts: Array(slots).fill(null), subMin: Array(slots).fill(null), subMax: Array(slots).fill(null) };
    for (let s = 0; s < slots; s++) {
      this.gathered.push(new Float64Array(plan.modes[s] === GATHER ? 64 : 0));
      this.gatheredLength.push(0);
      if (plan.modes[s] === REFINE) {
        this.result.subCounts[s] = new Float64Array(plan.parts[s]!);
        this.result.subMin[s] = new Float64Array(plan.parts[s]!).fill(Infinity);
        this.result.subMax[s] = new Float64Array(plan.parts[s]!).fill(-Infinity);
      }
    }
  }

  add(column: Float64Array, length: number): void {
    const words = wordsOf(column);
    const { pageSlots, slotTable } = this;
    for (let i = 0; i < length; i++) {
      const high = words[2 * i + 1]!;
      const page = pageSlots[high >>> 20]!;
      if (page < 0) continue;
      const slot = slotTable[page + ((high >>> BIN_SHIFT) & BIN_MASK)]!;
      if (slot >= 0) this.visit(slot, column[i]!);
    }
  }

  private visit(slot: number, x: number): void {
    if (x - x !== 0) return; // non-finite values share pages with no finite value, but be sure
    const plan = this.plan;
    const mode = plan.modes[slot];
    if (mode === IGNORE) return;
    const parts = plan.parts[slot]!;
    let sub = 0;
    if (parts > 1) {
      sub = Math.floor(((x - plan.lo[slot]!) / plan.width[slot]!) * parts);
      if (!(sub >= 0)) sub = 0;
      else if (sub >= parts) sub = parts - 1;
    }
    if (mode === REFINE) {
      this.result.subCounts[slot]![sub]! += 1;
      if (x < this.result.subMin[slot]![sub]!) this.result.subMin[slot]![sub] = x;
      if (x > this.result.subMax[slot]![sub]!) this.result.subMax[slot]![sub] = x;
      return;
    }
    if (parts > 1 && !plan.masks[plan.maskOffset[slot]! + sub]) return;
    let buffer = this.gathered[slot]!;
    const length = this.gatheredLength[slot]!;
    if (length === buffer.length) {
      const grown = new Float64Array(Math.max(64, buffer.length * 2));
      grown.set(buffer);
      buffer = this.gathered[slot] = grown;
    }
    buffer[length] = x;
    this.gatheredLength[slot] = length + 1;
  }

  finish(): PassResult {
    this.plan.modes.forEach((mode, s) => {
      if (mode === GATHER) this.result.values[s] = this.gathered[s]!.slice(0, this.gatheredLength[s]!);
    });
    return this.result;
  }
}

/** Buffers a PassResult can hand to another thread without copying. */
export function transferables(result: PassResult): ArrayBuffer[] {
  const arrays = [...result.values, ...result.subCounts, ...result.subMin, ...result.subMax];
  return arrays.filter((a): a is Float64Array => a !== null).map((a) => a.buffer as ArrayBuffer);
}

interface Slot {
  key: number;
  /** Rank of the bin's smallest value among all finite values. */
  firstRank: number;
  count: number;
  needed: boolean;
  parts: number;
  lo: number;
  width: number;
  subCounts?: Float64Array;
  subMin?: Float64Array;
  subMax?: Float64Array;
  /** Sub-bins to gather (refined slots). */
  mask?: Uint8Array;
}

/**
 * Main-thread side for one output: plans the passes that find the order statistics at `wanted`
 * (0-based ranks among the n finite values) and reads them from what the workers return.
 */
export class OutputSelection {
  private readonly keys: Int32Array;
  private readonly firstRanks: Float64Array;
  private readonly slots: Slot[] = [];
  private readonly slotOfBin = new Map<number, Slot>();
  private readonly wanted: number[];
  private refined = false;

  constructor(bins: FloatBinCounts, readonly n: number, readonly min: number, readonly max: number, wanted: readonly number[]) {
    const { keys, counts } = bins.nonEmpty();
    this.keys = keys;
    this.firstRanks = new Float64Array(keys.length);
    let rank = 0;
    for (let i = 0; i < keys.length; i++) {
      this.firstRanks[i] = rank;
      rank += counts[i]!;
    }
    if (rank !== n) throw new Error(`bin counts sum to ${rank}, not ${n}`);
    this.wanted = [...new Set(wanted)].sort((a, b) => a - b);
    for (const r of this.wanted) {
      const bin = this.binOfRank(r);
      let slot = this.slotOfBin.get(bin);
      if (!slot) {
        slot = { key: keys[bin]!, firstRank: this.firstRanks[bin]!, count: counts[bin]!, needed: true, parts: 1, lo: 0, width: 0 };
        this.slotOfBin.set(bin, slot);
        this.slots.push(slot);
      }
    }
  }

  /** Index (in value order) of the bin holding rank r. */
  private binOfRank(r: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstRanks[mid]! <= r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private slotOfRank(r: number): Slot {
    return this.slotOfBin.get(this.binOfRank(r))!;
  }

  /** Values the gather pass would hold for this output. */
  gatherSize(): number {
    let size = 0;
    for (const slot of this.slots) {
      if (!slot.mask) size += slot.count;
      else slot.mask.forEach((on, j) => (size += on ? slot.subCounts![j]! : 0));
    }
    return size;
  }

  /** A refining pass for every needed bin. */
  refinePlan(): PassPlan {
    this.refined = true;
    for (const slot of this.slots) {
      // Sub-bins over the part of the bin the values can occupy (an output narrower than a bin gets them all).
      const [low, high] = keyRange(slot.key);
      slot.parts = REFINE_PARTS;
      slot.lo = Math.max(Math.min(low, high), this.min);
      slot.width = Math.min(Math.max(low, high), this.max) - slot.lo;
    }
    return this.passPlan(() => REFINE);
  }

  /** Takes the refining pass's sub-bin counts (summed over workers) and decides which sub-bins to gather. */
  applyRefine(results: readonly PassResult[]): void {
    this.slots.forEach((slot, s) => {
      if (slot.parts === 1) return;
      slot.subCounts = new Float64Array(slot.parts);
      slot.subMin = new Float64Array(slot.parts).fill(Infinity);
      slot.subMax = new Float64Array(slot.parts).fill(-Infinity);
      for (const result of results) {
        for (let j = 0; j < slot.parts; j++) {
          slot.subCounts[j]! += result.subCounts[s]![j]!;
          slot.subMin[j] = Math.min(slot.subMin[j]!, result.subMin[s]![j]!);
          slot.subMax[j] = Math.max(slot.subMax[j]!, result.subMax[s]![j]!);
        }
      }
      slot.mask = new Uint8Array(slot.parts);
    });
    for (const r of this.wanted) {
      const slot = this.slotOfRank(r);
      if (!slot.mask) continue;
      const j = this.subOfRank(slot, r).sub;
      if (slot.subMin![j] !== slot.subMax![j]) slot.mask[j] = 1; // a sub-bin of equal values needs no gathering
    }
  }

  private subOfRank(slot: Slot, r: number): { sub: number; firstRank: number } {
    let first = slot.firstRank;
    for (let j = 0; j < slot.parts; j++) {
      const count = slot.subCounts![j]!;
      if (r < first + count) return { sub: j, firstRank: first };
      first += count;
    }
    throw new Error(`rank ${r} is not in its bin's sub-bins`);
  }

  /** The gathering pass: the needed bins (or their needed sub-bins). */
  gatherPlan(): PassPlan {
    return this.passPlan((slot) => (!slot.mask || slot.mask.some((on) => on) ? GATHER : IGNORE));
  }

  private passPlan(mode: (slot: Slot) => number): PassPlan {
    const slots = this.slots;
    const maskOffset = new Int32Array(slots.length);
    let maskLength = 0;
    slots.forEach((slot, s) => {
      maskOffset[s] = maskLength;
      if (slot.mask) maskLength += slot.parts;
    });
    const masks = new Uint8Array(maskLength);
    slots.forEach((slot, s) => slot.mask && masks.set(slot.mask, maskOffset[s]!));
    return {
      keys: Int32Array.from(slots, (slot) => slot.key),
      modes: Uint8Array.from(slots, mode),
      parts: Int32Array.from(slots, (slot) => slot.parts),
      lo: Float64Array.from(slots, (slot) => slot.lo),
      width: Float64Array.from(slots, (slot) => slot.width),
      masks,
      maskOffset,
    };
  }

  /** The order statistics at the wanted ranks, from the gathering pass's results (from every worker). */
  finish(results: readonly PassResult[]): Map<number, number> {
    const at = new Map<number, number>();
    const bySlot = new Map<Slot, number[]>();
    for (const r of this.wanted) {
      const slot = this.slotOfRank(r);
      if (slot.mask) {
        const { sub } = this.subOfRank(slot, r);
        if (!slot.mask[sub]) {
          at.set(r, slot.subMin![sub]!); // all equal
          continue;
        }
      }
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), r]);
    }
    for (const [slot, ranks] of bySlot) {
      const s = this.slots.indexOf(slot);
      const parts = results.map((result) => result.values[s]!);
      const values = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of parts) {
        values.set(part, offset);
        offset += part.length;
      }
      // Rank within the gathered values: ranks of the gathered sub-bins that come before, plus the rank inside its sub-bin.
      const local = ranks.map((r) => {
        if (!slot.mask) return r - slot.firstRank;
        const { sub, firstRank } = this.subOfRank(slot, r);
        let before = 0;
        for (let j = 0; j < sub; j++) if (slot.mask[j]) before += slot.subCounts![j]!;
        return before + (r - firstRank);
      });
      const expected = slot.mask ? slot.mask.reduce((sum, on, j) => sum + (on ? slot.subCounts![j]! : 0), 0) : slot.count;
      if (values.length !== expected) throw new Error(`gathered ${values.length} values of a bin that holds ${expected}`);
      const found = selectRanks(values, local);
      ranks.forEach((r, i) => at.set(r, found.get(local[i]!)!));
    }
    return at;
  }

  /** Whether the plan has refined (a second refinement is not offered). */
  get hasRefined(): boolean {
    return this.refined;
  }
}

/** Percentiles (read by `plans`), histogram and sd of an output with few distinct values, from their counts (exact). */
export function statsFromSupport(support: ReadonlyMap<number, number>, n: number, min: number, max: number, mean: number, plans: ReturnType<typeof percentilePlans>): Pick<OutputStats, 'percentiles' | 'histogram' | 'sd'> {
  const values = [...support.keys()].sort((a, b) => a - b);
  let squares = 0;
  for (const value of values) squares += support.get(value)! * (value - mean) ** 2;
  const at = new Map<number, number>();
  for (const r of plannedRanks(plans)) {
    let first = 0;
    for (const value of values) {
      first += support.get(value)!;
      if (r < first) {
        at.set(r, value);
        break;
      }
    }
  }
  const binning = makeBinning(min, max, HISTOGRAM_BINS);
  const counts = new Float64Array(HISTOGRAM_BINS);
  for (const value of values) counts[binning.binOf(value)]! += support.get(value)!;
  const bins: HistogramBin[] = [];
  for (let i = 0; i < HISTOGRAM_BINS; i++) bins.push({ x0: binning.edge(i), x1: binning.edge(i + 1), count: counts[i]! });
  return { percentiles: percentilesFrom(plans, at), histogram: { scale: binning.scale, bins }, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}
