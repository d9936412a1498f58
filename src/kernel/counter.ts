/**
 * A counting pass over output columns that live in the kernel's memory, one chunk at a time: every
 * output's moments (kernels/count.ts), and for each output the engine summarises by bins — the
 * representative of its monotone family (src/scenario/output-relations.ts) — its bin counts and its
 * pilot's sub-bins. While an output has at most SUPPORT_LIMIT distinct values it is tallied by value
 * instead (src/stats/stream-count.ts; kernels/tally.ts): that tally ends within a few values for a
 * continuous output, and moves into the output's bins.
 */
import { BIN_BITS } from '../stats/float-bins.js';
import type { SlotPlan } from '../stats/ordered-bins.js';
import { SUPPORT_LIMIT, type CountSummary } from '../stats/stream-count.js';
import { exportBins, placeSlots } from './bins.js';
import type { Kernel } from './kernel.js';

/** Doubles in an output's moments record (kernels/count.ts: 7 used, a record every 64 bytes). */
const MOMENTS = 8;

/** What a counting pass returns for one output: its summary and the counts of each slot of its plan (below, sub-bins…, above), or null. */
export interface OutputCount extends CountSummary {
  slots: Float64Array[] | null;
}

export interface CountOptions {
  /** Per output: bin it once it has more than SUPPORT_LIMIT distinct values. */
  binned: readonly boolean[];
  /** Per output: tally its distinct values first (false: its moments say all that is needed, e.g. a constant). */
  tallied?: readonly boolean[] | undefined;
  /** Per output: the sub-bins a pilot planned (binned outputs only), or null. */
  plans: readonly (SlotPlan | null)[];
}

/** Bytes of an output's entry in the kernel's table (kernels/count.ts: column, bin set, tally). */
const ENTRY = 12;

export class OutputsCounter {
  private readonly moments: number;
  private readonly bins: number[];
  private readonly slotCells: (number[] | null)[];
  /** The kernel's table for countOutputs: each output's column, bin set (0: none) and tally (0: none, or no longer). */
  private readonly table: number;

  /** `columns`: each output column's address in the kernel's memory. */
  constructor(private readonly kernel: Kernel, private readonly columns: readonly number[], private readonly options: CountOptions) {
    const outputs = columns.length;
    this.moments = kernel.reserveF64(outputs * MOMENTS);
    const record = kernel.f64(this.moments, outputs * MOMENTS);
    for (let j = 0; j < outputs; j++) {
      record[j * MOMENTS + 3] = Infinity;
      record[j * MOMENTS + 4] = -Infinity;
    }
    this.bins = columns.map((_, j) => (options.binned[j] ? kernel.exports.newBins() : 0));
    this.slotCells = columns.map((_, j) => {
      const plan = options.plans[j];
      return plan && options.binned[j] ? placeSlots(kernel, this.bins[j]!, plan, BIN_BITS) : null;
    });
    const tallies = columns.map((_, j) => (options.tallied?.[j] === false ? 0 : kernel.exports.newTally(SUPPORT_LIMIT)));
    this.table = kernel.exports.reserve(ENTRY * outputs);
    kernel.u32(this.table, 3 * outputs).set(columns.flatMap((column, j) => [column, this.bins[j]!, tallies[j]!]));
  }

  /** Folds the first `length` values of every column in. */
  add(length: number): void {
    this.kernel.exports.countOutputs(this.table, this.columns.length, length, this.moments, BIN_BITS);
  }

  /** Each output's block moments (n, mean, M2) into `target` at offset + 3j; starts the next block. */
  takeBlock(target: Float64Array, offset: number): void {
    const record = this.kernel.f64(this.moments, this.columns.length * MOMENTS);
    for (let j = 0; j < this.columns.length; j++) {
      target.set(record.subarray(j * MOMENTS, j * MOMENTS + 3), offset + 3 * j);
      record.fill(0, j * MOMENTS, j * MOMENTS + 3);
    }
  }

  finish(): OutputCount[] {
    const { kernel } = this;
    const record = kernel.f64(this.moments, this.columns.length * MOMENTS).slice();
    const table = kernel.u32(this.table, 3 * this.columns.length).slice();
    return this.columns.map((_, j) => {
      const tally = table[3 * j + 2]!;
      const binned = tally === 0 && this.options.binned[j];
      const cells = this.slotCells[j];
      return {
        n: record[j * MOMENTS + 5]!,
        nonFinite: record[j * MOMENTS + 6]!,
        min: record[j * MOMENTS + 3]!,
        max: record[j * MOMENTS + 4]!,
        bins: binned ? exportBins(kernel, this.bins[j]!, BIN_BITS) : null,
        support: tally === 0 ? null : this.support(tally),
        slots: binned && cells ? cells.map((at, s) => kernel.f64(at, this.options.plans[j]!.parts[s]! + 2).slice()) : null,
      };
    });
  }

  /** A tally's values and counts (kernels/tally.ts), in the order first seen. */
  private support(tally: number): { values: number[]; counts: number[] } {
    const n = this.kernel.i32(tally, 1)[0]!;
    const x = this.kernel.exports;
    return { values: [...this.kernel.f64(x.tallyValues(tally), n)], counts: [...this.kernel.f64(x.tallyCounts(tally), n)] };
  }
}
