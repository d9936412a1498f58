// A scenario's sample rebuilt whole in memory from the same per-chunk streams the engine draws, and
// summarised by the in-memory code: what the streaming engine's statistics must equal.
import { allocateOutputColumns } from '../../src/model/compute.js';
import { OUTPUT_KEYS, type OutputKey } from '../../src/model/outputs.js';
import type { UniformSource } from '../../src/sampling/uniforms.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { compileInputs } from '../../src/scenario/compile.js';
import type { Scenario } from '../../src/scenario/resolve.js';
import { allocateInputColumns, chunkBounds, chunkCount, quantileLoops, sampleChunk } from '../../src/simulate/chunks.js';
import { CONFIDENCE, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { summarizeColumn } from '../../src/stats/summarize.js';

export function wholeSampleStats(scenario: Scenario, uniforms: UniformSource, samples: number) {
  const distributions = compileInputs(scenario.resolved);
  const ctx = {
    distributions,
    uniforms,
    stepCost: scenario.resolved.stepCost,
    samples,
    outputs: allocateOutputColumns(CHUNK_SIZE),
    scratch: allocateInputColumns(distributions),
    loops: quantileLoops(distributions),
  };
  const whole = allocateOutputColumns(samples);
  for (let k = 0; k < chunkCount(samples); k++) {
    sampleChunk(k, ctx);
    const [start, end] = chunkBounds(k, samples);
    for (const key of OUTPUT_KEYS) whole[key].set(ctx.outputs[key].subarray(0, end - start), start);
  }
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, summarizeColumn(whole[key], REPORTED_PERCENTILES, CONFIDENCE)])) as Record<
    OutputKey,
    ReturnType<typeof summarizeColumn>
  >;
}
