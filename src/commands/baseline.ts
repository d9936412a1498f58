/**
 * The baseline job: sample scenarios and write one baseline file per scenario (src/regress), or
 * with `update` rewrite existing ones, recording why in each file's history so a reviewer sees
 * why the numbers moved.
 *
 * Rules a reviewer can rely on:
 * - an existing baseline is never overwritten without `update`, and `update` needs a reason;
 * - an update keeps the baseline's seed and sample count (unless new ones are given) and its
 *   history, and appends {date, reason, toolVersion, engine, hash, seed, samples};
 * - every scenario is loaded and sampled before anything is written, and each file is written
 *   atomically, so a failed run leaves the baselines as they were.
 * Exit code 0 when written, 2 on bad input.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SoraError } from '../errors.js';
import { toJson, writeAll } from '../io/write.js';
import { findPercentile } from '../result/percentile.js';
import type { Result } from '../result/types.js';
import { builtinNames } from '../scenario/files.js';
import { loadScenario, type Scenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { withPool } from '../simulate/pool.js';
import { simulate } from '../simulate/simulate.js';
import { progressBar } from '../views/progress.js';
import {
  baselineFileName,
  baselineFromResult,
  describeSource,
  historyEntry,
  sourceFor,
  type Baseline,
  type BaselineFile,
} from '../regress/baseline.js';
import { display } from '../regress/describe.js';
import { agree } from '../regress/exact.js';
import { count, percentileLabel, signedPercent } from '../format.js';
import { baselinePaths, readBaseline } from '../regress/read.js';
import { badInput, EXIT_OK, type CommandOutcome } from '../regress/outcome.js';
import { scenarioOf } from '../regress/scenario-of.js';
import { DEFAULT_BASELINE_DIR } from './check.js';

export const BASELINE_RUN_FORMAT = 'sora-mc/baseline-run';
export const INITIAL_REASON = 'initial baseline';

export interface BaselineRequest {
  /** Built-in scenario names or scenario files. With `update` and none given: every baseline in `out`. */
  scenarios?: readonly string[];
  /** Folder of the baseline files (default baselines/). */
  out?: string;
  /** Rewrite existing baselines (requires `reason`). */
  update?: boolean;
  /** Why the baselines are written; recorded in each file's history. */
  reason?: string;
  samples?: number | string;
  seed?: string | number;
  workers?: number;
  json?: boolean;
  progress?: boolean;
  /** The date recorded in the history (default: now). */
  date?: Date;
}

/** How the numbers of an updated baseline differ from the ones it replaces. */
export interface BaselineDelta {
  /** Percentiles (estimate or bound) that differ beyond rounding, of those both list. */
  changed: number;
  compared: number;
  largest: { output: string; p: number; relative: number } | undefined;
  hashBefore: string;
}

export interface WrittenBaseline {
  file: string;
  scenario: string;
  source: string;
  samples: number;
  seed: string;
  hash: string;
  engine: string;
  reason: string;
  /** Present when an existing baseline was rewritten. */
  update: BaselineDelta | undefined;
}

export interface BaselineOutcome extends CommandOutcome {
  written?: WrittenBaseline[];
}

interface Target {
  scenario: Scenario;
  file: string;
  existing: BaselineFile | undefined;
}

/** Compares the numbers of an old baseline with its replacement. */
export function baselineDelta(before: Baseline, after: Baseline): BaselineDelta {
  let changed = 0;
  let compared = 0;
  let largest: BaselineDelta['largest'];
  for (const [output, stats] of Object.entries(after.outputs)) {
    const old = before.outputs[output];
    if (!old) continue;
    for (const q of stats.percentiles) {
      const o = findPercentile(old.percentiles, q.p);
      if (!o) continue;
      compared += 1;
      if (agree(o.value, q.value) && agree(o.lower, q.lower) && agree(o.upper, q.upper)) continue;
      changed += 1;
      const relative = o.value === 0 ? 0 : (q.value - o.value) / Math.abs(o.value);
      if (!largest || Math.abs(relative) > Math.abs(largest.relative)) largest = { output, p: q.p, relative };
    }
  }
  return { changed, compared, largest, hashBefore: before.scenario.hash };
}

function targetsToUpdate(out: string): Target[] {
  return baselinePaths([out]).map((path) => {
    const existing = readBaseline(path);
    return { scenario: scenarioOf(existing), file: existing.file, existing };
  });
}

