/**
 * Comparing a rerun with its baseline, in two tiers.
 *
 * - exact: the scenario hash, seed, sample count, sampling method, generator and engine all
 *   match, so every percentile and interval bound must agree to 1e-12 relative (./exact.ts); a
 *   difference means "the engine's output changed".
 * - statistical: anything of those differs (a fresh seed, another sample count, a new engine, an
 *   edited scenario), so a percentile fails only when it moved beyond sampling noise at the
 *   family-wise false-alarm rate of the whole check (./statistical.ts).
 *
 * A check compares several baselines at once; the Bonferroni family is every percentile compared
 * statistically in the check, so the stated rate holds for the whole CI job. Hence two steps:
 * plan() (tier and rows, no verdicts) for every baseline, then judge() with the shared threshold.
 */
import { median } from 'simple-statistics';
import { SoraError } from '../errors.js';
import { minimumSampleCount } from '../stats/intervals.js';
import { count } from '../format.js';
import type { OutputKey } from '../model/outputs.js';
import { findPercentile } from '../result/percentile.js';
import type { PercentileEstimate, Result } from '../result/types.js';
import { describeSource, type BaselineFile } from './baseline.js';
import { compareExactly, EXACT_RELATIVE_TOLERANCE } from './exact.js';
import type { ScenarioChange } from './scenario-change.js';
import { testPercentile, type Estimate } from './statistical.js';

export type Tier = 'exact' | 'statistical';

export interface RowComparison {
  output: string;
  label: string;
  unit: string;
  p: number;
  base: PercentileEstimate;
  now: PercentileEstimate;
  verdict: 'holds' | 'moved';
  /** now − base, and relative to |base| (undefined when base is 0). */
  change: number;
  changeRelative: number | undefined;
  /** The largest |change| that holds, absolute and relative. */
  allowed: number;
  allowedRelative: number | undefined;
  /** Statistical tier: the test statistic and how it was computed. */
  z?: number;
  basis?: 'interval' | 'ranks' | 'equal';
  /** Statistical tier: the relative drift this row detects with 90% probability. */
  detectableRelative?: number;
  /** Exact tier: which numbers differ beyond rounding. */
  differs?: string[];
}

export interface RunDescription {
  seed: string;
  samples: number;
  sampling: string;
  generator: string;
  engine: string;
  tool: string;
}

export interface ComparisonPlan {
  file: string;
  scenario: { name: string; source: string; origin: string };
  tier: Tier;
  /** Why the statistical tier applies (empty for exact), in words and as short keys (`seed`, `engine`, ...). */
  reasons: string[];
  because: string[];
  baselineRun: RunDescription;
  rerun: RunDescription;
  scenarioChange: ScenarioChange | undefined;
  /**
   * Where the baseline's run differs from what its last history entry recorded when sora-mc wrote it
   * (e.g. `run.seed is 7, but the history entry of <date> recorded seed 2024`): the file was edited by hand.
   */
  editedSinceWritten: string[];
  /** Outputs the baseline has that the rerun does not produce, and the reverse. */
  missingOutputs: string[];
  newOutputs: string[];
  /** Baseline percentiles the rerun does not report. */
  missingPercentiles: { output: string; p: number }[];
  pairs: { output: string; label: string; unit: string; base: Estimate; now: Estimate; baseRows: Estimate[]; nowRows: Estimate[] }[];
}

export interface Detectable {
  /** The smallest relative drift any compared percentile detects (90% power), and where. */
  best: { output: string; p: number; relative: number } | undefined;
  /** The median over percentiles that have spread. */
  median: number | undefined;
  /** Percentiles without spread (fixed outputs, atoms): any change there beyond rounding is detected. */
  withoutSpread: number;
}

export interface BaselineComparison extends Omit<ComparisonPlan, 'pairs'> {
  ok: boolean;
  compared: number;
  moved: number;
  rows: RowComparison[];
  /** Statistical tier only. */
  detectable: Detectable | undefined;
}

function describeRun(run: { seed: string; samples: number; sampling: string; generator: { name: string; version: string }; engine: string }, tool: { version: string }): RunDescription {
  return {
    seed: run.seed,
    samples: run.samples,
    sampling: run.sampling,
    generator: `${run.generator.name} ${run.generator.version}`,
    engine: run.engine,
    tool: `sora-mc ${tool.version}`,
  };
}


/**
 * A baseline's run fields that differ from its last history entry: sora-mc writes both from one
 * Result (historyEntry in ./baseline.ts), so a difference is an edit made after it was written.
 */
