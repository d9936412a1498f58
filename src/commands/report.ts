/**
 * The report job: sample a scenario and write its report folder (report.html, result.json,
 * percentiles.csv, summary.md, charts/*.png|svg|vl.json). Every file is made in memory first and
 * only then written, so a run that fails writes nothing. Loads vega: the CLI imports this module
 * only when a report is asked for.
 */
import { join } from 'node:path';
import { buildReport, REPORT_HTML } from '../../reports/bundle.js';
import { BEST_ESTIMATE } from '../scenario/best-estimate-name.js';
import { withPool } from '../simulate/pool.js';
import { DEFAULT_SCENARIO } from './defaults.js';
import { writeFolder } from '../io/report-folder.js';
import type { Result } from '../result/types.js';
import { defaultOutDir, outDir, simulateRequest, type RunRequest } from './run.js';

/** The samples of mission drawn beside the best estimate (its band is only read, to three digits), or the best estimate's own count when smaller. */
export const MISSION_BAND_SAMPLES = 100_000;

/** The scenario sampled beside the best estimate for its band. */
export const BESIDE_SCENARIO = 'mission';

export interface ReportOutcome {
  result: Result;
  /** When the report is the best estimate's: mission's Result (its band is shown beside) and why this is the one to read. */
  beside?: { mission: Result; why: string };
  /** The report folder. */
  dir: string;
  /** The path of report.html. */
  html: string;
  /** Every file written. */
  files: string[];
  /** Warnings raised while drawing charts (none expected). */
  warnings: string[];
}

/**
 * The report of the requested scenario; when that is the best estimate (the default), mission is
 * sampled too, at up to MISSION_BAND_SAMPLES samples with its own seed, on the same workers, and the
 * report leads with the best estimate's answer with mission's band and the article's figure beside it.
 */
export async function reportJob(request: RunRequest): Promise<ReportOutcome> {
  const best = (request.scenario ?? DEFAULT_SCENARIO) === BEST_ESTIMATE;
  let result: Result | undefined;
  let mission: Result | undefined;
  await withPool(request.workers, async (pool) => {
    result = await simulateRequest(request, pool);
    if (best) {
      const samples = String(Math.min(MISSION_BAND_SAMPLES, result.run.samples));
      mission = await simulateRequest({ scenario: BESIDE_SCENARIO, samples, memory: request.memory, progress: request.progress ?? false }, pool);
    }
  });
  const { files, warnings, best: estimate } = await buildReport(result!, undefined, mission ? { mission } : {});
  const dir = outDir(request.out, () => defaultOutDir(result!.scenario.name));
  const written = await writeFolder(dir, files);
  return { result: result!, ...(mission && estimate ? { beside: { mission, why: estimate.why } } : {}), dir, html: join(dir, REPORT_HTML), files: written, warnings };
}
