/**
 * Sampling chunks into the kernel's memory: uniforms (alea drawn by the kernel for plain Monte Carlo;
 * Latin hypercube, Sobol points and the copula written by their JavaScript sources), each uncertain
 * input's quantile program (src/kernel/programs.ts; a family without one runs its JavaScript quantile
 * loop on the same memory), then the model (src/model/compute.ts, the one home of the formulas) on
 * plain JavaScript columns, whose outputs are copied back into the kernel's memory for counting.
 * (V8 runs the model's loop about half as fast on views into one shared buffer — the kernel's memory —
 * as on arrays of their own, measured here; the copies cost far less.) The numbers are those of
 * sampleChunk (chunks.ts) bit for bit (a test).
 */
import type { Distribution } from '../../distributions/index.js';
import type { Kernel } from '../kernel/kernel.js';
import { writeProgram } from '../kernel/programs.js';
import { allocateOutputColumns, computeColumns, type OutputColumns, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { OUTPUT_KEYS, type OutputKey } from '../model/outputs.js';
import { aleaState } from '../sampling/alea.js';
import { CHUNK_SIZE, streamName, type UniformSource } from '../sampling/uniforms.js';
import { allocateInputColumns, chunkBounds } from './chunks.js';
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
  private readonly inputColumns: Record<InputKey, number>;
  private readonly programs: (number | null)[];
  private readonly loops: (QuantileLoop | null)[];
  private readonly states: number;
  private buffer: ArrayBuffer | undefined;
  /** Views of the uncertain inputs' columns in the kernel's memory (valid while the memory does not grow). */
  private drawn!: Record<InputKey, Float64Array>;
  /** The model's own columns. */
  private readonly inputs: Record<InputKey, Float64Array>;
  private readonly outputs: OutputColumns;

  constructor(private readonly kernel: Kernel, private readonly options: KernelChunksOptions) {
    const { distributions } = options;
    this.uncertain = INPUT_KEYS.filter((key) => distributions[key].family !== 'fixed');
    this.inputColumns = Object.fromEntries(this.uncertain.map((key) => [key, kernel.reserveF64(CHUNK_SIZE)])) as Record<InputKey, number>;
    this.inputs = allocateInputColumns(distributions);
    this.outputs = allocateOutputColumns(CHUNK_SIZE);
    this.outputColumns = OUTPUT_KEYS.map(() => kernel.reserveF64(CHUNK_SIZE));
    this.programs = this.uncertain.map((key) => writeProgram(kernel, distributions[key]));
    this.loops = this.uncertain.map((key, i) => (this.programs[i] === null ? quantileLoop(distributions[key].quantile) : null));
    this.states = kernel.reserveF64(4 * this.uncertain.length);
  }

  /** Views of the drawn columns on the kernel's current memory. */
  private views(): void {
    if (this.buffer === this.kernel.buffer) return;
    this.buffer = this.kernel.buffer;
    this.drawn = Object.fromEntries(this.uncertain.map((key) => [key, this.kernel.f64(this.inputColumns[key], CHUNK_SIZE)])) as Record<InputKey, Float64Array>;
  }

  /** Output `key`'s column of the last chunk. */
  output(key: OutputKey): Float64Array {
    return this.outputs[key];
  }

  /** Draws chunk k of a run of `samples` and evaluates the model; returns the chunk's length. */
  sample(k: number, samples: number): number {
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
        x.aleaFill2(this.inputColumns[uncertain[i]!], this.inputColumns[uncertain[i + 1]!], length, this.states + 32 * i, this.states + 32 * (i + 1));
      }
      if (i < uncertain.length) x.aleaFill(this.inputColumns[uncertain[i]!], length, this.states + 32 * i);
    } else {
      this.views();
      const targets = uncertain.map((key) => this.drawn[key].subarray(0, length));
      if (options.uniforms.fillInputs) options.uniforms.fillInputs(targets, uncertain, k);
      else uncertain.forEach((key, i) => options.uniforms.fill(targets[i]!, key, k));
    }
    if (this.onUniforms) for (const key of uncertain) this.onUniforms(key, this.inputColumns[key], length);
    uncertain.forEach((key, i) => {
      const program = this.programs[i];
      if (program !== null) x.quantiles(this.inputColumns[key], length, program!);
      else {
        this.views();
        this.loops[i]!(this.drawn[key], length);
      }
    });
    this.views();
    for (const key of uncertain) this.inputs[key].set(this.drawn[key].subarray(0, length));
    computeColumns(this.inputs, this.outputs, length, options.stepCost);
    const memory = this.kernel.buffer;
    OUTPUT_KEYS.forEach((key, j) => new Float64Array(memory, this.outputColumns[j]!, length).set(this.outputs[key].subarray(0, length)));
    return length;
  }
}
