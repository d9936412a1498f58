/**
 * The check report: every baseline's comparison plus the method and the family-wise false-alarm
 * rate it was judged at. It is plain JSON (what `--json` prints) and what the text and Markdown
 * renderings are made from.
 */
import type { SoraError } from '../errors.js';
import type { ExitCode } from '../exit-codes.js';
import { count, probability } from '../format.js';
import { bonferroniCritical, DETECTION_POWER } from './statistical.js';
import { EXACT_RELATIVE_TOLERANCE } from './exact.js';
import { familySize, judge, type BaselineComparison, type ComparisonPlan } from './drift.js';

export const CHECK_FORMAT = 'sora-mc/check' as const;
export const CHECK_FORMAT_VERSION = 1 as const;
export const DEFAULT_ALPHA = 1e-3;

export interface Family {
  /** The family-wise false-alarm rate the user set. */
  alpha: number;
  /** Percentiles compared statistically across the whole check (the Bonferroni family). */
  size: number;
  /** Each percentile's two-sided test level α/m, and its |z| threshold (undefined when no percentile is compared statistically). */
  perTest: number | undefined;
  zCritical: number | undefined;
}

export interface CheckReport {
  format: typeof CHECK_FORMAT;
  formatVersion: typeof CHECK_FORMAT_VERSION;
  tool: string;
  ok: boolean;
  /** 0 when every baseline holds, 1 on drift. (Bad input never gets a report: it exits 2.) */
  exitCode: 0 | 1;
  family: Family;
  method: { exact: string; statistical: string };
  /** The seed the reruns used instead of each baseline's own, when one was given or drawn. */
  seed: { value: string; fresh: boolean } | undefined;
  /** A command line that repeats this check (with the same seed). */
  reproduce: string;
  baselines: BaselineComparison[];
}

/** What a check job hands its view: the report and its exit code, or the errors that make the input bad (exit 2). */
export interface CheckOutcome {
  exitCode: ExitCode;
  /** The report, unless the input was bad. */
  report?: CheckReport;
  /** Why the input is bad: every bad baseline, not only the first. */
  errors: SoraError[];
  /** The Markdown file written, if one was asked for. */
  markdownFile?: string;
}

export function exactMethod(): string {
  return (
    'exact tier (same scenario hash, seed, sample count, sampling, generator and engine): every percentile ' +
    `and interval bound must agree to ${EXACT_RELATIVE_TOLERANCE} relative; a difference means the engine's output changed`
  );
}

export function statisticalMethod(family: Family): string {
  if (family.zCritical === undefined) {
    return (
      `statistical tier: not needed (every baseline reran exactly); it would judge each percentile by its combined ` +
      `95% order-statistic intervals at a family-wise false-alarm rate ≤ α = ${probability(family.alpha)} (Bonferroni)`
    );
  }
  return (
    `statistical tier: z = |now − baseline| / √(se_b² + se_n²), each se the wider half of its 95% order-statistic ` +
    `interval ÷ 1.96; Bonferroni over ${count(family.size)} percentiles: each two-sided at α/m = ${probability(family.perTest!)}, ` +
    `fails when |z| > ${family.zCritical.toFixed(2)}; family-wise false-alarm rate ≤ α = ${probability(family.alpha)}. ` +
    `Rows without spread toward the change (atoms, fixed outputs) use the rank bound of the intervals. ` +
    `Detectable drift: the relative move found with ${DETECTION_POWER * 100}% probability.`
  );
}

/** The family-wise setting for plans at rate `alpha`. */
export function familyFor(plans: readonly ComparisonPlan[], alpha: number): Family {
  const size = familySize(plans);
  if (size === 0) return { alpha, size, perTest: undefined, zCritical: undefined };
  return { alpha, size, perTest: alpha / size, zCritical: bonferroniCritical(alpha, size) };
}

/** Judges every plan at the check's shared threshold and assembles the report. */
export function checkReport(
  plans: readonly ComparisonPlan[],
  options: { alpha: number; tool: string; seed: CheckReport['seed']; reproduce: string },
): CheckReport {
  const family = familyFor(plans, options.alpha);
  const baselines = plans.map((plan) => judge(plan, family.zCritical ?? Infinity));
  const ok = baselines.every((b) => b.ok);
  return {
    format: CHECK_FORMAT,
    formatVersion: CHECK_FORMAT_VERSION,
    tool: options.tool,
    ok,
    exitCode: ok ? 0 : 1,
    family,
    method: { exact: exactMethod(), statistical: statisticalMethod(family) },
    seed: options.seed,
    reproduce: options.reproduce,
    baselines,
  };
}
