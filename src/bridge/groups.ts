/**
 * The groups of inputs the bridge moves from their article values to a scenario's medians, in the
 * order it moves them. Every input of the catalogue is in exactly one group (a test holds this), so
 * after the last group the point is the scenario's medians.
 *
 * The order follows the article's own chain: the DiT figures it scales from, the MACs/FLOPs
 * convention, model size, data, the clip, the step-cost model, then inference settings, hardware,
 * utilisation, run length, price and demand. The model is a product of these factors except where
 * the attention-aware step cost couples model size and tokens, so for most outputs the order changes
 * only how a factor is split between model size, clip and step cost, never the end figure.
 */
import type { InputKey } from '../model/inputs.js';
import { deepFrozen } from '../frozen.js';

export interface BridgeGroup {
  /** File-safe id: `model-size`. */
  id: string;
  /** What a reader sees on the bar: `model size`. */
  label: string;
  inputs: readonly InputKey[];
  /** This group also switches the step-cost model from the article's to the scenario's. */
  stepCost?: true;
}

export const BRIDGE_GROUPS: readonly BridgeGroup[] = deepFrozen([
  { id: 'dit-reference', label: 'DiT-XL reference figures', inputs: ['ditTrainFlops', 'ditParams', 'ditStepFlops'] },
  { id: 'macs-to-flops', label: 'MACs → FLOPs', inputs: ['flopsPerMac'] },
  { id: 'model-size', label: 'model size', inputs: ['soraParams'] },
  { id: 'data', label: 'training data', inputs: ['datasetMultiplier', 'videoFraction'] },
  { id: 'clip', label: 'clip length, frame rate, compression', inputs: ['videoSeconds', 'fps', 'temporalCompression', 'causalLatentFrames'] },
  {
    id: 'step-cost',
    label: 'step-cost model and shape',
    inputs: ['height', 'width', 'spatialCompression', 'patchSize', 'pixelsPerToken', 'layers', 'dModel', 'temporalPatch', 'trainHeight', 'trainWidth', 'trainVideoSeconds'],
    stepCost: true,
  },
  { id: 'guidance', label: 'guidance passes', inputs: ['cfgPasses'] },
  { id: 'steps', label: 'sampling steps', inputs: ['samplingSteps'] },
  { id: 'gpu-peak', label: 'GPU peak FLOP/s', inputs: ['gpuPeakFlops', 'inferPeakFlops'] },
  { id: 'utilisation', label: 'utilisation', inputs: ['trainMfu', 'inferMfu', 'servingGpuEfficiency', 'servingGpus', 'servingGpuLoss'] },
  { id: 'run-length', label: 'run length', inputs: ['trainDays'] },
  { id: 'price', label: 'GPU price', inputs: ['gpuHourPrice'] },
  {
    id: 'demand',
    label: 'demand and serving headroom',
    inputs: ['tiktokMinutesPerDay', 'youtubeMinutesPerDay', 'tiktokAiShare', 'youtubeAiShare', 'candidatesPerVideo', 'peakToAverage', 'servingUtilization'],
  },
]);

/** The id and label of the last bar: the simulated median against the model at the inputs' medians. */
export const SAMPLING_STEP = deepFrozen({ id: 'sampling', label: 'sampling: median of the product vs product of medians' } as const);
