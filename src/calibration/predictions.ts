/**
 * A published figure's predicted band: N draws of the scenario's inputs (one seeded alea stream per
 * input, shared by every figure: common random numbers), the figure's pins written over them, the
 * model run over the N points, and the type-7 P5, P50 and P95 of what it predicts — GPU-seconds for
 * one clip (wall seconds × GPUs) or training GPU-hours.
 */
import seedrandom from 'seedrandom';
import { compileDistribution } from '../../distributions/index.js';
import { allocateOutputColumns, computeColumns, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import type { ResolvedScenario } from '../result/types.js';
import type { Prediction } from './backtest.js';
import { clipSeconds, gpuSecondsPerClip, inferencePins, trainingPins, type Pins } from './pins.js';
import type { CalibrationSet, InferenceEntry, TrainingEntry } from './types.js';

export type Columns = Record<InputKey, Float64Array>;

/** N draws of one input from `spec`, from the input's own seeded stream. */
export function drawInput(key: InputKey, spec: unknown, samples: number, seed: string): Float64Array {
  const distribution = compileDistribution(spec);
  const rng = seedrandom.alea(`sora-mc/backtest/${seed}/${key}`);
  const column = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    let u = rng.double();
    while (u === 0) u = rng.double();
    column[i] = distribution.quantile(u);
  }
  return column;
}

/** N points from the scenario's distributions, one seeded stream per input. */
export function drawScenario(scenario: ResolvedScenario, samples: number, seed: string): Columns {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, drawInput(key, scenario.inputs[key].spec, samples, seed)])) as Columns;
}

/** Type-7 quantile of sorted values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function withPins(base: Columns, pins: Pins): Columns {
  const columns = { ...base };
  for (const [key, value] of Object.entries(pins) as [InputKey, number][]) {
    columns[key] = new Float64Array(base[key].length).fill(value);
  }
  return columns;
}

export function predict(values: Float64Array, measured: number): Prediction {
  const sorted = Float64Array.from(values).sort();
  const band = { p5: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
  return { ...band, ratio: measured / band.p50, inside: measured >= band.p5 && measured <= band.p95 };
}

/** The figure's predicted values over the N points of `base`: GPU-seconds per clip, or training GPU-hours. */
export function predicted(set: CalibrationSet, base: Columns, stepCost: StepCostModel, entry: InferenceEntry | TrainingEntry): Float64Array {
  const inference = 'setting' in entry;
  const columns = withPins(base, inference ? inferencePins(set, entry) : trainingPins(set, entry));
  const n = columns.inferMfu.length;
  const out = allocateOutputColumns(n);
  computeColumns(columns, out, n, stepCost);
  if (!inference) return out.trainGpuHours;
  const seconds = clipSeconds(entry);
  return out.videoMinutesPerGpuHour.map((minutes) => gpuSecondsPerClip(seconds, minutes));
}

export function measuredOf(entry: InferenceEntry | TrainingEntry): number {
  return 'setting' in entry ? entry.measured.seconds * entry.setting.gpus : entry.measured.gpuHours;
}
