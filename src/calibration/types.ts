/**
 * The calibration set: published video diffusion transformers with their shapes, measured settings
 * and measured figures, each number with its source (src/calibration/calibration.json). `backtest`
 * runs the model against it.
 */
import { deepFrozen } from '../frozen.js';

/** One published number and where it comes from. */
export interface Sourced {
  value: number;
  source: string;
  note?: string;
}

/** Shape fields a published model may give; what it leaves out the backtest takes from the scenario. */
export const SHAPE_KEYS = deepFrozen([
  'params', 'layers', 'dModel', 'spatialCompression', 'temporalCompression', 'causalLatentFrames', 'patchSize', 'temporalPatch',
] as const);
export type ShapeKey = (typeof SHAPE_KEYS)[number];

export interface CalibrationGpu {
  name: string;
  /** Dense BF16 peak, FLOP/s. */
  peakFlops: Sourced;
}

export interface CalibrationModel {
  id: string;
  name: string;
  shape: Partial<Record<ShapeKey, Sourced>> & { params: Sourced };
}

export interface InferenceSetting {
  height: number;
  width: number;
  frames: number;
  /** Frames per second; optional because a clip's frame count, not its fps, sets the compute. */
  fps?: number;
  samplingSteps: number;
  cfgPasses: number;
  /** GPUs that generate one clip together. */
  gpus: number;
  gpu: string;
  source: string;
}

export interface Measured {
  source: string;
  /** True when someone other than the model's authors estimated or measured the figure. */
  thirdParty: boolean;
}

export interface InferenceEntry {
  model: string;
  setting: InferenceSetting;
  /** Wall-clock seconds for one clip on `setting.gpus` GPUs. */
  measured: Measured & { seconds: number };
}

export interface TrainingEntry {
  model: string;
  gpu: string;
  /** Published training utilisation, when there is one (otherwise the scenario's). */
  trainMfu?: Sourced;
  measured: Measured & { gpuHours: number };
}

export interface ApiPrice {
  product: string;
  usdPerSecond: number;
  when: string;
  source: string;
  thirdParty: boolean;
}

export interface CalibrationSet {
  description: string;
  gpus: CalibrationGpu[];
  models: CalibrationModel[];
  inference: InferenceEntry[];
  training: TrainingEntry[];
  /** Published list prices: reference marks (they include a margin), never backtest targets. */
  apiPrices: ApiPrice[];
}
