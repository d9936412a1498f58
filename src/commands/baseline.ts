/**
 * The baseline job: sample scenarios and write one baseline file per scenario (src/regress), or
 * with `update` rewrite existing ones, recording why in each file's history so a reviewer sees
 * why the numbers moved (the rules are in src/regress/targets.ts). Every scenario is loaded and
 * sampled before anything is written, and the files are written all or nothing, so a failed run
 * leaves the baselines as they were. Exit code 0 when written, 2 on bad input; src/views/baseline.ts
 * renders the outcome.
 */
import { SoraError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { writeAll } from '../io/atomic-file.js';
import { toJson } from '../io/json.js';
import { baselineFromResult, describeSource, historyEntry, type Baseline } from '../regress/baseline.js';
import { methodOfSampling } from '../regress/sampling-of.js';
import { parseSamplingMethod } from '../sampling/methods.js';
import { baselineDelta, INITIAL_REASON, plannedTargets, type BaselineOutcome, type WrittenBaseline } from '../regress/targets.js';
import type { Result } from '../result/types.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { withPool } from '../simulate/pool.js';
import { simulate } from '../simulate/simulate.js';
import { withProgressBar } from '../views/progress.js';
import { DEFAULT_BASELINE_DIR } from './check.js';

export type { BaselineOutcome };

export interface BaselineRequest {
  /** Built-in scenario names or scenario files. With `update` and none given: every baseline in `out`. */
  scenarios?: readonly string[] | undefined;
  /** Folder of the baseline files (default baselines/). */
  out?: string | undefined;
  /** Rewrite existing baselines (requires `reason`). */
  update?: boolean | undefined;
  /** Why the baselines are written; recorded in each file's history. */
  reason?: string | undefined;
  samples?: number | string | undefined;
  seed?: string | number | undefined;
  /** The sampling method (mc, lhs, sobol); default: an existing baseline's own, else mc. */
  method?: string | undefined;
  workers?: number | undefined;
  progress?: boolean | undefined;
  /** The date recorded in the history (default: now). */
  date?: Date;
}

/** Runs the baseline job; never throws SoraError (bad input is exit code 2 with the error). */
export async function baselineJob(request: BaselineRequest = {}): Promise<BaselineOutcome> {
  const out = request.out ?? DEFAULT_BASELINE_DIR;
  const date = request.date ?? new Date();
  try {
    const samples = request.samples === undefined ? undefined : parseSampleCount(request.samples, 'samples');
    const seed = request.seed === undefined ? undefined : parseSeed(request.seed, 'seed');
    const method = request.method === undefined ? undefined : parseSamplingMethod(request.method, '--method');
    const targets = plannedTargets(request, out);
    // One pool serves every scenario's run.
    const results = await withPool(request.workers, async (pool) => {
      const done: Result[] = [];
      for (const target of targets) {
        const run = {
          seed: seed ?? target.existing?.baseline.run.seed ?? target.scenario.seed,
          samples: samples ?? target.existing?.baseline.run.samples ?? target.scenario.samples,
          method: method ?? (target.existing ? methodOfSampling(target.existing.baseline.run.sampling) : undefined),
          pool,
        };
        done.push(await withProgressBar(request.progress, (onProgress) => simulate(target.scenario, { ...run, onProgress })));
      }
      return done;
    });
    const reason = request.reason?.trim() || INITIAL_REASON;
    const written = targets.map((target, i): WrittenBaseline & { baseline: Baseline } => {
      const result = results[i]!;
      const history = [...(target.existing?.baseline.history ?? []), historyEntry(result, reason, date)];
      const baseline = baselineFromResult(result, target.file, history);
      return {
        baseline,
        file: target.file,
        scenario: result.scenario.name,
        source: describeSource(baseline.scenario.source),
        samples: result.run.samples,
        seed: result.run.seed,
        hash: result.scenario.hash,
        engine: result.run.engine,
        reason,
        update: target.existing ? baselineDelta(target.existing.baseline, baseline) : undefined,
      };
    });
    writeAll(new Map(written.map((w) => [w.file, toJson(w.baseline)])));
    return { exitCode: EXIT_OK, written: written.map(({ baseline: _, ...w }) => w), errors: [] };
  } catch (error) {
    if (error instanceof SoraError) return { exitCode: EXIT_BAD_INPUT, errors: [error] };
    throw error;
  }
}
