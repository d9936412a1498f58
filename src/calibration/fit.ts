/**
 * The fit: the ranges of a scenario's inputs that the calibration set measures, derived from it by
 * one stated method, so that they are reproducible (`sora-mc calibrate`) and can be cross-validated
 * (the backtest refits without each model in turn).
 *
 * ## Method
 * Each published figure, run through the model at its own point (pins.ts) with the open input set
 * to 1 (or 0), implies a value of that input:
 * - inference MFU: GPU-seconds the model predicts at MFU 1 / measured GPU-seconds (wall × GPUs);
 * - multi-GPU loss: within one model and setting, log(implied MFU on g GPUs / on one GPU) = −loss ·
 *   (g − 1), the model's loss a least-squares slope through the origin (exp(−loss (g − 1)) is
 *   exactly 1 on one GPU);
 * - training budget (datasetMultiplier): measured GPU-hours / GPU-hours the model predicts at a
 *   multiplier of 1, the scenario's other training inputs at their medians.
 * Each model contributes one value per quantity, the mean on the log scale of its figures (a model
 * measured only on several GPUs contributes its MFU corrected by the fitted loss). The range for a
 * new model — Sora — is the 90% prediction interval of those values on the log scale
 * (src/stats/predictive.ts: mean ± t(n − 1) · √(s² (1 + 1/n) + within²)), written as the lognormal
 * with that P5 and P95. A range needs at least three models (MIN_GROUPS).
 *
 * Inference figures count only on GPUs with the scenario's GPU peak (an H100 SXM's 989.4 TFLOP/s:
 * H100, H800, H200): MFU differs between GPU types (Wan 2.1 reaches 1.7× the H100's MFU on A100s and
 * H20s), and the scenario serves on its own GPU. Figures on other GPUs are shown by the backtest, not fitted.
 */
