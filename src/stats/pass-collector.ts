/**
 * The worker's side of a gathering or refining pass (stream-select.ts plans them on the main thread):
 * the plan it receives for one output, what it collects from the sample's chunks, and the result it
 * sends back — the values of the bins to gather, and counts, mins and maxes of the sub-bins of the
 * bins to refine. Kept apart from the planning so that a worker loads none of the statistics.
 */
import { BIN_BITS, BIN_MASK, BIN_SHIFT, PAGE_BINS, PAGES, wordsOf } from './float-bins.js';

/** Sub-bins of a refined bin. */
export const REFINE_PARTS = 1024;

/** Slot modes in a pass plan. */
export const IGNORE = 0;
export const GATHER = 1;
export const REFINE = 2;

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
