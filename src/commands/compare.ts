/**
 * The compare job: sample several scenarios (one after another, each with every worker) and write
 * one comparison folder in the report's format: P10/P50/P90 of each headline output side by side.
 * Nothing is written unless every scenario ran and every chart was drawn.
 */
import { join } from 'node:path';
import { buildComparison, REPORT_HTML } from '../../reports/bundle.js';
import { SoraError } from '../errors.js';
import { writeFolder } from '../io/report-folder.js';
import type { Result } from '../result/types.js';
import type { ReportOutcome } from './report.js';
import { withPool } from '../simulate/pool.js';
import { defaultOutDir, outDir, simulateRequest, type RunRequest } from './run.js';

export interface CompareRequest extends Omit<RunRequest, 'scenario'> {
  scenarios: readonly string[];
}

export interface CompareOutcome extends Omit<ReportOutcome, 'result'> {
  results: Result[];
}

/** The default folder of a comparison: out/compare-<a>-vs-<b>…. */
export function defaultCompareDir(names: readonly string[]): string {
  return defaultOutDir(`compare-${names.join('-vs-')}`);
}

export async function compareJob(request: CompareRequest): Promise<CompareOutcome> {
  const { scenarios, ...sampling } = request;
  if (scenarios.length < 2) {
    throw new SoraError('compare needs at least two scenarios', {
      path: 'scenarios',
      expected: 'two or more built-in scenario names or scenario files',
      found: scenarios.length === 0 ? 'none' : scenarios.join(', '),
      hint: 'e.g. sora-mc compare article mission evidence-2025',
    });
  }
  const results: Result[] = [];
  await withPool(request.workers, async (pool) => {
    for (const scenario of scenarios) results.push(await simulateRequest({ ...sampling, scenario }, pool));
  });
  const { files, warnings } = await buildComparison(results);
  const dir = outDir(request.out, () => defaultCompareDir(results.map((r) => r.scenario.name)));
  const written = await writeFolder(dir, files);
  return { results, dir, html: join(dir, REPORT_HTML), files: written, warnings };
}