import { SoraError } from '../errors.js';
import type { StepCostModel } from '../model/compute.js';
import type { InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from '../result/types.js';
import { MIN_GROUPS, pooledWithinSd, predictiveInterval, type PredictiveInterval } from '../stats/predictive.js';
import { clipSeconds, gpuPeak, gpuSecondsPerClip, inferencePins, modelOf, outputsAtMedians, trainingPins } from './pins.js';
import type { CalibrationSet, InferenceEntry } from './types.js';
import { deepFrozen } from '../frozen.js';

/** The inputs a fit derives, each from its own kind of figure. */
export const FITTED_INPUTS = deepFrozen(['inferMfu', 'servingGpuLoss', 'datasetMultiplier'] as const satisfies readonly InputKey[]);
export type FittedKey = (typeof FITTED_INPUTS)[number];

/** The prediction interval's level: the scenario's P5–P95. */
export const FIT_LEVEL = 0.9;

export interface FittedRange {
  key: FittedKey;
  fitted: true;
  /** The models the range rests on, by name. */
  models: string[];
  /** Figures behind it. */
  runs: number;
  /** On the log scale. */
  interval: PredictiveInterval;
  p5: number;
  p50: number;
  p95: number;
  /** The method in one line, for the scenario's `source`. */
  source: string;
}

export interface Unfitted {
  key: FittedKey;
  fitted: false;
  /** Why not, in words (e.g. too few models). */
  reason: string;
  models: number;
}

export type FitOutcome = FittedRange | Unfitted;

/** One model's value of one quantity: what the range is fitted from. */
export interface FitUnit {
  key: FittedKey;
  model: string;
  value: number;
  runs: number;
}

export interface CalibrationFit {
  ranges: Record<FittedKey, FitOutcome>;
  units: FitUnit[];
  /** The GPU peak inference figures must have to count (the scenario's). */
  gpuPeakFlops: number;
}

export interface FitOptions {
  /** A model id whose figures the fit leaves out (cross-validation). */
  exclude?: string;
}

const WHAT: Record<FittedKey, string> = {
  inferMfu: 'inference MFU',
  servingGpuLoss: 'multi-GPU serving loss',
  datasetMultiplier: 'training budget (samples seen, in DiT-XL runs)',
};

/** Whether a GPU's peak is the scenario's (to 0.5%): H100, H800 and H200 SXM share 989.4 TFLOP/s. */
export function sameGpuClass(peak: number, scenarioPeak: number): boolean {
  return Math.abs(peak / scenarioPeak - 1) < 0.005;
}

/** The MFU a figure implies: predicted GPU-seconds at MFU 1 and no multi-GPU loss / measured GPU-seconds. */
export function impliedMfu(set: CalibrationSet, scenario: ResolvedScenario, entry: InferenceEntry, stepCost: StepCostModel): number {
  const pins = { ...inferencePins(set, entry), inferMfu: 1, servingGpuLoss: 0, servingGpuEfficiency: 1 };
  const out = outputsAtMedians(scenario, pins, stepCost);
  return gpuSecondsPerClip(clipSeconds(entry), out.videoMinutesPerGpuHour) / (entry.measured.seconds * entry.setting.gpus);
}

/** The training budget a figure implies: measured GPU-hours / predicted GPU-hours at a datasetMultiplier of 1. */
function impliedBudget(set: CalibrationSet, scenario: ResolvedScenario, entry: CalibrationSet['training'][number], stepCost: StepCostModel): number {
  const out = outputsAtMedians(scenario, { ...trainingPins(set, entry), datasetMultiplier: 1 }, stepCost);
  return entry.measured.gpuHours / out.trainGpuHours;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

interface Row {
  model: string;
  entry: InferenceEntry;
  logMfu: number;
}

/** A model's multi-GPU loss: the least-squares slope through the origin of −log(MFU on g / MFU on 1) against g − 1. */
function lossOf(rows: readonly Row[]): number | undefined {
  const settings = groupBy(rows, (r) => JSON.stringify({ ...r.entry.setting, gpus: 0, source: '' }));
  let xy = 0;
  let xx = 0;
  for (const group of settings.values()) {
    const single = group.filter((r) => r.entry.setting.gpus === 1);
    if (single.length === 0) continue;
    const base = mean(single.map((r) => r.logMfu));
    for (const r of group) {
      const x = r.entry.setting.gpus - 1;
      if (x === 0) continue;
      xy += x * (base - r.logMfu);
      xx += x * x;
    }
  }
  return xx === 0 ? undefined : xy / xx;
}

function range(key: FittedKey, units: readonly FitUnit[], within: number, runs: number, describe: (n: number, df: number) => string): FitOutcome {
  const mine = units.filter((u) => u.key === key);
  if (mine.length < MIN_GROUPS) {
    return { key, fitted: false, models: mine.length, reason: `${WHAT[key]} is measured for ${mine.length} model${mine.length === 1 ? '' : 's'}; a range needs at least ${MIN_GROUPS}` };
  }
  const interval = predictiveInterval(mine.map((u) => Math.log(u.value)), FIT_LEVEL, within);
  const [p5, p50, p95] = [interval.low, interval.mean, interval.high].map(Math.exp) as [number, number, number];
  if (![p5, p50, p95].every(Number.isFinite)) {
    return { key, fitted: false, models: mine.length, reason: `the fitted ${WHAT[key]} range is not finite` };
  }
  return { key, fitted: true, models: mine.map((u) => u.model), runs, interval, p5, p50, p95, source: describe(interval.n, interval.df) };
}

/** Fits the scenario's calibrated inputs from `set` (see the module comment). */
export function fitCalibration(set: CalibrationSet, scenario: ResolvedScenario, options: FitOptions = {}): CalibrationFit {
  const stepCost = scenario.stepCost;
  const scenarioPeak = scenario.inputs.gpuPeakFlops.p50;
  const keep = (model: string) => model !== options.exclude;
  const units: FitUnit[] = [];

  const rows: Row[] = set.inference
    .filter((entry) => keep(entry.model) && sameGpuClass(gpuPeak(set, entry.setting.gpu), scenarioPeak))
    .map((entry) => ({ model: entry.model, entry, logMfu: Math.log(impliedMfu(set, scenario, entry, stepCost)) }));
  const byModel = groupBy(rows, (r) => r.model);
  const name = (id: string) => modelOf(set, id).name;

  // Multi-GPU loss, per model with a one-GPU figure and a several-GPU figure of the same setting.
  let lossRuns = 0;
  for (const [model, mine] of byModel) {
    const loss = lossOf(mine);
    if (loss === undefined) continue;
    if (!(loss > 0)) {
      throw new SoraError(`the multi-GPU loss of ${name(model)} is not positive`, {
        path: 'servingGpuLoss', expected: 'figures that take more GPU-seconds on several GPUs than on one', found: `a slope of ${loss.toPrecision(3)}`,
      });
    }
    units.push({ key: 'servingGpuLoss', model: name(model), value: loss, runs: mine.length });
    lossRuns += mine.length;
  }
  const loss = range('servingGpuLoss', units, 0, lossRuns, (n, df) =>
    `fitted by sora-mc calibrate: per model, the slope of log GPU-seconds against extra GPUs (${lossRuns} runs of ${n} models, 1-8 H100-class GPUs, sequence parallel); 90% prediction interval for a new model on the log scale, mean ± t(${df}) · s · √(1 + 1/${n})`);

  // One-GPU MFU per model; a model measured only on several GPUs is corrected by the fitted loss.
  const lossMedian = loss.fitted ? loss.p50 : undefined;
  const mfuGroups: number[][] = [];
  let mfuRuns = 0;
  for (const [model, mine] of byModel) {
    const single = mine.filter((r) => r.entry.setting.gpus === 1);
    const logs = single.length > 0
      ? single.map((r) => r.logMfu)
      : lossMedian === undefined ? [] : mine.map((r) => r.logMfu + lossMedian * (r.entry.setting.gpus - 1));
    if (logs.length === 0) continue;
    units.push({ key: 'inferMfu', model: name(model), value: Math.exp(mean(logs)), runs: logs.length });
    mfuGroups.push(logs);
    mfuRuns += logs.length;
  }
  const within = pooledWithinSd(mfuGroups);
  const mfu = range('inferMfu', units, within, mfuRuns, (n, df) =>
    `fitted by sora-mc calibrate from ${mfuRuns} published timings of ${n} open video models on H100-class GPUs (reference implementations): 90% prediction interval for a new model on the log scale, mean ± t(${df}) · √(s²(1 + 1/${n}) + within²)`);

  // Training budget, per model.
  let budgetRuns = 0;
  for (const [model, entries] of groupBy(set.training.filter((e) => keep(e.model)), (e) => e.model)) {
    const logs = entries.map((entry) => Math.log(impliedBudget(set, scenario, entry, stepCost)));
    units.push({ key: 'datasetMultiplier', model: name(model), value: Math.exp(mean(logs)), runs: logs.length });
    budgetRuns += logs.length;
  }
  const budget = range('datasetMultiplier', units, 0, budgetRuns, (n, df) =>
    `fitted by sora-mc calibrate from ${budgetRuns} published training runs of ${n} video models (GPU-hours over the model's at a budget of 1, its other training inputs at their medians): 90% prediction interval on the log scale, mean ± t(${df}) · s · √(1 + 1/${n})`);

  return { ranges: { inferMfu: mfu, servingGpuLoss: loss, datasetMultiplier: budget }, units, gpuPeakFlops: scenarioPeak };
}