function targetsNamed(refs: readonly string[], out: string, update: boolean): Target[] {
  const targets = refs.map((ref): Target => {
    const scenario = loadScenario(ref);
    const file = resolve(out, baselineFileName(scenario.resolved.name));
    if (!existsSync(file)) return { scenario, file, existing: undefined };
    if (!update) {
      throw new SoraError('a baseline for this scenario already exists', {
        file: display(file),
        expected: 'a new baseline, or --update with a --reason to rewrite it',
        found: `the baseline of ${scenario.resolved.name}`,
        hint: `sora-mc baseline ${ref} --out ${out} --update --reason "why the numbers move"`,
      });
    }
    const existing = readBaseline(file);
    const wanted = sourceFor(scenario.resolved.origin, file);
    if (describeSource(existing.baseline.scenario.source) !== describeSource(wanted)) {
      throw new SoraError('this baseline belongs to another scenario of the same name', {
        file: display(file),
        path: 'scenario.source',
        expected: describeSource(wanted),
        found: describeSource(existing.baseline.scenario.source),
        hint: 'give the scenarios different names, or keep their baselines in different --out folders',
      });
    }
    return { scenario, file, existing };
  });
  const seen = new Map<string, string>();
  refs.forEach((ref, i) => {
    const file = targets[i]!.file;
    const other = seen.get(file);
    if (other !== undefined) {
      throw new SoraError('two scenarios would write the same baseline file', {
        file: display(file),
        found: `${other} and ${ref}, both named ${targets[i]!.scenario.resolved.name}`,
        hint: 'give them different names (name: in the scenario file), or baseline them into different --out folders',
      });
    }
    seen.set(file, ref);
  });
  return targets;
}

function plannedTargets(request: BaselineRequest, out: string): Target[] {
  const update = request.update === true;
  const reason = request.reason?.trim();
  if (update && !reason) {
    throw new SoraError('an update needs a reason, recorded in each baseline so reviewers see why the numbers moved', {
      path: 'reason',
      expected: '--reason "what changed and why"',
      found: request.reason === undefined ? 'nothing' : JSON.stringify(request.reason),
    });
  }
  if (request.reason !== undefined && !reason) {
    throw new SoraError('the reason is empty', { path: 'reason', expected: 'a sentence saying why', found: JSON.stringify(request.reason) });
  }
  const refs = request.scenarios ?? [];
  if (refs.length > 0) return targetsNamed(refs, out, update);
  if (update) return targetsToUpdate(out);
  throw new SoraError('name the scenarios to baseline', {
    path: 'scenario',
    expected: `built-in names (${builtinNames().join(', ')}) or scenario files`,
    found: 'none',
    hint: `sora-mc baseline mission --out ${out}; or rewrite every baseline in ${out} with --update --reason "..."`,
  });
}

function describeWritten(w: WrittenBaseline): string {
  const head = `${w.update ? 'updated' : 'wrote'} ${display(w.file)}: ${w.scenario} (${w.source}), ${count(w.samples)} samples, seed ${w.seed}, ${w.engine}, hash ${w.hash.slice(0, 12)}`;
  if (!w.update) return `${head}\n  reason: ${w.reason}`;
  const { changed, compared, largest, hashBefore } = w.update;
  const moved =
    changed === 0
      ? `no percentile changed (of ${count(compared)})`
      : `${count(changed)} of ${count(compared)} percentiles changed` +
        (largest ? `, largest ${largest.output} ${percentileLabel(largest.p)} ${signedPercent(largest.relative)}` : '');
  const hash = hashBefore === w.hash ? 'same assumptions' : `assumptions changed (hash ${hashBefore.slice(0, 12)} → ${w.hash.slice(0, 12)})`;
  return `${head}\n  reason: ${w.reason}\n  ${moved}; ${hash}`;
}

/** Runs the baseline job; never throws SoraError (bad input is exit code 2 with the error on stderr). */
export async function baselineCommand(request: BaselineRequest = {}): Promise<BaselineOutcome> {
  const out = request.out ?? DEFAULT_BASELINE_DIR;
  const date = request.date ?? new Date();
  try {
    const samples = request.samples === undefined ? undefined : parseSampleCount(request.samples, 'samples');
    const seed = request.seed === undefined ? undefined : parseSeed(request.seed, 'seed');
    const targets = plannedTargets(request, out);
    // One pool serves every scenario's run.
    const results = await withPool(request.workers, async (pool) => {
      const done: Result[] = [];
      for (const target of targets) {
        const bar = request.progress ? progressBar() : undefined;
        try {
          done.push(
            await simulate(target.scenario, {
              seed: seed ?? target.existing?.baseline.run.seed ?? target.scenario.seed,
              samples: samples ?? target.existing?.baseline.run.samples ?? target.scenario.samples,
              pool,
              onProgress: bar?.update,
            }),
          );
        } finally {
          bar?.stop();
        }
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
    const summary = written.map(({ baseline: _, ...w }) => w);
    return {
      exitCode: EXIT_OK,
      stdout: request.json ? toJson({ format: BASELINE_RUN_FORMAT, ok: true, written: summary }) : `${summary.map(describeWritten).join('\n')}\n`,
      stderr: '',
      written: summary,
    };
  } catch (error) {
    if (error instanceof SoraError) return badInput([error], request.json, BASELINE_RUN_FORMAT);
    throw error;
  }
}
