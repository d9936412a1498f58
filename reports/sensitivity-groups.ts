/**
 * Headline outputs whose sensitivity is the same, so the report draws one chart for them instead of
 * near-copies: throughput, the cost of a minute and the inference fleet all scale with the compute of
 * a minute of video, and their Sobol indices differ only by the inputs one of them adds (the price,
 * the demand). Two outputs share a chart when every input's total index differs by at most
 * `tolerance` (five percentage points by default) between them.
 */
import type { OutputKey } from '../src/model/outputs.js';
import type { SensitivityAnalysis } from '../src/sensitivity/saltelli.js';

/** Which output of a group the chart is drawn for: the one an investor reads first. */
export const SENSITIVITY_ORDER: readonly OutputKey[] = ['trainH100s', 'costPerVideoMinuteUsd', 'inferenceH100sPeak', 'videoMinutesPerGpuHour', 'crossoverMinutes'];

function totals(analysis: SensitivityAnalysis, key: OutputKey): number[] | undefined {
  return analysis.outputs.find((o) => o.output === key)?.total?.map((t) => Math.min(1, Math.max(0, t.estimate)));
}

/** Groups of outputs (each led by the one the chart is drawn for), in SENSITIVITY_ORDER. */
export function sensitivityGroups(analysis: SensitivityAnalysis, keys: readonly OutputKey[] = SENSITIVITY_ORDER, tolerance = 0.05): OutputKey[][] {
  const groups: OutputKey[][] = [];
  for (const key of SENSITIVITY_ORDER.filter((k) => keys.includes(k))) {
    const mine = totals(analysis, key);
    const group = mine && groups.find((g) => {
      const theirs = totals(analysis, g[0]!);
      return theirs !== undefined && theirs.every((t, i) => Math.abs(t - mine[i]!) <= tolerance);
    });
    if (group) group.push(key);
    else groups.push([key]);
  }
  return groups;
}
