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
import { keyRange, type FloatBinCounts } from './float-bins.js';
import { searchLargest } from './intervals.js';
import { GATHER, IGNORE, REFINE, REFINE_PARTS, type PassPlan, type PassResult } from './pass-collector.js';
import { percentilesFrom, plannedRanks, type percentilePlans } from './percentiles.js';
import { selectRanks } from './select.js';

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
    return searchLargest(0, this.keys.length - 1, (bin) => this.firstRanks[bin]! <= r);
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
