/**
 * The words and cells a drift report is made of, shared by the terminal and Markdown renderings:
 * one summary line per baseline, the likely cause of a change, notes, and one line per percentile
 * that moved.
 */
import { display } from '../paths.js';
import type { BaselineComparison, RowComparison } from '../regress/drift.js';
import type { CheckReport, Family } from '../regress/report.js';
import { count, magnitudePercent, percentileLabel, probability, signedPercent, value } from '../format.js';
import { EXACT_RELATIVE_TOLERANCE } from '../regress/exact.js';
import { deepFrozen } from '../frozen.js';

export const SUMMARY_HEAD = deepFrozen(['', 'scenario', 'tier', 'percentiles', 'moved', 'false-alarm rate', 'smallest detectable drift', 'baseline']);

export function status(b: BaselineComparison): string {
  return b.ok ? 'ok' : 'DRIFT';
}

export function detectableText(b: BaselineComparison): string {
  if (b.tier === 'exact') return `any change > ${magnitudePercent(EXACT_RELATIVE_TOLERANCE)}`;
  const best = b.detectable?.best;
  if (!best) return 'any change (no spread)';
  const median = b.detectable?.median;
  const fixed = b.detectable?.withoutSpread ?? 0;
  return (
    `${magnitudePercent(best.relative)} (${best.output} ${percentileLabel(best.p)})` +
    (median === undefined ? '' : `, median ${magnitudePercent(median)}`) +
    (fixed > 0 ? `; any change at ${fixed} without spread` : '')
  );
}

/** One summary line per baseline: status, scenario, tier, percentiles compared, moved, α, smallest detectable drift, file. */
export function summaryCells(b: BaselineComparison, family: Family, cwd?: string): string[] {
  return [
    status(b),
    b.scenario.name,
    b.tier === 'exact' ? 'exact' : `statistical (${b.because.join(', ')})`,
    count(b.compared),
    count(b.moved),
    b.tier === 'exact' ? 'exact (1e-12 rel.)' : `α = ${probability(family.alpha)} family-wise`,
    detectableText(b),
    display(b.file, cwd),
  ];
}

/** Why the statistical tier applies, or that the exact one does. */
export function tierLine(b: BaselineComparison): string {
  const run = b.rerun;
  if (b.tier === 'exact') {
    return `exact tier: same scenario, seed ${run.seed}, ${count(run.samples)} samples, ${run.generator}, ${run.engine}`;
  }
  return `statistical tier: ${b.reasons.join('; ')} (${count(run.samples)} samples, ${run.engine})`;
}

/** The likely cause when the scenario's hash differs: the file, and the inputs whose specs differ. */
export function causeLines(b: BaselineComparison, cwd?: string): string[] {
  const change = b.scenarioChange;
  if (!change) return [];
  const where = change.origin.startsWith('builtin:')
    ? `the built-in scenario ${change.origin.slice('builtin:'.length)} (it ships with sora-mc; ${b.baselineRun.tool} → ${b.rerun.tool})`
    : `the scenario file ${display(change.origin, cwd)}`;
  const lines = [`likely cause: ${where} changed (hash ${change.hashBefore.slice(0, 12)} → ${change.hashAfter.slice(0, 12)})`];
  if (change.stepCost) lines.push(`  stepCost: ${change.stepCost.before} → ${change.stepCost.after}`);
  for (const input of change.inputs) {
    const by = input.writtenBy && input.writtenBy !== change.origin ? ` (written in ${display(input.writtenBy, cwd)})` : '';
    lines.push(`  ${input.input}: ${input.before ?? '(absent)'} → ${input.after ?? '(absent)'}${by}`);
  }
  if (!change.stepCost && change.inputs.length === 0) {
    lines.push('  no recorded input differs: the hash method itself may have changed');
  }
  return lines;
}

