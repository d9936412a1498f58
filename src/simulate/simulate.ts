/** simulate(): a scenario in, a Result out. The one entry point the CLI and library users call. */
import { OUTPUT_KEYS, OUTPUTS, type OutputKey } from '../model/outputs.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type OutputStats, type Result } from '../result/types.js';
import { CHUNK_SIZE, ENGINE_VERSION, GENERATOR } from '../sampling/uniforms.js';
import { compileInputs, type Scenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { INTERVAL_METHOD, QUANTILE_DEFINITION } from '../stats/percentiles.js';
import { tornado } from '../stats/tornado.js';
import { SoraError, show } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { defaultWorkerCount, runPool, type Progress } from './pool.js';

export interface SimulateOptions {
  /** Override the scenario's sample count. */
  samples?: number | string;
  /** Override the scenario's seed. */
  seed?: string | number;
  /** Worker threads (default: one per core). The result does not depend on it. */
  workers?: number;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export const CONFIDENCE = 0.95;

/** Samples the scenario and summarises every output. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Result> {
  const started = performance.now();
  const samples = options.samples === undefined ? scenario.samples : parseSampleCount(options.samples, 'samples');
  const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed, 'seed');
  const workers = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new SoraError('the worker count must be a whole number from 1 to 256', { path: 'workers', expected: 'e.g. 2', found: show(workers) });
  }
  const { stats } = await runPool({ ...scenario, samples, seed }, workers, options.onProgress);
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