export function editsSinceWritten(baseline: BaselineFile['baseline']): string[] {
  const last = baseline.history.at(-1);
  if (!last) return [];
  const fields: [string, string | number, string | number][] = [
    ['seed', baseline.run.seed, last.seed],
    ['samples', baseline.run.samples, last.samples],
    ['engine', baseline.run.engine, last.engine],
  ];
  const edits = fields
    .filter(([, now, recorded]) => now !== recorded)
    .map(([field, now, recorded]) => `run.${field} is ${now}, but the history entry of ${last.date} recorded ${field} ${recorded}`);
  if (baseline.scenario.hash !== last.hash) edits.push(`scenario.hash is ${baseline.scenario.hash.slice(0, 12)}, but the history entry of ${last.date} recorded ${last.hash.slice(0, 12)}`);
  return edits;
}

/** Which tier applies, and why not the exact one. */
export function chooseTier(baseline: BaselineFile['baseline'], result: Result): { tier: Tier; reasons: string[]; because: string[] } {
  const b = baseline.run;
  const r = result.run;
  const [gb, gr] = [`${b.generator.name} ${b.generator.version}`, `${r.generator.name} ${r.generator.version}`];
  const differences: [string, boolean, string][] = [
    ['scenario', baseline.scenario.hash !== result.scenario.hash, 'the scenario changed'],
    ['seed', b.seed !== r.seed, `seed ${b.seed} → ${r.seed}`],
    ['samples', b.samples !== r.samples, `samples ${count(b.samples)} → ${count(r.samples)}`],
    ['sampling', b.sampling !== r.sampling, `sampling ${b.sampling} → ${r.sampling}`],
    ['generator', gb !== gr, `generator ${gb} → ${gr}`],
    ['engine', b.engine !== r.engine, `engine ${b.engine} → ${r.engine}`],
  ];
  const differing = differences.filter(([, differs]) => differs);
  return {
    tier: differing.length === 0 ? 'exact' : 'statistical',
    reasons: differing.map(([, , words]) => words),
    because: differing.map(([key]) => key),
  };
}

/**
 * The statistical tier reads each interval as a 95% interval (statistical.ts). Where too few samples
 * stand behind an output for an interval to reach that (P1 and P99 need 368 at 95%; at 20 samples the
 * sample's minimum bounds P1), the check cannot state its false-alarm rate: such a baseline or rerun
 * is refused, naming the minimum. (The exact tier compares bytes and works at any sample count.)
 */
function requireEnoughSamples(source: BaselineFile, result: Result): void {
  const { baseline, file } = source;
  const confidence = baseline.method.confidence;
  const needed = Math.max(...baseline.percentiles.map((p) => minimumSampleCount(p, confidence)));
  const sides = [
    { n: Math.min(...Object.values(baseline.outputs).map((o) => o.n)), path: 'run.samples', what: 'the baseline' },
    { n: Math.min(...Object.values(result.outputs).map((o) => o.n)), path: 'samples', what: 'the rerun' },
  ];
  for (const side of sides) {
    if (side.n < needed) {
      throw new SoraError(`${side.what} has too few samples for a statistical check at ${confidence * 100}%`, {
        file,
        path: side.path,
        expected: `at least ${count(needed)} samples per output (the P${Math.round(baseline.percentiles[0]! * 100)} and P${Math.round(baseline.percentiles[baseline.percentiles.length - 1]! * 100)} intervals need them to reach ${confidence * 100}%)`,
        found: `${count(side.n)} samples`,
        hint: side.what === 'the baseline' ? `make the baseline again with at least ${count(needed)} samples: sora-mc baseline <scenario> --update --samples ${needed} --reason "…"` : `rerun with --samples ${needed} or more`,
      });
    }
  }
}

/**
 * The statistical tier reads intervals as order-statistic intervals of one sample of n values: their
 * half-widths as standard errors, their ranks for outputs with no spread (statistical.ts). A
 * scrambled-Sobol run's intervals are Student t intervals over 8 replicates of n/8 points
 * (src/stats/replicate-stats.ts), and a percentile all replicates agree on carries a replicate's
 * order-statistic interval, whose ranks are of n/8 values, not n: the rank bound would overstate the
 * evidence. Rather than a check whose false-alarm rate it cannot state, such a baseline is checked in
 * the exact tier only. (Latin hypercube intervals are order-statistic intervals that overstate the
 * error, so the tier stays conservative for them.)
 */
function requireOrderStatisticIntervals(source: BaselineFile, result: Result, reasons: readonly string[]): void {
  for (const [sampling, path, what] of [
    [source.baseline.run.sampling, 'run.sampling', 'the baseline'],
    [result.run.sampling, '--method', 'the rerun'],
  ] as const) {
    if (sampling !== 'scrambled-sobol') continue;
    throw new SoraError(`${what} was sampled with scrambled Sobol points, whose intervals the statistical tier cannot read`, {
      file: source.file,
      path,
      expected: 'a Monte Carlo or Latin hypercube baseline for a statistical check, or a rerun with the same scenario, seed, sample count and engine (exact tier)',
      found: `scrambled-sobol, and the exact tier does not apply: ${reasons.join('; ')}`,
      hint: 'make the baseline with the default method (sora-mc baseline <scenario> --update --reason "…") to check it across seeds, engines and scenario edits',
    });
  }
}