/** Everything else a reviewer needs: engine changes, missing outputs, what to do next. */
export function noteLines(b: BaselineComparison): string[] {
  const lines: string[] = [];
  const movedExact = b.tier === 'exact' && b.moved > 0;
  if (b.editedSinceWritten.length > 0) {
    lines.push(
      `the baseline was edited after sora-mc wrote it: ${b.editedSinceWritten.join('; ')} — ` +
        'its percentiles were not computed with the values it now states; rewrite it with: sora-mc baseline --update --reason "..." (with --seed or --samples to change those)',
    );
  } else if (movedExact) {
    lines.push(
      `the engine's output changed: same scenario, seed, sample count, generator and engine (${b.rerun.engine}), ` +
        `yet ${count(b.moved)} of ${count(b.compared)} percentiles differ beyond ${EXACT_RELATIVE_TOLERANCE} relative — ` +
        'code changed these numbers without bumping ENGINE_VERSION (src/sampling/uniforms.ts)',
    );
  }
  if (b.missingOutputs.length > 0) lines.push(`outputs in the baseline that this sora-mc no longer produces: ${b.missingOutputs.join(', ')}`);
  if (b.missingPercentiles.length > 0) {
    const list = b.missingPercentiles.map((m) => `${m.output} ${percentileLabel(m.p)}`);
    lines.push(`percentiles in the baseline that this sora-mc does not report: ${list.slice(0, 10).join(', ')}${list.length > 10 ? `, … (${list.length})` : ''}`);
  }
  if (b.newOutputs.length > 0) lines.push(`not in the baseline, so not compared: ${b.newOutputs.join(', ')}`);
  if (b.ok && b.scenarioChange) {
    lines.push('no percentile moved beyond sampling noise; record the new assumptions with: sora-mc baseline --update --reason "..."');
  }
  // Only the random numbers differ (--fresh-seed, --seed, --samples; the baseline not edited by hand): there is no change to intend, and updating would hide a fault.
  const onlyRandomNumbers = b.editedSinceWritten.length === 0 && b.tier === 'statistical' && b.because.length > 0 && b.because.every((key) => key === 'seed' || key === 'samples');
  if (!b.ok && onlyRandomNumbers) {
    lines.push(
      'only the random numbers differ from the baseline (same scenario, engine and generator): this is a false alarm (the rate the check states, α) ' +
        'or a fault in the sampler, not a change to record — do not update the baseline for it; run the check again with other seeds ' +
        '(--fresh-seed): a false alarm does not repeat, a fault does (then report it with the repeat command above)',
    );
  } else if (!b.ok) {
    lines.push(`if the change is intended: sora-mc baseline --update --reason "..." --out ${display(b.file).replace(/[^/\\]+$/, '') || '.'}`);
  }
  return lines;
}

export const ROW_HEAD = deepFrozen(['output', 'percentile', 'baseline', 'now', 'change', 'allowed', 'evidence']);

function changeText(row: RowComparison): string {
  return row.changeRelative === undefined ? `${row.change > 0 ? '+' : ''}${value(row.change)}` : signedPercent(row.changeRelative);
}

function allowedText(row: RowComparison): string {
  return row.allowedRelative === undefined ? `±${value(row.allowed)}` : `±${magnitudePercent(row.allowedRelative)}`;
}

function evidenceText(row: RowComparison, family: Family): string {
  if (row.differs) return `differs: ${row.differs.join(', ')}`;
  const threshold = family.zCritical === undefined ? '' : ` > ${family.zCritical.toFixed(2)}`;
  if (row.basis === 'ranks') return `rank z ${Number.isFinite(row.z!) ? row.z!.toFixed(1) : '∞'}${threshold} (no spread)`;
  return `z ${row.z!.toFixed(1)}${threshold}`;
}

/** One moved percentile: output (unit), percentile, baseline, now, change, allowed, evidence. */
export function rowCells(row: RowComparison, family: Family): string[] {
  return [
    `${row.output} (${row.unit})`,
    percentileLabel(row.p),
    value(row.base.value),
    value(row.now.value),
    changeText(row),
    allowedText(row),
    evidenceText(row, family),
  ];
}

/** The headline: how many baselines, percentiles, and where the drift is. */
export function headline(report: CheckReport): string {
  const total = report.baselines.reduce((sum, b) => sum + b.compared, 0);
  const drifting = report.baselines.filter((b) => !b.ok);
  const what = `${count(report.baselines.length)} baseline${report.baselines.length === 1 ? '' : 's'}, ${count(total)} percentiles`;
  return drifting.length === 0
    ? `no drift: ${what} hold`
    : `drift in ${drifting.length} of ${what.replace(/, .*/, '')} (${drifting.map((b) => b.scenario.name).join(', ')})`;
}

export function seedLine(report: CheckReport): string | undefined {
  if (!report.seed) return undefined;
  return `${report.seed.fresh ? 'fresh seed' : 'seed'} ${report.seed.value} (instead of each baseline's own); repeat with: ${report.reproduce}`;
}

/** The baselines with something to say, each with its verdict, tier, likely cause, notes and the rows that moved. */
export function baselineSections(report: CheckReport, cwd?: string) {
  return report.baselines.flatMap((b) => {
    const [cause, notes, moved] = [causeLines(b, cwd), noteLines(b), b.rows.filter((row) => row.verdict === 'moved')];
    if (b.ok && cause.length === 0 && notes.length === 0) return [];
    return [{ b, verdict: b.ok ? 'holds' : `${moved.length} of ${b.compared} percentiles moved`, tier: tierLine(b), cause, notes, moved }];
  });
}
