/**
 * Which baseline files a `baseline` run writes, and what an update changed. The rules a reviewer
 * can rely on:
 * - an existing baseline is never overwritten without `update`, and `update` needs a reason;
 * - an update keeps the baseline's seed and sample count (unless new ones are given) and its
 *   history, and appends {date, reason, toolVersion, engine, hash, seed, samples};
 * - two scenarios never write one file, and a baseline is never rewritten for another scenario of
 *   the same name.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SoraError } from '../errors.js';
import { display } from '../paths.js';
import { findPercentile } from '../result/percentile.js';
import { builtinNames } from '../scenario/files.js';
import { loadScenario, type Scenario } from '../scenario/resolve.js';
import { baselineFileName, describeSource, sourceFor, type Baseline, type BaselineFile } from './baseline.js';
import { agree } from './exact.js';
import { baselinePaths, readBaseline } from './read.js';
import { scenarioOf } from './scenario-of.js';

export const INITIAL_REASON = 'initial baseline';

/** One baseline to write: the scenario to sample, the file, and the baseline it replaces. */
export interface Target {
  scenario: Scenario;
  file: string;
  existing: BaselineFile | undefined;
}

/** How the numbers of an updated baseline differ from the ones it replaces. */
export interface BaselineDelta {
  /** Percentiles (estimate or bound) that differ beyond rounding, of those both list. */
  changed: number;
  compared: number;
  largest: { output: string; p: number; relative: number } | undefined;
  hashBefore: string;
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

/**
 * The baselines to write into `out`: one per named scenario, or with `update` and no names every
 * baseline already there. `reason` (trimmed) is required with `update`.
 */
export function plannedTargets(request: { scenarios?: readonly string[] | undefined; update?: boolean | undefined; reason?: string | undefined }, out: string): Target[] {
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

/** One baseline as written, for the view. */
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

/** What a baseline job hands its view: the files written (exit 0), or the bad input (exit 2). */
export interface BaselineOutcome {
  exitCode: 0 | 2;
  written?: WrittenBaseline[];
  errors: SoraError[];
}
