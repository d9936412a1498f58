/**
 * The check job: rerun each baseline's scenario with its seed and sample count and report which
 * percentiles moved (src/regress). The exit code is decided here (src/regress/outcome.ts), not in
 * the CLI: 0 when every baseline holds, 1 on drift, 2 on bad input (a missing, truncated or
 * hand-edited baseline, a scenario that no longer loads, a bad option) — bad input is never a pass.
 */
import { randomBytes } from 'node:crypto';
import { writeFileAtomic, toJson } from '../io/write.js';
import { SoraError, show } from '../errors.js';
import type { Scenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { withPool, type SamplerPool } from '../simulate/pool.js';
import { simulate } from '../simulate/simulate.js';
import { TOOL_VERSION } from '../version.js';
import { progressBar } from '../views/progress.js';
import type { BaselineFile } from '../regress/baseline.js';
import { plan, type ComparisonPlan } from '../regress/compare.js';
import { checkMarkdown } from '../regress/markdown.js';
import { badInput, type CommandOutcome } from '../regress/outcome.js';
import { baselinePaths, readBaseline } from '../regress/read.js';
import { CHECK_FORMAT, checkReport, DEFAULT_ALPHA, type CheckReport } from '../regress/report.js';
import { inputWriters, scenarioChange } from '../regress/scenario-change.js';
import { scenarioOf } from '../regress/scenario-of.js';
import { checkText } from '../regress/text.js';

export const DEFAULT_BASELINE_DIR = 'baselines';

export interface CheckRequest {
  /** Baseline files or folders of them (default: baselines/). */
  targets?: readonly string[];
  /** Family-wise false-alarm rate over every percentile compared statistically (default 1e-3). */
  alpha?: number | string;
  /** Rerun with a new random seed (recorded in the output), which selects the statistical tier. */
  freshSeed?: boolean;
  /** Rerun with this seed instead of each baseline's own. */
  seed?: string | number;
  /** Rerun with this many samples instead of each baseline's own. */
  samples?: number | string;
  workers?: number;
  /** A started pool to rerun on (library use: many checks share its workers); else the check starts its own. */
  pool?: SamplerPool;
  /** Also write the report as Markdown to this file (for a pull-request comment). */
  markdown?: string;
  /** Print the report as JSON instead of text. */
  json?: boolean;
  /** Show a progress bar on stderr while sampling. */
  progress?: boolean;
}

export interface CheckOutcome extends CommandOutcome {
  report?: CheckReport;
  /** The Markdown file written, if one was asked for. */
  markdownFile?: string;
}

/** The family-wise rate: a probability strictly between 0 and 1 (`0.001`, `1e-3`). */
export function parseAlpha(value: unknown): number {
  const alpha = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new SoraError('the false-alarm rate must be a probability between 0 and 1', {
      path: 'alpha',
      expected: 'e.g. 0.001 (the default) or 1e-4',
      found: show(value),
    });
  }
  return alpha;
}

/** The seed reruns use instead of each baseline's own: given, drawn fresh (and reported), or none. */
export function rerunSeed(request: Pick<CheckRequest, 'seed' | 'freshSeed'>): CheckReport['seed'] {
  if (request.seed !== undefined && request.freshSeed) {
    throw new SoraError('give either a seed or --fresh-seed, not both', { path: 'fresh-seed', found: `--seed ${show(request.seed)} --fresh-seed` });
  }
  if (request.seed !== undefined) return { value: parseSeed(request.seed, 'seed'), fresh: false };
  if (request.freshSeed) return { value: `fresh-${randomBytes(4).toString('hex')}`, fresh: true };
  return undefined;
}

