/** The run job: load a scenario, simulate it, write the Result JSON. */
import { join } from 'node:path';
import { writeFileAtomic, toJson } from '../io/write.js';
import type { Result } from '../result/types.js';
import { loadScenario } from '../scenario/resolve.js';
import { simulate, type SimulateOptions } from '../simulate/simulate.js';
import { progressBar } from '../views/progress.js';

export const DEFAULT_SCENARIO = 'mission';
export const RESULT_FILE = 'result.json';

export interface RunRequest extends Omit<SimulateOptions, 'onProgress'> {
  scenario?: string;
  /** Folder the Result is written to (default out/<scenario name>). */
  out?: string;
  /** Show a progress bar on stderr (it appears only on a terminal, after a second). */
  progress?: boolean;
}

/** The default output folder of a scenario. */
export function defaultOutDir(scenarioName: string): string {
  return join('out', scenarioName.replace(/[^\w.-]+/g, '_'));
}

export async function simulateRequest(request: RunRequest): Promise<Result> {
  const scenario = loadScenario(request.scenario ?? DEFAULT_SCENARIO);
  const bar = request.progress ? progressBar() : undefined;
  try {
    const { samples, seed, workers } = request;
    return await simulate(scenario, { samples, seed, workers, onProgress: bar?.update });
  } finally {
    bar?.stop();
  }
}

export async function runJob(request: RunRequest): Promise<{ result: Result; path: string }> {
  const result = await simulateRequest(request);
  const path = join(request.out ?? defaultOutDir(result.scenario.name), RESULT_FILE);
  writeFileAtomic(path, toJson(result));
  return { result, path };
}
