/**
 * The tornado's decile fold (src/stats/decile-medians.ts) on the kernel: each uncertain input's
 * bottom and top decile samples are marked from its final uniforms, then each folded output's values
 * are counted into coarse bins per (input, side) and over the whole chunk. The summary it exports is
 * DecileCounter's, so the tornado reads it the same way.
 */
import { BOTTOM_DECILE, COARSE_BITS, TOP_DECILE, type DecileSummary } from '../stats/decile-medians.js';
import { exportBins } from './bins.js';
import type { Kernel } from './kernel.js';

export class KernelDeciles {
  private readonly index: Map<string, number>;
  /** Per input and side (i · 2 + side): the address of the chunk's sample indices in that decile. */
  private readonly members: number[];
  /** Their counts (i32s), and the tables the kernel's fold reads (i32 addresses). */
  private readonly memberCounts: number;
  private readonly memberTable: number;
  private readonly setTable: number;
  private readonly columnTable: number;
  private readonly finite: number;
  private readonly kept: number;
  private readonly sets: number[];

  /** `chunkSize`: the longest chunk; `outputs`: how many output columns `add` receives. */
  constructor(private readonly kernel: Kernel, readonly inputs: readonly string[], readonly outputs: number, chunkSize: number) {
    this.index = new Map(inputs.map((key, i) => [key, i]));
    const x = kernel.exports;
    this.members = Array.from({ length: inputs.length * 2 }, () => x.reserve(4 * chunkSize));
    this.memberCounts = x.reserve(4 * this.members.length);
    this.memberTable = x.reserve(4 * this.members.length);
    kernel.u32(this.memberTable, this.members.length).set(this.members);
    this.finite = x.reserve(4 * chunkSize);
    this.kept = x.reserve(4 * chunkSize);
    this.sets = Array.from({ length: (inputs.length * 2 + 1) * outputs }, () => x.newBins());
    this.setTable = x.reserve(4 * this.sets.length);
    kernel.u32(this.setTable, this.sets.length).set(this.sets);
    this.columnTable = x.reserve(4 * outputs);
  }

  /** Marks which samples are in `input`'s deciles from its uniforms at `uniforms` (call before the quantile stage). */
  mark(input: string, uniforms: number, length: number): void {
    const i = this.index.get(input);
    if (i === undefined) return;
    const both = this.kernel.exports.decileMark(uniforms, length, this.members[2 * i]!, this.members[2 * i + 1]!, BOTTOM_DECILE, TOP_DECILE);
    this.kernel.i32(this.memberCounts + 8 * i, 2).set([both & 0xffff, both >>> 16]);
  }

  /** Folds the output columns at `columns` (the samples of the last marks); non-finite values are skipped (kernels/tornado.ts). */
  add(columns: readonly number[], length: number): void {
    this.kernel.u32(this.columnTable, this.outputs).set(columns);
    this.kernel.exports.decileFold(this.columnTable, this.outputs, length, this.memberTable, this.memberCounts, this.members.length, this.setTable, this.finite, this.kept, COARSE_BITS);
  }

  export(): DecileSummary {
    return { inputs: [...this.inputs], outputs: this.outputs, sets: this.sets.map((set) => exportBins(this.kernel, set, COARSE_BITS)) };
  }
}