/** Tier, the percentile pairs to compare, and what cannot be compared — no verdicts yet. */
export function plan(source: BaselineFile, result: Result, scenarioChange: ScenarioChange | undefined): ComparisonPlan {
  const { baseline, file } = source;
  const { tier, reasons, because } = chooseTier(baseline, result);
  if (tier === 'statistical') {
    requireOrderStatisticIntervals(source, result, reasons);
    requireEnoughSamples(source, result);
  }
  const baseConfidence = baseline.method.confidence;
  const nowConfidence = result.method.confidence;
  const nowOutputs = result.outputs as Record<string, Result['outputs'][OutputKey] | undefined>;
  const missingOutputs: string[] = [];
  const missingPercentiles: { output: string; p: number }[] = [];
  const pairs: ComparisonPlan['pairs'] = [];
  for (const [output, stats] of Object.entries(baseline.outputs)) {
    const now = nowOutputs[output];
    if (!now) {
      missingOutputs.push(output);
      continue;
    }
    const baseRows = stats.percentiles.map((q) => ({ ...q, n: stats.n, confidence: baseConfidence }));
    const nowRows = now.percentiles.map((q) => ({ ...q, n: now.n, confidence: nowConfidence }));
    for (const base of baseRows) {
      const match = findPercentile(nowRows, base.p);
      if (!match) missingPercentiles.push({ output, p: base.p });
      else pairs.push({ output, label: stats.label, unit: stats.unit, base, now: match, baseRows, nowRows });
    }
  }
  return {
    file,
    scenario: { name: baseline.scenario.name, source: describeSource(baseline.scenario.source), origin: result.scenario.origin },
    tier,
    reasons,
    because,
    baselineRun: describeRun(baseline.run, { version: baseline.run.tool.version }),
    rerun: describeRun(result.run, result.tool),
    scenarioChange,
    editedSinceWritten: editsSinceWritten(baseline),
    missingOutputs,
    newOutputs: Object.keys(result.outputs).filter((key) => !(key in baseline.outputs)),
    missingPercentiles,
    pairs,
  };
}

/** The number of percentiles a set of plans compares statistically: the Bonferroni family size. */
export function familySize(plans: readonly ComparisonPlan[]): number {
  return plans.filter((p) => p.tier === 'statistical').reduce((sum, p) => sum + p.pairs.length, 0);
}

const relative = (x: number, base: number) => (base === 0 ? undefined : x / Math.abs(base));
const strip = ({ p, value, lower, upper }: PercentileEstimate): PercentileEstimate => ({ p, value, lower, upper });


/** Verdicts for every planned pair; `zCritical` is the check's Bonferroni threshold (unused by the exact tier). */
export function judge(planned: ComparisonPlan, zCritical: number): BaselineComparison {
  const { pairs, ...rest } = planned;
  const rows: RowComparison[] = pairs.map(({ output, label, unit, base, now, baseRows, nowRows }) => {
    const common = { output, label, unit, p: base.p, base: strip(base), now: strip(now) };
    if (planned.tier === 'exact') {
      const row = compareExactly(base, now);
      if (base.n !== now.n) row.differs.push('n');
      const verdict = row.differs.length === 0 ? 'holds' : 'moved';
      return {
        ...common,
        verdict,
        change: row.change,
        changeRelative: relative(row.change, base.value),
        allowed: row.allowed,
        allowedRelative: base.value === 0 ? undefined : EXACT_RELATIVE_TOLERANCE,
        differs: row.differs,
      };
    }
    const row = testPercentile(base, now, zCritical, { base: baseRows, now: nowRows });
    return {
      ...common,
      verdict: row.verdict,
      change: row.change,
      changeRelative: relative(row.change, base.value),
      allowed: row.allowed,
      allowedRelative: relative(row.allowed, base.value),
      z: row.z,
      basis: row.basis,
      ...(row.detectableRelative === undefined ? {} : { detectableRelative: row.detectableRelative }),
    };
  });
  const moved = rows.filter((row) => row.verdict === 'moved').length;
  let detectable: Detectable | undefined;
  if (planned.tier === 'statistical') {
    const withSpread = rows.filter((row) => row.detectableRelative !== undefined);
    const best = withSpread.reduce<RowComparison | undefined>(
      (min, row) => (min === undefined || row.detectableRelative! < min.detectableRelative! ? row : min),
      undefined,
    );
    detectable = {
      best: best ? { output: best.output, p: best.p, relative: best.detectableRelative! } : undefined,
      median: withSpread.length > 0 ? median(withSpread.map((row) => row.detectableRelative!)) : undefined,
      withoutSpread: rows.length - withSpread.length,
    };
  }
  return {
    ...rest,
    ok: moved === 0 && planned.missingOutputs.length === 0 && planned.missingPercentiles.length === 0,
    compared: rows.length,
    moved,
    rows,
    detectable,
  };
}
