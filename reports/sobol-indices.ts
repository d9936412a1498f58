/**
 * The Sobol indices the report draws, computed at report time by the same code as
 * `sora-mc sensitivity` (src/sensitivity/saltelli.ts) at a modest design size: N = REPORT_SOBOL_ROWS
 * rows per Saltelli matrix, the run's seed, the command's 500 bootstrap resamples. That is
 * N × (uncertain inputs + 2) model runs: 28,672 for mission (5 inputs), 49,152 for evidence-2025 (10),
 * in the report's own process. Its intervals are about
 * √(16,384 / 4,096) = 2× wider than the command's default; `sora-mc sensitivity` gives the narrower ones.
 * One analysis per Result object (the charts and the method table share it).
 */
import type { Result } from '../src/result/types.js';
import { sensitivityAnalysis, type SensitivityAnalysis } from '../src/sensitivity/saltelli.js';

export const REPORT_SOBOL_ROWS = 1 << 12;

const cache = new WeakMap<Result, SensitivityAnalysis>();

/** The report's Sobol analysis of `result`'s scenario (cached per Result). */
export function reportSobol(result: Result): SensitivityAnalysis {
  let analysis = cache.get(result);
  if (!analysis) {
    analysis = sensitivityAnalysis(result.scenario, { seed: result.run.seed, baseSamples: REPORT_SOBOL_ROWS });
    cache.set(result, analysis);
  }
  return analysis;
}

/** The method table's words for it. */
export function sobolMethodWords(analysis: SensitivityAnalysis): string {
  const level = Math.round(analysis.confidence * 100);
  const ignored = analysis.correlationsIgnored.length > 0 ? `; the scenario's correlations are not applied here (inputs drawn independently: ${analysis.correlationsIgnored.join(', ')})` : '';
  return (
    `${analysis.method}; N = ${analysis.baseSamples.toLocaleString('en-US')} rows per matrix (${analysis.evaluations.toLocaleString('en-US')} model runs), ` +
    `seed ${analysis.seed}, ${level}% intervals from ${analysis.resamples} resamples${ignored}; \`sora-mc sensitivity\` computes the same at N = 16,384 by default`
  );
}
