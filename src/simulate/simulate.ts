/** simulate(): a scenario in, a Result out. The one entry point the CLI and library users call. */
import { OUTPUT_KEYS, OUTPUTS, type OutputKey } from '../model/outputs.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type OutputStats, type Result } from '../result/types.js';
import { CHUNK_SIZE, ENGINE_VERSION, GENERATOR } from '../sampling/uniforms.js';
import { compileInputs } from '../scenario/compile.js';
import type { Scenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { INTERVAL_METHOD, QUANTILE_DEFINITION } from '../stats/percentiles.js';
import { tornado } from '../stats/tornado.js';
import { TOOL_VERSION } from '../version.js';
import { checkWorkerCount, defaultWorkerCount, SamplerPool, type Progress } from './pool.js';

export interface SimulateOptions {
  /** Override the scenario's sample count. */
  samples?: number | string;
  /** Override the scenario's seed. */
  seed?: string | number;
  /** Worker threads (default: one per core). The result does not depend on it. */
  workers?: number | undefined;
  /** A started pool to run on (its size is the worker count); without one, simulate starts and closes its own. */
  pool?: SamplerPool | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export const CONFIDENCE = 0.95;

/** Samples the scenario and summarises every output. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Result> {
  const started = performance.now();
  const samples = options.samples === undefined ? scenario.samples : parseSampleCount(options.samples, 'samples');
  const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed, 'seed');
  const pool = options.pool ?? SamplerPool.start(checkWorkerCount(options.workers ?? defaultWorkerCount()));
  let stats: Awaited<ReturnType<SamplerPool['run']>>;
  try {
    stats = await pool.run({ scenario: scenario.resolved, seed, samples, onProgress: options.onProgress });
  } finally {
    if (!options.pool) await pool.close();
  }
  const workers = pool.size;
  const outputs = Object.fromEntries(
    OUTPUT_KEYS.map((key): [OutputKey, OutputStats] => [key, { unit: OUTPUTS[key].unit, label: OUTPUTS[key].label, ...stats[key] }]),
  ) as Record<OutputKey, OutputStats>;
  return {
    format: RESULT_FORMAT,
    formatVersion: RESULT_FORMAT_VERSION,
    tool: { name: 'sora-mc', version: TOOL_VERSION },
    scenario: scenario.resolved,
    run: {
      seed,
      samples,
      workers,
      chunkSize: CHUNK_SIZE,
      sampling: 'monte-carlo',
      generator: { ...GENERATOR },
      engine: ENGINE_VERSION,
      elapsedMs: Math.round(performance.now() - started),
    },
    method: { quantile: QUANTILE_DEFINITION, interval: INTERVAL_METHOD, confidence: CONFIDENCE },
    outputs,
    sensitivity: tornado(compileInputs(scenario.resolved), scenario.resolved.stepCost),
  };
}
