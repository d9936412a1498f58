/**
 * A counting pass over output columns that live in the kernel's memory, one chunk at a time: every
 * output's moments (kernels/count.ts), and for each output the engine summarises by bins — the
 * representative of its monotone family (src/scenario/output-relations.ts) — its bin counts and its
 * pilot's sub-bins. While an output has at most SUPPORT_LIMIT distinct values it is tallied by value
 * instead (src/stats/stream-count.ts), here in JavaScript: that tally ends within a few values for a
 * continuous output.
 */
import { BIN_BITS } from '../stats/float-bins.js';
import type { SlotPlan } from '../stats/ordered-bins.js';
import { SupportTally, type CountSummary } from '../stats/stream-count.js';
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

export class OutputsCounter {
  private readonly moments: number;
  private readonly bins: number[];
  private readonly tallies: (SupportTally | null)[];
  private readonly slotCells: (number[] | null)[];
  /** The kernel's tables for countOutputs: each column's address, and each output's bin set while it is binned (0 otherwise). */
  private readonly columnTable: number;
  private readonly binTable: number;

  /** `columns`: each output column's address in the kernel's memory. */
  constructor(private readonly kernel: Kernel, private readonly columns: readonly number[], private readonly options: CountOptions) {
    const outputs = columns.length;
    this.moments = kernel.reserveF64(outputs * MOMENTS);
    const record = kernel.f64(this.moments, outputs * MOMENTS);
    for (let j = 0; j < outputs; j++) {
      record[j * MOMENTS + 3] = Infinity;
      record[j * MOMENTS + 4] = -Infinity;
    }
    this.bins = columns.map(() => kernel.exports.newBins());
    this.tallies = columns.map((_, j) => (options.tallied?.[j] === false ? null : new SupportTally()));
    this.slotCells = columns.map((_, j) => {
      const plan = options.plans[j];
      return plan && options.binned[j] ? placeSlots(kernel, this.bins[j]!, plan, BIN_BITS) : null;
    });
    this.columnTable = kernel.exports.reserve(4 * outputs);
    kernel.u32(this.columnTable, outputs).set(columns);
    // A tallied output gets its bin set when it has too many distinct values; one never tallied, at once.
    this.binTable = kernel.exports.reserve(4 * outputs);
    columns.forEach((_, j) => {
      if (!this.tallies[j] && options.binned[j]) kernel.u32(this.binTable + 4 * j, 1)[0] = this.bins[j]!;
    });
  }

  /** Folds the first `length` values of every column in. */
  add(length: number): void {
    const { kernel, columns } = this;
    const k = kernel.exports;
    for (let j = 0; j < columns.length; j++) {
      const tally = this.tallies[j];
      if (!tally || tally.add(kernel.f64(columns[j]!, length), length)) continue;
      // Too many distinct values: the tally so far goes into the bins (this chunk follows in countOutputs).
      this.tallies[j] = null;
      if (!this.options.binned[j]) continue;
      tally.forEachBinned((x, count) => k.binAdd(this.bins[j]!, x, count, BIN_BITS));
      kernel.u32(this.binTable + 4 * j, 1)[0] = this.bins[j]!;
    }
    k.countOutputs(this.columnTable, columns.length, length, this.moments, this.binTable, BIN_BITS);
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
    const record = this.kernel.f64(this.moments, this.columns.length * MOMENTS).slice();
    return this.columns.map((_, j) => {
      const tally = this.tallies[j];
      const binned = !tally && this.options.binned[j];
      const cells = this.slotCells[j];
      return {
        n: record[j * MOMENTS + 5]!,
        nonFinite: record[j * MOMENTS + 6]!,
        min: record[j * MOMENTS + 3]!,
        max: record[j * MOMENTS + 4]!,
        bins: binned ? exportBins(this.kernel, this.bins[j]!, BIN_BITS) : null,
        support: tally ? tally.export() : null,
        slots: binned && cells ? cells.map((at, s) => this.kernel.f64(at, this.options.plans[j]!.parts[s]! + 2).slice()) : null,
      };
    });
  }
}
