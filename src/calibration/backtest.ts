/**
 * The backtest: for every published figure in the calibration set, the model's prediction at that
 * model's own shape and measured setting, as a band over the scenario's remaining uncertainty (the
 * inputs the figure does not pin, e.g. MFU), beside the measured value — in sample, and held out.
 *
 * How (predictions.ts): N points are drawn once from the scenario's distributions (one seeded stream per input,
 * shared by every entry: common random numbers); each entry overwrites the inputs it pins and runs
 * `computeColumns` over the N points. P5/P50/P95 are type-7 sample quantiles of the N predictions.
 * With N = 4,000 a P5 or P95 estimate has a standard error of about 0.35 percentile points.
 *
 * Held out (leave one model out): where the scenario's ranges are this set's fit (`basis: fitted`,
 * written by `sora-mc calibrate`), each model's figures are predicted again with those ranges
 * refitted without any of its figures (fit.ts), the other inputs' draws unchanged. A figure whose
 * range cannot be fitted without its model (fewer than three models left) is reported as not
 * predictable held out. Against a set the ranges were not fitted from (another file), the scenario's
 * own bands are out of sample as they stand. Inference figures on GPUs other than the scenario's (another peak FLOP/s)
 * are shown but not counted: the scenario's MFU is for its own GPU.
 */
