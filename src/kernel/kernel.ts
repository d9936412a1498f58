/**
 * The WebAssembly kernels (kernels/, compiled by `npm run build`) as JavaScript sees them: one
 * instance, its memory, and typed views of it. No host API is used here, so the same code runs in a
 * worker thread and in a browser: the caller hands over the module's bytes or a compiled module.
 *
 * Views of the memory go stale when it grows (a count page is reserved as values first land in
 * it): `f64(address, length)` always views the current buffer; hold a view only between kernel calls.
 */
import type { QuantileTable } from '../../distributions/index.js';

export interface KernelExports {
  memory: WebAssembly.Memory;
  reserve(bytes: number): number;
  mark(): number;
  release(to: number): void;
  aleaFill(target: number, length: number, state: number): void;
  aleaFill2(target0: number, target1: number, length: number, state0: number, state1: number): void;
  quantiles(column: number, length: number, program: number): void;
  fdlibmLog(x: number): number;
  fdlibmExp(x: number): number;
  logColumn(column: number, length: number): void;
  expColumn(column: number, length: number): void;
  newBins(): number;
  usedPages(bins: number, out: number): number;
  countMoments(column: number, length: number, moments: number): void;
  countBins(column: number, length: number, bins: number, bits: number): void;
  countOutputs(table: number, outputs: number, length: number, moments: number, bits: number): void;
  newTally(limit: number): number;
  tallyColumn(column: number, length: number, tally: number): number;
  tallyValues(tally: number): number;
  tallyCounts(tally: number): number;
  decileMark(uniforms: number, length: number, bottom: number, top: number, bottomEdge: number, topEdge: number): number;
  addAt(bins: number, column: number, idx: number, count: number, bits: number): void;
  finiteIndices(column: number, length: number, finite: number): number;
  keepFinite(column: number, idx: number, kept: number, count: number): number;
  decileFold(columns: number, outputs: number, length: number, members: number, counts: number, sides: number, sets: number, finite: number, kept: number, bits: number): void;
}

/** Bytes of one page table (4,096 32-bit entries, kernels/bins.ts); a bin set holds two. */
export const PAGE_TABLE_BYTES = 4096 * 4;

/** Where a quantile table lives in the kernel's memory (kernels/draw.ts: values, slopes, curvatures). */
interface PlacedTable {
  table: QuantileTable;
  at: number;
}

export class Kernel {
  readonly exports: KernelExports;
  private readonly tables: PlacedTable[] = [];
  /** The top of memory before anything was reserved: reset() returns to it. */
  private readonly start: number;

  private constructor(instance: (imports: WebAssembly.Imports) => WebAssembly.Instance) {
    const imports = {
      sora: {
        tableTail: (id: number, u: number) => this.tables[id]!.table.tail(u),
      },
      env: {
        abort: () => {
          throw new Error('sora-mc kernel: abort');
        },
      },
    };
    this.exports = instance(imports).exports as unknown as KernelExports;
    this.start = this.exports.mark();
  }

  /** Drops everything reserved (columns, bins, placed tables): the start of a run. */
  reset(): void {
    this.exports.release(this.start);
    this.tables.length = 0;
    this.scratchAt = -1;
  }

  private scratchAt = -1;

  /** The address of 16 KiB of scratch memory, reserved once until the next reset(). */
  scratch(): number {
    if (this.scratchAt < 0) this.scratchAt = this.exports.reserve(1 << 14);
    return this.scratchAt;
  }

  /** A kernel from a compiled module, synchronously (a worker thread; a browser with a small module). */
  static fromModule(module: WebAssembly.Module): Kernel {
    return new Kernel((imports) => new WebAssembly.Instance(module, imports));
  }

  /** A kernel from the module's bytes (compiles them; fine for the kernels' few kilobytes). */
  static fromBytes(bytes: BufferSource): Kernel {
    return Kernel.fromModule(new WebAssembly.Module(bytes));
  }

  get buffer(): ArrayBuffer {
    return this.exports.memory.buffer;
  }

  f64(address: number, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, address, length);
  }

  i32(address: number, length: number): Int32Array {
    return new Int32Array(this.exports.memory.buffer, address, length);
  }

  u32(address: number, length: number): Uint32Array {
    return new Uint32Array(this.exports.memory.buffer, address, length);
  }

  /** Reserves zeroed memory for `doubles` doubles; returns its address. */
  reserveF64(doubles: number): number {
    return this.exports.reserve(doubles * 8);
  }

  /** Copies a quantile table's grid into the kernel's memory (computing it first if need be); returns its id and address. */
  placeTable(table: QuantileTable): { id: number; at: number } {
    const known = this.tables.findIndex((placed) => placed.table === table);
    if (known >= 0) return { id: known, at: this.tables[known]!.at };
    const { values, slopes, curvatures } = table.grid();
    const points = values.length;
    const at = this.reserveF64(3 * points);
    this.f64(at, points).set(values);
    this.f64(at + points * 8, points).set(slopes);
    this.f64(at + 2 * points * 8, points).set(curvatures);
    this.tables.push({ table, at });
    return { id: this.tables.length - 1, at };
  }
}
