/**
 * The one-line source under every chart, as data desks print it: what was simulated (scenario,
 * samples, seed, step cost) and whose figures the chart marks beside it.
 */
import type { Result } from '../src/result/types.js';

/** Figures a chart marks beside the simulation. */
export type Cited = 'article' | 'published' | 'prices' | 'calibration';

const CITED: Record<Cited, string> = {
  article: 'the article: M. Plappert for Factorial Funds, March 2024',
  published: 'published models: their papers, model cards and READMEs (listed under Sources)',
  prices: "list prices: OpenAI's Sora 2 API price list, 2025; analyst cost: Forbes, November 2025",
  calibration: "measured timings: sora-mc's calibration set (src/calibration/calibration.json, each figure with its source)",
};

/** `calibrated (1,000,000 samples, seed 2026, transformer step cost)`. */
export function runWords(result: Result): string {
  const { scenario, run } = result;
  return `${scenario.name} (${run.samples.toLocaleString('en-US')} samples, seed ${run.seed}, ${scenario.stepCost} step cost)`;
}

/** `Source: sora-mc simulation of calibrated (…); the article: …`. */
export function chartSource(results: Result | readonly Result[], cited: readonly Cited[] = []): string {
  const list = Array.isArray(results) ? results : [results as Result];
  const simulated = `sora-mc simulation of ${list.map(runWords).join(' and ')}`;
  return `Source: ${[simulated, ...cited.map((c) => CITED[c])].join('; ')}.`;
}
