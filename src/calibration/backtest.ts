/**
 * The backtest: for every published figure in the calibration set, the model's prediction at that
 * model's own shape and measured setting, as a band over the scenario's remaining uncertainty (the
 * inputs the figure does not pin, e.g. MFU), beside the measured value.
 *
 * How: N points are drawn once from the scenario's distributions (one seeded alea stream per input,
 * shared by every entry: common random numbers); each entry overwrites the inputs it pins and runs
 * `computeColumns` over the N points. P5/P50/P95 are type-7 sample quantiles of the N predictions.
 * With N = 4,000 a P5 or P95 estimate has a standard error of about 0.35 percentile points.
 */
import seedrandom from 'seedrandom';
import { compileDistribution } from '../../distributions/index.js';
import { SoraError } from '../errors.js';
import { allocateOutputColumns, computeColumns, STEP_COST_MODELS, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from '../result/types.js';
import type { CalibrationModel, CalibrationSet, InferenceEntry, TrainingEntry } from './types.js';
import { deepFrozen } from '../frozen.js';

export const BACKTEST_SAMPLES = 4000;

export type FigureKind = 'inference' | 'training';

export interface BacktestRow {
  kind: FigureKind;
  model: string;
  /** A short unique row label, e.g. `HunyuanVideo, 720p, 8 GPUs`. */
  label: string;
  /** The measured setting in words, e.g. `1280×720, 129 frames, 50 steps × 1 pass, 1 H100`. */
  setting: string;
  unit: 'GPU-seconds per clip' | 'GPU-hours';
  measured: number;
  p5: number;
  p50: number;
  p95: number;
  /** measured / predicted median. */
  ratio: number;
  inside: boolean;
  thirdParty: boolean;
  source: string;
  /** Inputs the band varies over: the scenario's uncertain inputs this figure does not pin. */
  varies: InputKey[];
}

export interface RatioSummary {
  stepCost: StepCostModel;
  kind: FigureKind;
  count: number;
  /** exp(mean ln(measured / predicted median)). */
  geometricMean: number;
  /** exp(sd ln(measured / predicted median)), sample sd (n − 1); 1 when there is one figure. */
  geometricSpread: number;
  /** Figures inside their P5–P95 band. */
  inside: number;
}

export interface Backtest {
  scenario: { name: string; origin: string; stepCost: StepCostModel };
  samples: number;
  seed: string;
  /** Rows under the scenario's own step-cost model. */
  rows: BacktestRow[];
  /** Ratio summaries for both step-cost models (the scenario's first), inference and training. */
  summaries: RatioSummary[];
  /** Share of all rows (inference and training) inside P5–P95 under the scenario's step cost. */
  insideShare: number;
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

type Columns = Record<InputKey, Float64Array>;

/** N points from the scenario's distributions, one seeded stream per input. */
function drawScenario(scenario: ResolvedScenario, samples: number, seed: string): Columns {
  const columns = {} as Columns;
  for (const key of INPUT_KEYS) {
    const distribution = compileDistribution(scenario.inputs[key].spec);
    const rng = seedrandom.alea(`sora-mc/backtest/${seed}/${key}`);
    const column = new Float64Array(samples);
    for (let i = 0; i < samples; i++) {
      let u = rng.double();
      while (u === 0) u = rng.double();
      column[i] = distribution.quantile(u);
    }
    columns[key] = column;
  }
  return columns;
}

/** Type-7 quantile of sorted values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function withPins(base: Columns, pins: Partial<Record<InputKey, number>>): Columns {
  const columns = { ...base };
  for (const [key, value] of Object.entries(pins) as [InputKey, number][]) {
    columns[key] = new Float64Array(base[key].length).fill(value);
  }
  return columns;
}

/** The model's shape pins: what the published model gives; a missing width is derived from params and layers. */
function shapePins(model: CalibrationModel): Partial<Record<InputKey, number>> {
  const s = model.shape;
  const pins: Partial<Record<InputKey, number>> = { soraParams: s.params.value, dModel: s.dModel?.value ?? 0 };
  for (const key of ['layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames', 'patchSize', 'temporalPatch'] as const) {
    const field = s[key];
    if (field !== undefined) pins[key] = field.value;
  }
  return pins;
}

function uncertain(scenario: ResolvedScenario, pins: Partial<Record<InputKey, number>>, used: readonly InputKey[]): InputKey[] {
  return used.filter((key) => !(key in pins) && scenario.inputs[key].spec.dist !== 'fixed');
}

const INFERENCE_USES: readonly InputKey[] = [
  'inferMfu', 'servingGpuEfficiency', 'layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames', 'patchSize', 'temporalPatch',
  'ditStepFlops', 'ditParams', 'flopsPerMac',
];
const TRAINING_USES: readonly InputKey[] = [
  'trainMfu', 'datasetMultiplier', 'videoFraction', 'ditTrainFlops', 'ditStepFlops', 'ditParams', 'flopsPerMac', 'trainHeight', 'trainWidth',
  'trainVideoSeconds', 'videoSeconds', 'fps', 'height', 'width', 'layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames',
  'patchSize', 'temporalPatch',
];

interface Band { p5: number; p50: number; p95: number }

function band(values: Float64Array): Band {
  const sorted = Float64Array.from(values).sort();
  return { p5: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}

function row(kind: FigureKind, model: CalibrationModel, label: string, setting: string, measured: number, b: Band, extra: Pick<BacktestRow, 'thirdParty' | 'source' | 'varies'>): BacktestRow {
  return {
    kind, model: model.name, label, setting, unit: kind === 'inference' ? 'GPU-seconds per clip' : 'GPU-hours', measured, ...b,
    ratio: measured / b.p50, inside: measured >= b.p5 && measured <= b.p95, ...extra,
  };
}

function gpuPeak(set: CalibrationSet, name: string): number {
  return set.gpus.find((g) => g.name === name)!.peakFlops.value;
}

function inferenceRow(set: CalibrationSet, scenario: ResolvedScenario, base: Columns, stepCost: StepCostModel, entry: InferenceEntry): BacktestRow {
  const model = set.models.find((m) => m.id === entry.model)!;
  const s = entry.setting;
  const fps = s.fps ?? 24; // the frame count sets the compute; fps only converts it to seconds and back
  const pins: Partial<Record<InputKey, number>> = {
    ...shapePins(model),
    height: s.height, width: s.width, fps, videoSeconds: s.frames / fps, samplingSteps: s.samplingSteps, cfgPasses: s.cfgPasses,
    gpuPeakFlops: gpuPeak(set, s.gpu),
    inferPeakFlops: 0, // measured runs are BF16
    ...(s.gpus === 1 ? { servingGpuEfficiency: 1 } : {}),
  };
  const n = base.inferMfu.length;
  const columns = withPins(base, pins);
  const out = allocateOutputColumns(n);
  computeColumns(columns, out, n, stepCost);
  // GPU-seconds for one clip: (clip minutes / minutes per GPU-hour) × 3600.
  const gpuSeconds = new Float64Array(n);
  for (let i = 0; i < n; i++) gpuSeconds[i] = ((s.frames / fps / 60) / out.videoMinutesPerGpuHour[i]!) * 3600;
  const setting = `${s.width}×${s.height}, ${s.frames} frames, ${s.samplingSteps} steps × ${s.cfgPasses} pass${s.cfgPasses === 1 ? '' : 'es'}, ${s.gpus} ${s.gpu}`;
  const label = `${model.name}, ${Math.min(s.height, s.width)}p × ${s.frames}, ${s.gpus} GPU${s.gpus === 1 ? '' : 's'}`;
  return row('inference', model, label, setting, entry.measured.seconds * s.gpus, band(gpuSeconds), {
    thirdParty: entry.measured.thirdParty, source: entry.measured.source, varies: uncertain(scenario, pins, INFERENCE_USES),
  });
}

function trainingRow(set: CalibrationSet, scenario: ResolvedScenario, base: Columns, stepCost: StepCostModel, entry: TrainingEntry): BacktestRow {
  const model = set.models.find((m) => m.id === entry.model)!;
  const pins: Partial<Record<InputKey, number>> = {
    ...shapePins(model),
    gpuPeakFlops: gpuPeak(set, entry.gpu),
    ...(entry.trainMfu ? { trainMfu: entry.trainMfu.value } : {}),
  };
  const n = base.trainMfu.length;
  const out = allocateOutputColumns(n);
  computeColumns(withPins(base, pins), out, n, stepCost);
  const setting = `the scenario's training budget at this shape, ${entry.gpu}${entry.trainMfu ? `, MFU ${entry.trainMfu.value}` : ''}`;
  return row('training', model, model.name, setting, entry.measured.gpuHours, band(out.trainGpuHours), {
    thirdParty: entry.measured.thirdParty, source: entry.measured.source, varies: uncertain(scenario, pins, TRAINING_USES),
  });
}

function summarize(stepCost: StepCostModel, kind: FigureKind, rows: readonly BacktestRow[]): RatioSummary {
  const logs = rows.map((r) => Math.log(r.ratio));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const variance = logs.length > 1 ? logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1) : 0;
  return {
    stepCost, kind, count: rows.length, geometricMean: Math.exp(mean), geometricSpread: Math.exp(Math.sqrt(variance)),
    inside: rows.filter((r) => r.inside).length,
  };
}

export interface BacktestOptions {
  samples?: number;
  seed?: string;
}

/** Every figure of `set` under one step-cost model. */
function rowsFor(set: CalibrationSet, scenario: ResolvedScenario, base: Columns, stepCost: StepCostModel): BacktestRow[] {
  return [
    ...set.inference.map((entry) => inferenceRow(set, scenario, base, stepCost, entry)),
    ...set.training.map((entry) => trainingRow(set, scenario, base, stepCost, entry)),
  ];
}

/** Runs the backtest of `scenario` against `set` (deterministic for a given seed and sample count). */
export function backtest(scenario: ResolvedScenario, set: CalibrationSet, options: BacktestOptions = {}): Backtest {
  const samples = options.samples ?? BACKTEST_SAMPLES;
  const seed = options.seed ?? '1';
  const base = drawScenario(scenario, samples, seed);
  const order = [scenario.stepCost, ...STEP_COST_MODELS.filter((m) => m !== scenario.stepCost)];
  let rows: BacktestRow[] = [];
  const summaries: RatioSummary[] = [];
  for (const stepCost of order) {
    const these = rowsFor(set, scenario, base, stepCost);
    if (stepCost === scenario.stepCost) rows = these;
    for (const kind of ['inference', 'training'] as const) {
      const ofKind = these.filter((r) => r.kind === kind);
      if (ofKind.length > 0) summaries.push(summarize(stepCost, kind, ofKind));
    }
  }
  return {
    scenario: { name: scenario.name, origin: scenario.origin, stepCost: scenario.stepCost },
    samples,
    seed,
    rows,
    summaries,
    insideShare: rows.filter((r) => r.inside).length / rows.length,
  };
}

/** The summary of one step-cost model and kind. */
export function summaryOf(result: Backtest, stepCost: StepCostModel, kind: FigureKind): RatioSummary | undefined {
  return result.summaries.find((s) => s.stepCost === stepCost && s.kind === kind);
}