import { SoraError } from '../errors.js';
import { STEP_COST_MODELS, type StepCostModel } from '../model/compute.js';
import type { InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from '../result/types.js';
import { fitCalibration, sameGpuClass, type FittedKey, FITTED_INPUTS } from './fit.js';
import { fittedSpec, scenarioHolds } from './fitted-specs.js';
import { drawInput, drawScenario, measuredOf, predict, predicted, type Columns } from './predictions.js';
import { gpuPeak, inferencePins, modelOf, trainingPins, type Pins } from './pins.js';
import type { CalibrationSet, InferenceEntry, TrainingEntry } from './types.js';
import { deepFrozen } from '../frozen.js';

export const BACKTEST_SAMPLES = 4000;

export type FigureKind = 'inference' | 'training';
/**
 * in-sample: the scenario's ranges, fitted from (or chosen with) this set; held-out: refitted without
 * each figure's model; out-of-sample: the scenario's ranges were fitted from another set.
 */
export type FitKind = 'in-sample' | 'held-out' | 'out-of-sample';

/** Where the scenario's fitted ranges come from: this set, another one, or nowhere (none is fitted). */
export type RangesFrom = 'this set' | 'another set' | 'not fitted';

export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

export interface Prediction extends Band {
  /** measured / predicted median. */
  ratio: number;
  inside: boolean;
}

export interface BacktestRow extends Prediction {
  kind: FigureKind;
  /** The model's id in the calibration set. */
  modelId: string;
  model: string;
  /** A short unique row label, e.g. `HunyuanVideo, 720p × 129, 8 GPUs`. */
  label: string;
  /** The measured setting in words, e.g. `1280×720, 129 frames, 50 steps × 1 pass, 1 H100`. */
  setting: string;
  unit: 'GPU-seconds per clip' | 'GPU-hours';
  measured: number;
  thirdParty: boolean;
  source: string;
  /** Inputs the band varies over: the scenario's uncertain inputs this figure does not pin. */
  varies: InputKey[];
  /** Whether the figure counts in the summaries; an inference figure on another GPU than the scenario's does not. */
  counted: boolean;
  /** Why a figure is not counted. */
  notCounted?: string;
  /** The prediction with the scenario's fitted ranges refitted without this model; why not, when it cannot be. */
  heldOut: Prediction | { unavailable: string };
}

export interface RatioSummary {
  stepCost: StepCostModel;
  kind: FigureKind;
  fit: FitKind;
  /** Counted figures with a prediction. */
  count: number;
  /** exp(mean ln(measured / predicted median)). */
  geometricMean: number;
  /** exp(sd ln(measured / predicted median)), sample sd (n − 1); 1 when there is one figure. */
  geometricSpread: number;
  /** Figures inside their P5–P95 band. */
  inside: number;
  /** Held out: counted figures that could not be predicted without their model. */
  unavailable: number;
}

export interface Backtest {
  scenario: { name: string; origin: string; stepCost: StepCostModel };
  samples: number;
  seed: string;
  /** Rows under the scenario's own step-cost model. */
  rows: BacktestRow[];
  /** In-sample summaries for both step-cost models (the scenario's first) and held-out ones for the scenario's. */
  summaries: RatioSummary[];
  /** Share of counted rows (inference and training) inside P5–P95 under the scenario's step cost, in sample. */
  insideShare: number;
  /** The scenario's inputs fitted from the set (`basis: fitted`) and refitted for the held-out figures. */
  refitted: FittedKey[];
  /** Whether the scenario's fitted ranges are this set's fit (then held-out figures are computed). */
  rangesFrom: RangesFrom;
}

/** Inputs the backtest cannot take from the article: the utilisations its bands rest on. */
export const BACKTEST_NEEDS: readonly InputKey[] = deepFrozen(['inferMfu', 'trainMfu']);

/** Refuses a scenario that leaves an input the backtest needs at its article value; says which. */
export function requireBacktestInputs(scenario: ResolvedScenario): void {
  const missing = BACKTEST_NEEDS.filter((key) => scenario.inputs[key].source === 'article');
  if (missing.length === 0) return;
  throw new SoraError(`the backtest needs ${missing.join(' and ')}, which this scenario does not give`, {
    file: scenario.origin,
    path: `inputs.${missing[0]}`,
    expected: `a distribution (with its source) for ${missing.join(' and ')}: the backtest's bands rest on measured utilisation`,
    found: `${missing.map((key) => `${key} left at the article's ${scenario.inputs[key].p50}`).join(', ')}`,
    hint: 'extend a scenario that gives them, e.g. `extends: calibrated`',
  });
}

function uncertain(scenario: ResolvedScenario, pins: Pins, used: readonly InputKey[]): InputKey[] {
  return used.filter((key) => !(key in pins) && scenario.inputs[key].spec.dist !== 'fixed');
}

const INFERENCE_USES: readonly InputKey[] = [
  'inferMfu', 'servingGpuEfficiency', 'servingGpuLoss', 'layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames', 'patchSize',
  'temporalPatch', 'ditStepFlops', 'ditParams', 'flopsPerMac',
];
const TRAINING_USES: readonly InputKey[] = [
  'trainMfu', 'datasetMultiplier', 'videoFraction', 'ditTrainFlops', 'ditStepFlops', 'ditParams', 'flopsPerMac', 'trainHeight', 'trainWidth',
  'trainVideoSeconds', 'videoSeconds', 'fps', 'height', 'width', 'layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames',
  'patchSize', 'temporalPatch',
];

/** The fitted inputs a figure's prediction rests on. */
function needs(entry: InferenceEntry | TrainingEntry, refitted: readonly FittedKey[]): FittedKey[] {
  const wanted: FittedKey[] = 'setting' in entry
    ? ['inferMfu', ...(entry.setting.gpus > 1 ? ['servingGpuLoss' as const] : [])]
    : ['datasetMultiplier'];
  return wanted.filter((key) => refitted.includes(key));
}

function describeInference(set: CalibrationSet, entry: InferenceEntry): { label: string; setting: string } {
  const s = entry.setting;
  const setting = `${s.width}×${s.height}, ${s.frames} frames, ${s.samplingSteps} steps × ${s.cfgPasses} pass${s.cfgPasses === 1 ? '' : 'es'}, ${s.gpus} ${s.gpu}`;
  const label = `${modelOf(set, entry.model).name}, ${Math.min(s.height, s.width)}p × ${s.frames}, ${s.samplingSteps} steps, ${s.gpus} ${s.gpu}`;
  return { label, setting };
}

interface Context {
  set: CalibrationSet;
  scenario: ResolvedScenario;
  base: Columns;
  samples: number;
  seed: string;
  refitted: FittedKey[];
  /** Why no figure is refitted, when none is (the scenario's ranges are not this set's fit). */
  noRefit?: string;
  /** Per held-out model: the base columns with the refitted inputs drawn from the fold's ranges, or why not. */
  folds: Map<string, { columns: Columns; unfit: Partial<Record<FittedKey, string>> } | { error: string }>;
}

/** The columns of the fold without `model`: the refitted inputs drawn from ranges fitted without it. */
function foldOf(context: Context, model: string) {
  const cached = context.folds.get(model);
  if (cached) return cached;
  let fold;
  try {
    const fit = fitCalibration(context.set, context.scenario, { exclude: model });
    const columns = { ...context.base };
    const unfit: Partial<Record<FittedKey, string>> = {};
    for (const key of context.refitted) {
      const range = fit.ranges[key];
      if (range.fitted) columns[key] = drawInput(key, fittedSpec(range), context.samples, context.seed);
      else unfit[key] = range.reason;
    }
    fold = { columns, unfit };
  } catch (error) {
    if (!(error instanceof SoraError)) throw error;
    fold = { error: error.message };
  }
  context.folds.set(model, fold);
  return fold;
}

function heldOut(context: Context, stepCost: StepCostModel, entry: InferenceEntry | TrainingEntry, inSample: Prediction): BacktestRow['heldOut'] {
  if (context.noRefit) return { unavailable: context.noRefit };
  const wanted = needs(entry, context.refitted);
  if (wanted.length === 0) return inSample;
  const fold = foldOf(context, entry.model);
  if ('error' in fold) return { unavailable: fold.error };
  const missing = wanted.find((key) => fold.unfit[key] !== undefined);
  if (missing) return { unavailable: `without ${modelOf(context.set, entry.model).name}: ${fold.unfit[missing]}` };
  return predict(predicted(context.set, fold.columns, stepCost, entry), measuredOf(entry));
}

function row(context: Context, stepCost: StepCostModel, entry: InferenceEntry | TrainingEntry): BacktestRow {
  const { set, scenario } = context;
  const model = modelOf(set, entry.model);
  const measured = measuredOf(entry);
  const inSample = predict(predicted(set, context.base, stepCost, entry), measured);
  const common = { modelId: model.id, model: model.name, measured, thirdParty: entry.measured.thirdParty, source: entry.measured.source, ...inSample };
  const held = heldOut(context, stepCost, entry, inSample);
  if ('setting' in entry) {
    const peak = gpuPeak(set, entry.setting.gpu);
    const counted = sameGpuClass(peak, scenario.inputs.gpuPeakFlops.p50);
    return {
      kind: 'inference', ...describeInference(set, entry), unit: 'GPU-seconds per clip', ...common,
      varies: uncertain(scenario, inferencePins(set, entry), INFERENCE_USES), counted, heldOut: held,
      ...(counted ? {} : { notCounted: `${entry.setting.gpu} has another peak (${(peak / 1e12).toFixed(0)} TFLOP/s) than the scenario's GPU: its MFU differs` }),
    };
  }
  return {
    kind: 'training', label: model.name, unit: 'GPU-hours', ...common,
    setting: `the scenario's training budget at this shape, ${entry.gpu}${entry.trainMfu ? `, MFU ${entry.trainMfu.value}` : ''}`,
    varies: uncertain(scenario, trainingPins(set, entry), TRAINING_USES), counted: true, heldOut: held,
  };
}

function summarize(stepCost: StepCostModel, kind: FigureKind, fit: FitKind, rows: readonly BacktestRow[]): RatioSummary {
  const counted = rows.filter((r) => r.kind === kind && r.counted);
  const predictions = counted.map((r) => (fit === 'held-out' ? r.heldOut : r)).filter((p): p is Prediction => !('unavailable' in p));
  const logs = predictions.map((p) => Math.log(p.ratio));
  const mean = logs.length > 0 ? logs.reduce((a, b) => a + b, 0) / logs.length : NaN;
  const variance = logs.length > 1 ? logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1) : 0;
  return {
    stepCost, kind, fit, count: predictions.length, geometricMean: Math.exp(mean), geometricSpread: Math.exp(Math.sqrt(variance)),
    inside: predictions.filter((p) => p.inside).length, unavailable: counted.length - predictions.length,
  };
}

