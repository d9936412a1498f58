/**
 * What a published figure pins: the inputs a calibration entry fixes (the model's published shape,
 * the measured setting, the GPU), so that the model can be run at that figure's own point. What a
 * figure leaves open (MFU, the training budget, shape fields a source does not give) comes from the
 * scenario. The backtest (bands over the open inputs) and the fit (the open inputs' values implied
 * by each figure) share these pins.
 */
import { computeColumns, type StepCostModel } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { allocateOutputColumns } from '../model/compute.js';
import type { OutputKey } from '../model/outputs.js';
import type { ResolvedScenario } from '../result/types.js';
import type { CalibrationModel, CalibrationSet, InferenceEntry, TrainingEntry } from './types.js';

export type Pins = Partial<Record<InputKey, number>>;

export function modelOf(set: CalibrationSet, id: string): CalibrationModel {
  return set.models.find((m) => m.id === id)!;
}

export function gpuPeak(set: CalibrationSet, name: string): number {
  return set.gpus.find((g) => g.name === name)!.peakFlops.value;
}

/** The model's shape pins: what the published model gives; a missing width is derived from params and layers. */
function shapePins(model: CalibrationModel): Pins {
  const s = model.shape;
  const pins: Pins = { soraParams: s.params.value, dModel: s.dModel?.value ?? 0, pixelsPerToken: 0 };
  for (const key of ['layers', 'spatialCompression', 'temporalCompression', 'causalLatentFrames', 'patchSize', 'temporalPatch'] as const) {
    const field = s[key];
    if (field !== undefined) pins[key] = field.value;
  }
  return pins;
}

/** A clip's frame rate when its source gives none: the frame count sets the compute; fps only converts it to seconds and back. */
const DEFAULT_FPS = 24;

export function clipSeconds(entry: InferenceEntry): number {
  return entry.setting.frames / (entry.setting.fps ?? DEFAULT_FPS);
}

/** An inference figure's point: shape, resolution, frames, steps, guidance passes, GPU and GPU count; BF16 (every measured run is). */
export function inferencePins(set: CalibrationSet, entry: InferenceEntry): Pins {
  const s = entry.setting;
  const fps = s.fps ?? DEFAULT_FPS;
  return {
    ...shapePins(modelOf(set, entry.model)),
    height: s.height, width: s.width, fps, videoSeconds: s.frames / fps, samplingSteps: s.samplingSteps, cfgPasses: s.cfgPasses,
    gpuPeakFlops: gpuPeak(set, s.gpu),
    inferPeakFlops: 0,
    servingGpus: s.gpus,
    ...(s.gpus === 1 ? { servingGpuEfficiency: 1 } : {}),
  };
}

/** A training figure's point: the model's shape, the GPU, and its published training MFU when there is one. */
export function trainingPins(set: CalibrationSet, entry: TrainingEntry): Pins {
  return {
    ...shapePins(modelOf(set, entry.model)),
    gpuPeakFlops: gpuPeak(set, entry.gpu),
    ...(entry.trainMfu ? { trainMfu: entry.trainMfu.value } : {}),
  };
}

/** GPU-seconds for one clip from the model's minutes per GPU-hour: (clip minutes / minutes per GPU-hour) × 3600. */
export function gpuSecondsPerClip(seconds: number, minutesPerGpuHour: number): number {
  return ((seconds / 60) / minutesPerGpuHour) * 3600;
}

/** The model's outputs at one point: the scenario's medians, overwritten by `pins`. */
export function outputsAtMedians(scenario: ResolvedScenario, pins: Pins, stepCost: StepCostModel): Record<OutputKey, number> {
  const input = Object.fromEntries(INPUT_KEYS.map((key) => [key, Float64Array.of(pins[key] ?? scenario.inputs[key].p50)])) as Record<InputKey, Float64Array>;
  const out = allocateOutputColumns(1);
  computeColumns(input, out, 1, stepCost);
  return Object.fromEntries(Object.entries(out).map(([key, column]) => [key, column[0]!])) as Record<OutputKey, number>;
}
