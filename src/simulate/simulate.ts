/** simulate(): a scenario in, a Result out. The one entry point the CLI and library users call. */
import { OUTPUT_KEYS, OUTPUTS, type OutputKey } from '../model/outputs.js';
import { percentile } from '../result/percentile.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type OutputStats, type Result } from '../result/types.js';
import { SAMPLING_METHODS } from '../sampling/methods.js';
import { CHUNK_SIZE, ENGINE_VERSION, GENERATOR } from '../sampling/uniforms.js';
import { compileInputs } from '../scenario/compile.js';
import { outputRelations } from '../scenario/output-relations.js';
import { checkResolvedScenario, type Scenario } from '../scenario/resolve.js';
import { plainScenario } from '../scenario/hand-built.js';
import { CONFIDENCE, INTERVAL_METHOD, QUANTILE_DEFINITION } from '../stats/percentiles.js';
import { mergeDeciles, type DecileSummary } from '../stats/decile-medians.js';
import { replicateIntervalMethod, replicateQuantileDefinition } from '../stats/replicate-stats.js';
import type { RunColumnStats } from '../stats/types.js';
import { decileTornado } from '../stats/tornado.js';
import { TOOL_VERSION } from '../version.js';
import { SoraError } from '../errors.js';
import { parseSimulateOptions, type SimulateOptions } from './options.js';
import { runInThread, IN_THREAD_SAMPLES } from './in-thread.js';
import { SamplerPool } from './pool.js';
import { runReplicates, SOBOL_REPLICATES } from './replicates.js';

export type { SimulateOptions };

/**
 * Percentiles of an output that is infinite or NaN in some samples would silently describe the
 * others only; such a scenario is bad input. Typical cause: an input that may be 0 divides (both
 * AI shares at 0 leave no AI video, so the crossover never comes), or an extreme value overflows.
 */
function refuseNonFinite(stats: Record<OutputKey, { nonFinite: number }>, samples: number): void {
  const broken = OUTPUT_KEYS.filter((key) => stats[key].nonFinite > 0);
  if (broken.length === 0) return;
  const worst = Math.max(...broken.map((key) => stats[key].nonFinite));
  throw new SoraError('the scenario makes some outputs infinite or undefined', {
    path: 'inputs',
    expected: 'inputs whose every combination gives finite outputs',
    found: `${broken.join(', ')} not finite in up to ${worst.toLocaleString('en-US')} of ${samples.toLocaleString('en-US')} samples`,
    hint: 'an input that can be 0 divides by zero (e.g. tiktokAiShare and youtubeAiShare both 0), or an extreme value overflows: bound it away from 0 or truncate it',
  });
}

/** Samples the scenario and summarises every output. */
export async function simulate(given: Scenario, options: SimulateOptions = {}): Promise<Result> {
  const started = performance.now();
  const scenario = plainScenario(given);
  // A Scenario may be built by hand (library use): its sample count, seed and inputs get the checks a file gets.
  const { samples, seed, method, memoryBytes, pool: poolOption, onProgress } = parseSimulateOptions(scenario, options);
  checkResolvedScenario(scenario.resolved);
  // Outputs that are a fixed multiple of another (or of its reciprocal) are counted once (output-relations.ts).
  const relations = outputRelations(compileInputs(scenario.resolved), scenario.resolved.stepCost);
  const deciles: DecileSummary[] = [];
  // A few samples, and no pool or worker count asked for: this thread samples them (in-thread.ts).
  const inThread = options.pool === undefined && options.workers === undefined && samples <= IN_THREAD_SAMPLES;
  const pool = poolOption instanceof SamplerPool ? poolOption : inThread ? { run: runInThread, size: 1, close: async () => {} } : SamplerPool.start(poolOption.workers);
  let stats: Awaited<ReturnType<SamplerPool['run']>>;
  try {
    // A sobol run's replicates each report their deciles: together they are the whole sample's.
    const request = { scenario: scenario.resolved, seed, samples, method, confidence: CONFIDENCE, relations, memoryBytes, onProgress, onDeciles: (summaries: DecileSummary[]) => deciles.push(...summaries) };
    stats = method === 'sobol' ? await runReplicates(pool, { ...request, samplesPath: options.samples === undefined ? 'samples' : '--samples' }) : await pool.run(request);
  } finally {
    if (!(poolOption instanceof SamplerPool)) await pool.close();
  }
  const workers = pool.size;
  try {
    refuseNonFinite(stats, samples);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(scenario.resolved.origin) : error;
  }
  const outputs = Object.fromEntries(
    OUTPUT_KEYS.map((key): [OutputKey, OutputStats] => {
      const { distinct: _distinct, ...columnStats } = stats[key] as RunColumnStats; // the engine's own note, not part of a Result
      return [key, { unit: OUTPUTS[key].unit, label: OUTPUTS[key].label, ...columnStats }];
    }),
  ) as Record<OutputKey, OutputStats>;
  const p50 = Object.fromEntries(OUTPUT_KEYS.map((key) => [key, percentile(stats[key], 0.5).value]));
  const sensitivity = decileTornado(scenario.resolved, mergeDeciles(deciles), p50);
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
      sampling: SAMPLING_METHODS[method],
      ...(method === 'sobol' ? { replicates: SOBOL_REPLICATES } : {}),
      generator: { ...GENERATOR },
      engine: ENGINE_VERSION,
      elapsedMs: Math.round(performance.now() - started),
    },
    method: { quantile: method === 'sobol' ? replicateQuantileDefinition(SOBOL_REPLICATES) : QUANTILE_DEFINITION, interval: method === 'sobol' ? replicateIntervalMethod(SOBOL_REPLICATES) : INTERVAL_METHOD, confidence: CONFIDENCE },
    outputs,
    sensitivity,
  };
}
