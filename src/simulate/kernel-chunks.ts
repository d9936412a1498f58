/**
 * Sampling chunks into the kernel's memory: uniforms (alea drawn by the kernel for plain Monte Carlo;
 * Latin hypercube, Sobol points and the copula written by their JavaScript sources), each uncertain
 * input's quantile program (src/kernel/programs.ts; a family without one runs its JavaScript quantile
 * loop on the same memory), then the model (src/model/compute.ts, the one home of the formulas) on
 * views of the same columns, which the kernel then counts: nothing is copied. The columns are laid
 * out so that views of them run the model as fast as arrays of their own (src/kernel/columns.ts).
 * The numbers are those of sampleChunk (chunks.ts) bit for bit (a test).
 */
import type { Distribution } from '../../distributions/index.js';
import { reserveColumns } from '../kernel/columns.js';
import type { Kernel } from '../kernel/kernel.js';
import { writeProgram } from '../kernel/programs.js';
import { computeColumns, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { aleaState } from '../sampling/alea.js';
import { CHUNK_SIZE, streamName, type UniformSource } from '../sampling/uniforms.js';
import { chunkBounds } from './chunks.js';
import type { ChunkSource } from './pass-worker.js';
import { quantileLoop, type QuantileLoop } from './quantile-loop.js';

export interface KernelChunksOptions {
  distributions: Readonly<Record<InputKey, Distribution>>;
  stepCost: StepCostModel;
  /** The run's uniform stage; `aleaSeed` set instead when it is plain Monte Carlo without correlations (the kernel draws it). */
  uniforms: UniformSource;
  aleaSeed?: string | undefined;
}

export class KernelChunks implements ChunkSource {
  /** Each output column's address, in OUTPUT_KEYS order. */
  readonly outputColumns: number[];
  readonly uncertain: InputKey[];
  /** Sees each uncertain input's final uniforms (at their address) before its quantile stage: the tornado's marks. */
  onUniforms: ((input: InputKey, address: number, length: number) => void) | undefined;
  /** Each input column's address, in INPUT_KEYS order (a fixed input's holds its value throughout). */
  private readonly inputColumns: number[];
  private readonly programs: (number | null)[];
  private readonly loops: (QuantileLoop | null)[];
  private readonly states: number;
  /** Views of every column on the kernel's memory as it was when they were made (it grows as count pages are taken). */
  private buffer: ArrayBuffer | undefined;
  private inputs!: Record<InputKey, Float64Array>;
  private outputs!: Record<OutputKey, Float64Array>;

  constructor(private readonly kernel: Kernel, private readonly options: KernelChunksOptions) {
    const { distributions } = options;
    this.uncertain = INPUT_KEYS.filter((key) => distributions[key].family !== 'fixed');
    const columns = reserveColumns(kernel, INPUT_KEYS.length + OUTPUT_KEYS.length, CHUNK_SIZE);
    this.inputColumns = columns.slice(0, INPUT_KEYS.length);
    this.outputColumns = columns.slice(INPUT_KEYS.length);
    INPUT_KEYS.forEach((key, i) => {
      if (distributions[key].family === 'fixed') kernel.f64(this.inputColumns[i]!, CHUNK_SIZE).fill(distributions[key].quantile(0.5));
    });
    this.programs = this.uncertain.map((key) => writeProgram(kernel, distributions[key]));
    this.loops = this.uncertain.map((key, i) => (this.programs[i] === null ? quantileLoop(distributions[key].quantile) : null));
    this.states = kernel.reserveF64(4 * this.uncertain.length);
  }

  /** Views of the columns on the kernel's current memory. */
  private views(): void {
    if (this.buffer === this.kernel.buffer) return;
    this.buffer = this.kernel.buffer;
    this.inputs = Object.fromEntries(INPUT_KEYS.map((key, i) => [key, this.kernel.f64(this.inputColumns[i]!, CHUNK_SIZE)])) as Record<InputKey, Float64Array>;
    this.outputs = Object.fromEntries(OUTPUT_KEYS.map((key, j) => [key, this.kernel.f64(this.outputColumns[j]!, CHUNK_SIZE)])) as Record<OutputKey, Float64Array>;
  }

  private column(key: InputKey): number {
    return this.inputColumns[INPUT_KEYS.indexOf(key)]!;
  }

  /** Output `key`'s column of the last chunk. */
  output(key: OutputKey): Float64Array {
    this.views();
    return this.outputs[key];
  }

  /** Draws chunk k of a run of `samples` and evaluates the model; returns the chunk's length. */
  sample(k: number, samples: number): number {
    const length = this.draw(k, samples);
    this.evaluate(length);
    return length;
  }

  /** Draws chunk k's inputs (uniforms, the tornado's marks, quantiles); returns its length. */
  draw(k: number, samples: number): number {
    const [start, end] = chunkBounds(k, samples);
    const length = end - start;
    const { kernel, uncertain, options } = this;
    const x = kernel.exports;
    if (options.aleaSeed !== undefined) {
      const states = kernel.f64(this.states, 4 * uncertain.length);
      uncertain.forEach((key, i) => {
        const s = aleaState(streamName(options.aleaSeed!, key, k));
        states.set([s.s0, s.s1, s.s2, s.c], 4 * i);
      });
      let i = 0;
      for (; i + 1 < uncertain.length; i += 2) {
        x.aleaFill2(this.column(uncertain[i]!), this.column(uncertain[i + 1]!), length, this.states + 32 * i, this.states + 32 * (i + 1));
      }
      if (i < uncertain.length) x.aleaFill(this.column(uncertain[i]!), length, this.states + 32 * i);
    } else {
      this.views();
      const targets = uncertain.map((key) => this.inputs[key].subarray(0, length));
      if (options.uniforms.fillInputs) options.uniforms.fillInputs(targets, uncertain, k);
      else uncertain.forEach((key, i) => options.uniforms.fill(targets[i]!, key, k));
    }
    if (this.onUniforms) for (const key of uncertain) this.onUniforms(key, this.column(key), length);
    uncertain.forEach((key, i) => {
      const program = this.programs[i];
      if (program !== null) x.quantiles(this.column(key), length, program!);
      else {
        this.views();
        this.loops[i]!(this.inputs[key], length);
      }
    });
    return length;
  }

  /** The model over the first `length` samples of the drawn inputs. */
  evaluate(length: number): void {
    this.views();
    computeColumns(this.inputs, this.outputs, length, this.options.stepCost);
  }
}
