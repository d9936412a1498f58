/**
 * The report job: sample a scenario and write its report folder (report.html, result.json,
 * percentiles.csv, summary.md, charts/*.png|svg|vl.json). Every file is made in memory first and
 * only then written, so a run that fails writes nothing. Loads vega: the CLI imports this module
 * only when a report is asked for.
 */
import { join } from 'node:path';
import { buildReport, REPORT_HTML } from '../../reports/bundle.js';
import { writeFolder } from '../io/report-folder.js';
import type { Result } from '../result/types.js';
import { defaultOutDir, outDir, simulateRequest, type RunRequest } from './run.js';

export interface ReportOutcome {
  result: Result;
  /** The report folder. */
  dir: string;
  /** The path of report.html. */
  html: string;
  /** Every file written. */
  files: string[];
  /** Warnings raised while drawing charts (none expected). */
  warnings: string[];
}

export async function reportJob(request: RunRequest): Promise<ReportOutcome> {
  const result = await simulateRequest(request);
  const { files, warnings } = await buildReport(result);
  const dir = outDir(request.out, () => defaultOutDir(result.scenario.name));
  const written = await writeFolder(dir, files);
  return { result, dir, html: join(dir, REPORT_HTML), files: written, warnings };
}
