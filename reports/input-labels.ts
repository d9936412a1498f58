/**
 * Short plain-word names for the model's inputs, for chart rows and tables where the catalogue's
 * full description (src/model/inputs.ts) is too long. The catalogue stays the source of meaning.
 */
import { compileDistribution } from '../distributions/index.js';
import { INPUTS, type InputKey } from '../src/model/inputs.js';
import { formatRounded, percent } from '../src/format.js';
import type { InputAssumption } from '../src/scenario/types.js';
import { deepFrozen } from '../src/frozen.js';

export const INPUT_LABELS: Readonly<Record<InputKey, string>> = deepFrozen({
  ditTrainFlops: 'DiT-XL training compute',
  ditParams: 'DiT-XL parameters',
  ditStepFlops: 'DiT-XL step compute',
  soraParams: 'Sora parameters',
  datasetMultiplier: 'Training data vs DiT',
  videoFraction: 'Video share of training data',
  videoSeconds: 'Video length (s)',
  fps: 'Frames per second',
  temporalCompression: 'Temporal compression',
  trainDays: 'Training run (days)',
  trainMfu: 'Training MFU',
  gpuPeakFlops: 'H100 peak FLOP/s',
  samplingSteps: 'Sampling steps',
  cfgPasses: 'Passes per step (CFG)',
  flopsPerMac: 'FLOPs per DiT "Gflop"',
  inferMfu: 'Inference MFU',
  gpuHourPrice: 'H100 price per hour',
  tiktokMinutesPerDay: 'TikTok uploads (min/day)',
  youtubeMinutesPerDay: 'YouTube uploads (min/day)',
  tiktokAiShare: 'AI share of TikTok',
  youtubeAiShare: 'AI share of YouTube',
  candidatesPerVideo: 'Videos generated per video kept',
  peakToAverage: 'Peak over average demand',
  servingUtilization: 'Serving utilisation',
  height: 'Frame height (px)',
  width: 'Frame width (px)',
  spatialCompression: 'Spatial compression',
  patchSize: 'Patch size',
  layers: 'Transformer layers',
  dModel: 'Hidden width',
  causalLatentFrames: 'Causal latent frames (0/1)',
  temporalPatch: 'Temporal patch',
  trainHeight: 'Training frame height (px)',
  trainWidth: 'Training frame width (px)',
  trainVideoSeconds: 'Training clip length (s)',
  inferPeakFlops: 'Inference peak FLOP/s',
  servingGpuEfficiency: 'Multi-GPU serving efficiency',
  servingGpus: 'GPUs serving one clip',
  servingGpuLoss: 'Efficiency lost per extra serving GPU',
  pixelsPerToken: 'Pixels per token, each way',
});

/** An input's value written for people in its own unit: `17.3B`, `40%`, `$2.00`, `1e21`. */
export function formatInputValue(key: InputKey, value: number): string {
  const { unit, zeroMeans } = INPUTS[key];
  if (value === 0 && zeroMeans) return zeroMeans;
  if (unit === '0–1') return percent(value);
  return formatRounded(value, unit);
}

/**
 * An input's distribution in one line for a reader, its values written as the report writes that
 * input (`fixed 1.00×10²¹`, `discrete: 989 T (75%), …`), not in the short e-notation of the Result's
 * `description`, which stays as it is (it is part of what a Result records).
 */
export function describeInput(key: InputKey, input: InputAssumption): string {
  const { zeroMeans } = INPUTS[key];
  if (zeroMeans && input.spec.dist === 'fixed' && input.spec.value === 0) return `fixed: ${zeroMeans}`;
  return compileDistribution(input.spec).describe((x) => formatInputValue(key, x));
}

/** How an input's range was reached, as the report writes it beside the input's name: `fitted`, `judgement`, or nothing. */
export function basisWord(input: Pick<InputAssumption, 'basis'>): string {
  return input.basis ?? '';
}

/** An input's short name with its basis when the scenario gives one: `Sampling steps (judgement)`, `Inference MFU (fitted)`. */
export function inputName(key: InputKey, input: Pick<InputAssumption, 'basis'>): string {
  const basis = basisWord(input);
  return basis ? `${INPUT_LABELS[key]} (${basis})` : INPUT_LABELS[key];
}