export interface BacktestOptions {
  samples?: number;
  seed?: string;
}

/** Runs the backtest of `scenario` against `set` (deterministic for a given seed and sample count). */
export function backtest(scenario: ResolvedScenario, set: CalibrationSet, options: BacktestOptions = {}): Backtest {
  const samples = options.samples ?? BACKTEST_SAMPLES;
  const seed = options.seed ?? '1';
  const fittedKeys = FITTED_INPUTS.filter((key) => scenario.inputs[key].basis === 'fitted');
  const rangesFrom = fittedKeys.length === 0 ? 'not fitted' : fittedHere(set, scenario, fittedKeys) ? 'this set' : 'another set';
  const refitted = rangesFrom === 'this set' ? fittedKeys : [];
  const ownFit: FitKind = rangesFrom === 'another set' ? 'out-of-sample' : 'in-sample';
  const noRefit = rangesFrom === 'not fitted'
    ? `no range of ${scenario.name} is fitted from the set (basis: fitted), so there is nothing to refit`
    : rangesFrom === 'another set' ? `${scenario.name}'s ranges were fitted from another set: these figures are out of sample as they stand` : undefined;
  const base = drawScenario(scenario, samples, seed);
  const order = [scenario.stepCost, ...STEP_COST_MODELS.filter((m) => m !== scenario.stepCost)];
  let rows: BacktestRow[] = [];
  const summaries: RatioSummary[] = [];
  for (const stepCost of order) {
    const own = stepCost === scenario.stepCost;
    // Held-out figures only under the scenario's own step cost: its ranges were fitted under it.
    const context: Context = { set, scenario, base, samples, seed, refitted: own ? refitted : [], folds: new Map(), ...(own && noRefit ? { noRefit } : {}) };
    const these = [...set.inference, ...set.training].map((entry) => row(context, stepCost, entry));
    if (own) rows = these;
    for (const kind of ['inference', 'training'] as const) {
      if (!these.some((r) => r.kind === kind && r.counted)) continue;
      summaries.push(summarize(stepCost, kind, own ? ownFit : 'in-sample', these));
      if (own && refitted.length > 0) summaries.push(summarize(stepCost, kind, 'held-out', these));
    }
  }
  const counted = rows.filter((r) => r.counted);
  return {
    scenario: { name: scenario.name, origin: scenario.origin, stepCost: scenario.stepCost },
    samples,
    seed,
    rows,
    summaries,
    insideShare: counted.filter((r) => r.inside).length / counted.length,
    refitted: fittedKeys,
    rangesFrom,
  };
}

/** Whether every fitted input of the scenario holds this set's fit. */
function fittedHere(set: CalibrationSet, scenario: ResolvedScenario, keys: readonly FittedKey[]): boolean {
  try {
    const fit = fitCalibration(set, scenario);
    return keys.every((key) => scenarioHolds(scenario, key, fit.ranges[key]));
  } catch (error) {
    if (error instanceof SoraError) return false;
    throw error;
  }
}

/** The summary of one step-cost model and kind: with the scenario's own ranges unless `held-out` is asked. */
export function summaryOf(result: Backtest, stepCost: StepCostModel, kind: FigureKind, fit: 'own' | 'held-out' = 'own'): RatioSummary | undefined {
  return result.summaries.find((s) => s.stepCost === stepCost && s.kind === kind && (fit === 'held-out' ? s.fit === 'held-out' : s.fit !== 'held-out'));
}
