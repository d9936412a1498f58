/**
 * The baseline file: what a percentile regression check compares against.
 *
 * A baseline is the part of a Result that can be checked again: how to find the scenario (a
 * built-in name, or the scenario file's path relative to the baseline file so a repository's
 * baselines work from any checkout), the scenario's assumption hash and resolved input specs (so a
 * check can name which inputs changed, not only that the hash did), how the sample was drawn
 * (seed, sample count, sampling method, generator, engine, tool), and per output the percentiles
 * with their 95% order-statistic intervals and the sample count behind them.
 *
 * It leaves out what does not reproduce (elapsed time, worker count): regenerating a baseline
 * with the same engine gives the same file except for its history, so diffs in review show only
 * numbers that moved. Each history entry carries a digest of every output's numbers as written
 * (./integrity.ts), and the recorded inputs are enough to rerun the sample: a check can tell
 * numbers sora-mc did not write.
 */
import { posix, relative, dirname, isAbsolute, resolve, sep } from 'node:path';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { fileSafe } from '../paths.js';
import type { InputAssumption, OutputStats, ResolvedScenario, Result, RunInfo } from '../result/types.js';
import { outputDigests } from './integrity.js';

export const BASELINE_FORMAT = 'sora-mc/baseline' as const;
export const BASELINE_FORMAT_VERSION = 1 as const;

/** Where the scenario is found again: a built-in by name, or a file relative to the baseline file. */
export type ScenarioSource = { builtin: string } | { path: string };

/** An input as the baseline records it: its canonical distribution and the distribution in words. */
export type BaselineInput = Pick<InputAssumption, 'spec' | 'description'>;

export interface BaselineScenario extends Pick<ResolvedScenario, 'name' | 'hash' | 'stepCost'> {
  source: ScenarioSource;
  inputs: Record<string, BaselineInput>;
  /** The scenario's rank correlations, when it has any (part of the assumptions the hash covers). */
  correlations?: { inputs: string[]; rank: number[][] };
}

/** How the sample was drawn; equal engines give equal numbers for equal scenario, seed and sample count. */
export interface BaselineRun extends Pick<RunInfo, 'seed' | 'samples' | 'generator' | 'engine'> {
  /** The sampling method, e.g. `monte-carlo` (a string: baselines may name methods of other versions). */
  sampling: string;
  tool: { name: string; version: string };
}

/** An output's percentiles with their intervals, and the finite samples behind them. */
export type BaselineOutput = Pick<OutputStats, 'unit' | 'label' | 'n' | 'percentiles'>;

/** One entry per time the baseline was written: why, by which tool, for which assumptions. */
export interface HistoryEntry extends Pick<RunInfo, 'engine' | 'seed' | 'samples'> {
  /** ISO 8601 date and time. */
  date: string;
  reason: string;
  toolVersion: string;
  hash: string;
  /** Per output, the digest of the numbers written (./integrity.ts); absent in entries of older versions. */
  digests?: Record<string, string>;
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  formatVersion: typeof BASELINE_FORMAT_VERSION;
  scenario: BaselineScenario;
  run: BaselineRun;
  method: Result['method'];
  /** The probabilities every output lists, in order. */
  percentiles: number[];
  outputs: Record<string, BaselineOutput>;
  history: HistoryEntry[];
}

/** A baseline together with the file it was read from (absolute path). */
export interface BaselineFile {
  file: string;
  baseline: Baseline;
}

/**
 * The source a baseline written to `baselineFile` records for a scenario whose origin is
 * `origin` (`builtin:<name>` or an absolute path): a built-in stays a name; a file becomes a
 * POSIX path relative to the baseline's folder.
 */
export function sourceFor(origin: string, baselineFile: string): ScenarioSource {
  if (origin.startsWith('builtin:')) return { builtin: origin.slice('builtin:'.length) };
  const path = relative(dirname(resolve(baselineFile)), origin).split(sep).join(posix.sep);
  return { path: path.startsWith('.') ? path : `./${path}` };
}

/**
 * The reference loadScenario() takes for a baseline's source: the built-in name, or the file's
 * absolute path (relative paths are read from the baseline file's folder).
 */
export function scenarioRef(source: ScenarioSource, baselineFile: string): string {
  if ('builtin' in source) return source.builtin;
  return isAbsolute(source.path) ? source.path : resolve(dirname(resolve(baselineFile)), source.path);
}

export function describeSource(source: ScenarioSource): string {
  return 'builtin' in source ? `built-in scenario ${source.builtin}` : source.path;
}

/** Every output's percentiles and intervals as a baseline records them. */
function baselineOutputs(result: Result): Record<string, BaselineOutput> {
  return Object.fromEntries(
    OUTPUT_KEYS.map((key) => {
      const stats = result.outputs[key];
      return [
        key,
        {
          unit: stats.unit,
          label: stats.label,
          n: stats.n,
          percentiles: stats.percentiles.map(({ p, value, lower, upper, coverage }) => ({ p, value, lower, upper, ...(coverage === undefined ? {} : { coverage }) })),
        },
      ];
    }),
  );
}

/** The baseline of a Result, to be written at `baselineFile`, with its history. */
export function baselineFromResult(result: Result, baselineFile: string, history: HistoryEntry[]): Baseline {
  const { scenario, run } = result;
  const percentiles = result.outputs[OUTPUT_KEYS[0]].percentiles.map((q) => q.p);
  return {
    format: BASELINE_FORMAT,
    formatVersion: BASELINE_FORMAT_VERSION,
    scenario: {
      source: sourceFor(scenario.origin, baselineFile),
      name: scenario.name,
      hash: scenario.hash,
      stepCost: scenario.stepCost,
      inputs: Object.fromEntries(
        Object.entries(scenario.inputs).map(([key, input]) => [key, { spec: input.spec, description: input.description }]),
      ),
      ...(scenario.correlations ? { correlations: { inputs: [...scenario.correlations.inputs], rank: scenario.correlations.rank.map((row) => [...row]) } } : {}),
    },
    run: {
      seed: run.seed,
      samples: run.samples,
      sampling: run.sampling,
      generator: { ...run.generator },
      engine: run.engine,
      tool: { ...result.tool },
    },
    method: { ...result.method },
    percentiles,
    outputs: baselineOutputs(result),
    history,
  };
}

/** The history entry for writing `result` now, for `reason`: with the digest of every output's numbers. */
export function historyEntry(result: Result, reason: string, date: Date): HistoryEntry {
  return {
    date: date.toISOString(),
    reason,
    toolVersion: result.tool.version,
    engine: result.run.engine,
    hash: result.scenario.hash,
    seed: result.run.seed,
    samples: result.run.samples,
    digests: outputDigests(baselineOutputs(result)),
  };
}

/** The file name of a scenario's baseline in a baselines folder: `<scenario name>.json`. */
export function baselineFileName(scenarioName: string): string {
  return `${fileSafe(scenarioName)}.json`;
}
