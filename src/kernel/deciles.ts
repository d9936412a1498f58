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
  private readonly memberCounts: Int32Array;
  private readonly finite: number;
  private readonly kept: number;
  private readonly sets: number[];

  /** `chunkSize`: the longest chunk; `outputs`: how many output columns `add` receives. */
  constructor(private readonly kernel: Kernel, readonly inputs: readonly string[], readonly outputs: number, chunkSize: number) {
    this.index = new Map(inputs.map((key, i) => [key, i]));
    this.members = Array.from({ length: inputs.length * 2 }, () => kernel.exports.reserve(4 * chunkSize));
    this.memberCounts = new Int32Array(inputs.length * 2);
    this.finite = kernel.exports.reserve(4 * chunkSize);
    this.kept = kernel.exports.reserve(4 * chunkSize);
    this.sets = Array.from({ length: (inputs.length * 2 + 1) * outputs }, () => kernel.exports.newBins());
  }

  /** Marks which samples are in `input`'s deciles from its uniforms at `uniforms` (call before the quantile stage). */
  mark(input: string, uniforms: number, length: number): void {
    const i = this.index.get(input);
    if (i === undefined) return;
    const both = this.kernel.exports.decileMark(uniforms, length, this.members[2 * i]!, this.members[2 * i + 1]!, BOTTOM_DECILE, TOP_DECILE);
    this.memberCounts[2 * i] = both & 0xffff;
    this.memberCounts[2 * i + 1] = both >>> 16;
  }

  /** Folds the output columns at `columns` (the samples of the last marks); non-finite values are skipped. */
  add(columns: readonly number[], length: number): void {
    const k = this.kernel.exports;
    const sides = this.members.length;
    const stride = this.outputs;
    for (let j = 0; j < stride; j++) {
      const column = columns[j]!;
      const finite = k.finiteIndices(column, length, this.finite);
      k.addAt(this.sets[sides * stride + j]!, column, this.finite, finite, COARSE_BITS);
      for (let s = 0; s < sides; s++) {
        // Non-finite values are rare (a run with any is refused): filter the index lists only then.
        if (finite === length) k.addAt(this.sets[s * stride + j]!, column, this.members[s]!, this.memberCounts[s]!, COARSE_BITS);
        else k.addAt(this.sets[s * stride + j]!, column, this.kept, k.keepFinite(column, this.members[s]!, this.kept, this.memberCounts[s]!), COARSE_BITS);
      }
    }
  }

  export(): DecileSummary {
    return { inputs: [...this.inputs], outputs: this.outputs, sets: this.sets.map((set) => exportBins(this.kernel, set, COARSE_BITS)) };
  }
}
