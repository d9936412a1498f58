/**
 * The check job: rerun each baseline's scenario with its seed and sample count and report which
 * percentiles moved (src/regress). It returns data — the report, or the errors that make the input
 * bad — and its exit code: 0 when every baseline holds, 1 on drift, 2 on bad input (a missing,
 * truncated or hand-edited baseline, a scenario that no longer loads, a bad option). Bad input is
 * never a pass. src/views/check.ts renders the outcome.
 */
import { SoraError } from '../errors.js';
import { EXIT_BAD_INPUT } from '../exit-codes.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import type { BaselineFile } from '../regress/baseline.js';
import { plan, type ComparisonPlan } from '../regress/drift.js';
import { verifyRecordedNumbers } from '../regress/integrity.js';
import { parseAlpha, reproduceCommand, rerunSeed } from '../regress/options.js';
import { baselinePaths, readBaseline } from '../regress/read.js';
import { checkReport, DEFAULT_ALPHA, type CheckOutcome } from '../regress/report.js';

export type { CheckOutcome };
import { inputWriters, scenarioChange } from '../regress/scenario-change.js';
import { scenarioOf } from '../regress/scenario-of.js';
import type { Scenario } from '../scenario/resolve.js';
import { parseSampleCount } from '../scenario/values.js';
import { withPool, type SamplerPool } from '../simulate/pool.js';
import { simulate } from '../simulate/simulate.js';
import { methodOfSampling } from '../regress/sampling-of.js';
import { TOOL_VERSION } from '../version.js';
import { checkMarkdown } from '../views/check-markdown.js';
import { withProgressBar } from '../views/progress.js';

export const DEFAULT_BASELINE_DIR = 'baselines';

export interface CheckRequest {
  /** Baseline files or folders of them (default: baselines/). */
  targets?: readonly string[] | undefined;
  /** Family-wise false-alarm rate over every percentile compared statistically (default 1e-3). */
  alpha?: number | string | undefined;
  /** Rerun with a new random seed (recorded in the output), which selects the statistical tier. */
  freshSeed?: boolean | undefined;
  /** Rerun with this seed instead of each baseline's own. */
  seed?: string | number | undefined;
  /** Rerun with this many samples instead of each baseline's own. */
  samples?: number | string | undefined;
  workers?: number | undefined;
  /** A started pool to rerun on (library use: many checks share its workers); else the check starts its own. */
  pool?: SamplerPool | undefined;
  /** Also write the report as Markdown to this file (for a pull-request comment). */
  markdown?: string | undefined;
  /** Show a progress bar on stderr while sampling. */
  progress?: boolean | undefined;
}

const badInput = (errors: SoraError[]): CheckOutcome => ({ exitCode: EXIT_BAD_INPUT, errors });

type Loaded = { source: BaselineFile; scenario: Scenario };

/** Loads every baseline and its scenario, collecting every bad one (a check reports all of them at once). */
function loadAll(files: readonly string[]): { loaded: Loaded[]; errors: SoraError[] } {
  const loaded: Loaded[] = [];
  const errors: SoraError[] = [];
  for (const file of files) {
    try {
      const source = readBaseline(file);
      loaded.push({ source, scenario: scenarioOf(source) });
    } catch (error) {
      if (!(error instanceof SoraError)) throw error;
      errors.push(error);
    }
  }
  return { loaded, errors };
}

/**
 * Reruns each baseline's scenario (with its own seed and sample count unless overridden), checks that
 * its numbers are the ones sora-mc wrote (src/regress/integrity.ts: in the statistical tier one more
 * run, of the baseline's own record), and plans its comparison. Every bad baseline is reported.
 */
async function rerunAll(
  loaded: readonly Loaded[],
  overrides: { seed: string | undefined; samples: number | undefined; progress: boolean | undefined },
  pool: SamplerPool,
): Promise<{ plans: ComparisonPlan[]; errors: SoraError[] }> {
  const plans: ComparisonPlan[] = [];
  const errors: SoraError[] = [];
  for (const { source, scenario } of loaded) {
    const { seed = source.baseline.run.seed, samples = source.baseline.run.samples } = overrides;
    // Rerun with the baseline's own sampling method, so that an lhs or sobol baseline can hold exactly.
    const method = methodOfSampling(source.baseline.run.sampling);
    const run = (what: Scenario, options: { seed: string; samples: number; method: typeof method }) =>
      withProgressBar(overrides.progress, (onProgress) => simulate(what, { ...options, pool, onProgress }));
    try {
      const result = await run(scenario, { seed, samples, method });
      const changed = source.baseline.scenario.hash !== result.scenario.hash;
      const change = changed ? scenarioChange(source.baseline.scenario, result.scenario, inputWriters(result.scenario.origin)) : undefined;
      const planned = plan(source, result, change);
      await verifyRecordedNumbers(source, scenario, planned.tier, result, (how) => run(how.scenario, how));
      plans.push(planned);
    } catch (error) {
      if (!(error instanceof SoraError)) throw error;
      errors.push(error);
    }
  }
  return { plans, errors };
}

/** Runs the check; never throws SoraError (bad input is exit code 2 with the errors). */
export async function checkJob(request: CheckRequest = {}): Promise<CheckOutcome> {
  const targets = request.targets?.length ? [...request.targets] : [DEFAULT_BASELINE_DIR];
  try {
    const alpha = request.alpha === undefined ? DEFAULT_ALPHA : parseAlpha(request.alpha);
    const seed = rerunSeed(request);
    const samples = request.samples === undefined ? undefined : parseSampleCount(request.samples, 'samples');
    const { loaded, errors } = loadAll(baselinePaths(targets));
    if (errors.length > 0) return badInput(errors);
    // One pool serves every baseline's rerun.
    const overrides = { seed: seed?.value, samples, progress: request.progress };
    const { plans, errors: bad } = request.pool
      ? await rerunAll(loaded, overrides, request.pool)
      : await withPool(request.workers, (pool) => rerunAll(loaded, overrides, pool));
    if (bad.length > 0) return badInput(bad);
    const report = checkReport(plans, { alpha, tool: `sora-mc ${TOOL_VERSION}`, seed, reproduce: reproduceCommand(targets, seed, samples, alpha) });
    if (request.markdown !== undefined) writeFileAtomic(request.markdown, checkMarkdown(report));
    return { exitCode: report.exitCode, report, errors: [], ...(request.markdown === undefined ? {} : { markdownFile: request.markdown }) };
  } catch (error) {
    if (error instanceof SoraError) return badInput([error]);
    throw error;
  }
}