function shellWord(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Loads every baseline, collecting every bad one (a check reports all of them at once). */
function readAll(files: readonly string[]): { baselines: BaselineFile[]; errors: SoraError[] } {
  const baselines: BaselineFile[] = [];
  const errors: SoraError[] = [];
  for (const file of files) {
    try {
      baselines.push(readBaseline(file));
    } catch (error) {
      if (!(error instanceof SoraError)) throw error;
      errors.push(error);
    }
  }
  return { baselines, errors };
}

/** Reruns each baseline's scenario (with its own seed and sample count unless overridden) and plans its comparison. */
async function rerunAll(
  loaded: readonly { source: BaselineFile; scenario: Scenario }[],
  overrides: { seed: string | undefined; samples: number | undefined; progress: boolean | undefined },
  pool: SamplerPool,
): Promise<ComparisonPlan[]> {
  const plans: ComparisonPlan[] = [];
  for (const { source, scenario } of loaded) {
    const bar = overrides.progress ? progressBar() : undefined;
    let result;
    try {
      result = await simulate(scenario, {
        seed: overrides.seed ?? source.baseline.run.seed,
        samples: overrides.samples ?? source.baseline.run.samples,
        pool,
        onProgress: bar?.update,
      });
    } finally {
      bar?.stop();
    }
    const changed = source.baseline.scenario.hash !== result.scenario.hash;
    const change = changed ? scenarioChange(source.baseline.scenario, result.scenario, inputWriters(result.scenario.origin)) : undefined;
    plans.push(plan(source, result, change));
  }
  return plans;
}

/** Runs the check; never throws SoraError (bad input is exit code 2 with the error on stderr). */
export async function checkCommand(request: CheckRequest = {}): Promise<CheckOutcome> {
  let seed: CheckReport['seed'];
  let alpha: number;
  let samples: number | undefined;
  let loaded: { source: BaselineFile; scenario: Scenario }[];
  try {
    alpha = request.alpha === undefined ? DEFAULT_ALPHA : parseAlpha(request.alpha);
    seed = rerunSeed(request);
    samples = request.samples === undefined ? undefined : parseSampleCount(request.samples, 'samples');
    const { baselines, errors } = readAll(baselinePaths(request.targets?.length ? request.targets : [DEFAULT_BASELINE_DIR]));
    const scenarios = baselines.map((source) => {
      try {
        return { source, scenario: scenarioOf(source) };
      } catch (error) {
        if (!(error instanceof SoraError)) throw error;
        errors.push(error);
        return undefined;
      }
    });
    if (errors.length > 0) return badInput(errors, request.json, CHECK_FORMAT);
    loaded = scenarios.filter((s) => s !== undefined);
  } catch (error) {
    if (error instanceof SoraError) return badInput([error], request.json, CHECK_FORMAT);
    throw error;
  }

  let plans: ComparisonPlan[];
  try {
    // One pool serves every baseline's rerun.
    const overrides = { seed: seed?.value, samples, progress: request.progress };
    plans = request.pool
      ? await rerunAll(loaded, overrides, request.pool)
      : await withPool(request.workers, (pool) => rerunAll(loaded, overrides, pool));
  } catch (error) {
    if (error instanceof SoraError) return badInput([error], request.json, CHECK_FORMAT);
    throw error;
  }

  const targets = request.targets?.length ? [...request.targets] : [DEFAULT_BASELINE_DIR];
  const reproduce = [
    'sora-mc check',
    ...targets,
    ...(seed ? ['--seed', seed.value] : []),
    ...(samples === undefined ? [] : ['--samples', String(samples)]),
    ...(alpha === DEFAULT_ALPHA ? [] : ['--alpha', String(alpha)]),
  ]
    .map((word, i) => (i === 0 ? word : shellWord(word)))
    .join(' ');
  const report = checkReport(plans, { alpha, tool: `sora-mc ${TOOL_VERSION}`, seed, reproduce });
  let markdownFile: string | undefined;
  if (request.markdown !== undefined) {
    writeFileAtomic(request.markdown, checkMarkdown(report));
    markdownFile = request.markdown;
  }
  return {
    exitCode: report.exitCode,
    stdout: request.json ? toJson(report) : `${checkText(report)}\n`,
    stderr: markdownFile ? `Markdown report written to ${markdownFile}\n` : '',
    report,
    ...(markdownFile ? { markdownFile } : {}),
  };
}
