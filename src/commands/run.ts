/** The run job: load a scenario, simulate it, write the Result JSON. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCENARIO } from './defaults.js';
import { SoraError } from '../errors.js';
import { fileSafe } from '../paths.js';
import { toJson } from '../io/json.js';
import { addToFolder, refuseRoot } from '../io/report-folder.js';
import type { Result } from '../result/types.js';
import { IN_THREAD_SAMPLES } from '../simulate/in-thread.js';
import { withPool, type SamplerPool } from '../simulate/pool.js';
import { parseSampleCount } from '../scenario/values.js';
import type { SimulateOptions } from '../simulate/simulate.js';
import { withProgressBar } from '../views/progress.js';

export { DEFAULT_SCENARIO };
export const RESULT_FILE = 'result.json';

export interface RunRequest extends Omit<SimulateOptions, 'onProgress'> {
  scenario?: string;
  /** Folder the Result is written to (default out/<scenario name>). */
  out?: string;
  /** Run to precision: the target relative half-width (`0.5%`), and the sample cap (--max-samples). */
  precision?: string | undefined;
  maxSamples?: string | undefined;
  /** Show a progress bar on stderr (it appears only on a terminal, after a second). */
  progress?: boolean;
}

/** The folder a job writes to: `--out` when given (it may not be empty), else `fallback`. */
export function outDir(out: string | undefined, fallback: () => string): string {
  if (out === undefined) return fallback();
  if (out.trim() === '') {
    throw new SoraError('the output folder is empty', { path: 'out', expected: 'a folder name, e.g. out/my-run', found: '""' });
  }
  refuseRoot(out);
  return out;
}

/** The default output folder of a scenario. */
export function defaultOutDir(scenarioName: string): string {
  return join('out', fileSafe(scenarioName));
}

/**
 * Loads the requested scenario and simulates it on `pool`, or on a pool of its own started before
 * the scenario is read, so that the workers load their code while the scenario file is parsed.
 */
export async function simulateRequest(request: RunRequest, pool?: SamplerPool): Promise<Result> {
  // A few samples run in this thread (src/simulate/in-thread.ts): then no pool is started.
  if (!pool && !fewSamples(request)) return withPool(request.workers, (own) => simulateRequest(request, own));
  // Loaded only now, while the pool's workers load their own code: on 2 cores this hides ~0.3 s.
  const [{ loadScenario }, { simulate }] = await Promise.all([import('../scenario/resolve.js'), import('../simulate/simulate.js')]);
  const scenario = loadScenario(request.scenario ?? DEFAULT_SCENARIO);
  const { samples, seed, memory, method, precision, maxSamples } = request;
  if (precision === undefined && maxSamples !== undefined) {
    throw new SoraError('--max-samples caps a run to precision', { path: '--max-samples', expected: 'together with --precision, e.g. --precision 0.5%', found: `--max-samples ${maxSamples} alone` });
  }
  if (precision !== undefined) {
    const { simulateToPrecision } = await import('../simulate/precision.js');
    return simulateToPrecision(scenario, { precision, maxSamples, firstBatch: samples, seed, memory, method, pool });
  }
  return withProgressBar(request.progress, (onProgress) => simulate(scenario, { samples, seed, memory, method, pool, onProgress }));
}

/** Whether the request asks for few enough samples (and no workers) that simulate() runs it in this thread. */
function fewSamples({ samples, workers, precision }: RunRequest): boolean {
  if (samples === undefined || workers !== undefined || precision !== undefined) return false;
  try {
    return parseSampleCount(samples, '--samples') <= IN_THREAD_SAMPLES;
  } catch {
    return false; // simulate() reports it
  }
}

/** The sub-folder `run` writes to when its folder is a report's: the report's own result.json stays as drawn. */
export const RUN_SUBDIR = 'run';

/**
 * Where `run` writes its Result: `<folder>/result.json`, unless the folder holds a report (report.html),
 * whose result.json is the one its charts were drawn from: then `<folder>/run/result.json`, and
 * `besideReport` says so.
 */
export function runResultPath(dir: string): { path: string; besideReport: boolean } {
  const besideReport = existsSync(join(dir, 'report.html'));
  return { path: besideReport ? join(dir, RUN_SUBDIR, RESULT_FILE) : join(dir, RESULT_FILE), besideReport };
}

export async function runJob(request: RunRequest): Promise<{ result: Result; path: string; besideReport: boolean }> {
  const result = await simulateRequest(request);
  const dir = outDir(request.out, () => defaultOutDir(result.scenario.name));
  const { path, besideReport } = runResultPath(dir);
  // Beside whatever else the folder holds; a result.json there must be one sora-mc wrote, unchanged.
  await addToFolder(dir, new Map([[besideReport ? `${RUN_SUBDIR}/${RESULT_FILE}` : RESULT_FILE, toJson(result)]]));
  return { result, path, besideReport };
}
