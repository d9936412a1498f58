/**
 * How a Result was made, in words, for the report's method section (HTML and Markdown alike):
 * samples, seed, generator, step-cost model, quantile and interval methods, sensitivity method.
 */
import type { StepCostModel } from '../src/model/compute.js';
import type { Result } from '../src/result/types.js';
import { dependenceSentence } from './correlation-words.js';
import { reportSobol, sobolMethodWords } from './sobol-indices.js';
import { deepFrozen } from '../src/frozen.js';

/** What each step-cost model assumes (docs/model.md). */
export const STEP_COST_WORDS: Readonly<Record<StepCostModel, string>> = deepFrozen({
  article: "article: DiT-XL's per-step cost scaled linearly by model size and latent frames, as the article does",
  transformer:
    'transformer (attention-aware): 2 × tokenParams × tokens + 4 × layers × dModel × tokens² per forward pass; training compute corrected by the same ratio',
});

export interface MethodRow {
  label: string;
  value: string;
}

/** The method of a Result as label/value rows. */
export function methodRows(result: Result): MethodRow[] {
  const { run, method, scenario, sensitivity, tool } = result;
  return [
    {
      label: 'Samples',
      value: `${run.samples.toLocaleString('en-US')} (${run.sampling})${run.sampling === 'latin-hypercube' ? '; stratified per chunk of 8,192 values, each input shuffled on its own; the order-statistic intervals assume independent samples, so under Latin hypercube they are conservative (wider than needed) for outputs monotone in the inputs' : ''}${run.sampling === 'scrambled-sobol' ? `; ${run.replicates ?? 8} independent Owen scrambles (replicates) of the same Sobol points (Joe–Kuo direction numbers), ${(run.samples / (run.replicates ?? 8)).toLocaleString('en-US')} points each; the intervals come from the spread between replicates, and the histogram re-bins the replicates' histograms onto common edges (bin counts approximate within a bin)` : ''}`,
    },
    ...(run.precision ? [{ label: 'Run to precision', value: `${run.precision.statement}; batches of ${run.precision.trace.map((b) => b.samples.toLocaleString('en-US')).join(', ')} samples (each the first n samples of one sequence)` }] : []),
    { label: 'Seed', value: run.seed },
    {
      label: 'Random generator',
      value:
        run.sampling === 'scrambled-sobol'
          ? `${run.generator.name} ${run.generator.version} seeds each scramble (stream sora-mc/<seed>/sobol/<replicate>/<dimension>); chunks of ${run.chunkSize.toLocaleString('en-US')} points addressed by point index, so results do not depend on the ${run.workers} worker thread${run.workers === 1 ? '' : 's'} used`
          : `${run.generator.name} ${run.generator.version}; one stream per (seed, input, chunk of ${run.chunkSize.toLocaleString('en-US')}), so results do not depend on the ${run.workers} worker thread${run.workers === 1 ? '' : 's'} used`,
    },
    { label: 'Dependence between inputs', value: dependenceSentence(scenario) },
    { label: 'Step-cost model', value: STEP_COST_WORDS[scenario.stepCost] ?? scenario.stepCost },
    { label: 'Percentiles', value: method.quantile },
    { label: 'Confidence intervals', value: `${Math.round(method.confidence * 100)}% ${method.interval}` },
    { label: 'Sensitivity (tornado)', value: sensitivity.method },
    { label: 'Sobol indices', value: sobolMethodWords(reportSobol(result)) },
    { label: 'Bands over run length, AI share, minutes', value: 'exact: a positive constant times an output has the constant times its percentiles, so each band is the Result\'s percentiles scaled; nothing is resampled' },
    { label: 'Exceedance curve', value: `from the 60-bin histogram's cumulative counts: ${exceedanceAccuracy(run)}, straight lines between` },
    { label: 'Scenario', value: `${scenario.origin} (assumptions sha256 ${scenario.hash.slice(0, 12)})` },
    { label: 'Engine', value: `${tool.name} ${tool.version}${run.engine ? `, engine ${run.engine}` : ''}; sampled in ${(run.elapsedMs / 1000).toFixed(2)} s` },
  ];
}

/** How exact the histogram's cumulative counts are: a sobol histogram is the replicates' re-binned (src/stats/replicate-stats.ts). */
export function exceedanceAccuracy(run: Result['run']): string {
  return run.sampling === 'scrambled-sobol' ? "approximate (the replicates' histograms re-binned onto common edges)" : 'exact at each bin edge';
}
