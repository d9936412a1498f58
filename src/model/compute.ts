/**
 * The compute model of ../shared/MODEL.md over columns: one loop over sample indices, no
 * per-sample objects. `computePoint` is the same arithmetic for a single point.
 */
import { INPUT_KEYS, type InputKey } from './inputs.js';
import { OUTPUT_KEYS, type OutputKey } from './outputs.js';

/**
 * How the cost of one denoising step is counted (MODEL.md):
 * - `article`: DiT-XL's per-step cost scaled linearly by model size and latent frames;
 * - `transformer`: 2 × token-parameters × tokens + 4 × layers × dModel × tokens² (attention-aware).
 */
export type StepCostModel = 'article' | 'transformer';
export const STEP_COST_MODELS: readonly StepCostModel[] = ['article', 'transformer'];

export type InputColumns = Readonly<Record<InputKey, Float64Array>>;
export type OutputColumns = Readonly<Record<OutputKey, Float64Array>>;

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;
const SECONDS_PER_DAY = 86_400;

/**
 * Forward-pass FLOPs of a transformer over `tokens` tokens (MODEL.md, "attention-aware step cost"):
 * 2 × tokenParams × tokens for the weights every token passes through (tokenParams = 12 L d²),
 * plus 4 × L × d × tokens² for attention scores and their weighted sum.
 */
export function transformerForwardFlops(layers: number, dModel: number, tokens: number): number {
  const tokenParams = 12 * layers * dModel * dModel;
  return 2 * tokenParams * tokens + 4 * layers * dModel * tokens * tokens;
}

/** dModel when the scenario gives none: solve soraParams = 12 × layers × dModel². */
export function impliedDModel(params: number, layers: number): number {
  return Math.sqrt(params / (12 * layers));
}

/**
 * Fills `out[key][i]` for i in [0, length) from `input[key][i]`. Every formula is MODEL.md's;
 * the comments name its lines.
 */
export function computeColumns(
  input: InputColumns,
  out: OutputColumns,
  length: number,
  stepCost: StepCostModel,
): void {
  const attentionAware = stepCost === 'transformer';
  const {
    ditTrainFlops, ditParams, ditStepFlops, soraParams, datasetMultiplier, videoFraction, videoSeconds,
    fps, temporalCompression, trainDays, trainMfu, gpuPeakFlops, samplingSteps, cfgPasses, flopsPerMac,
    inferMfu, gpuHourPrice, tiktokMinutesPerDay, youtubeMinutesPerDay, tiktokAiShare, youtubeAiShare,
    candidatesPerVideo, peakToAverage, servingUtilization, height, width, spatialCompression, patchSize,
    layers, dModel,
  } = input;
  for (let i = 0; i < length; i++) {
    const modelMultiplier = soraParams[i]! / ditParams[i]!;
    const latentFrames = (videoSeconds[i]! * fps[i]!) / temporalCompression[i]!;
    const videoFactor = latentFrames * videoFraction[i]!; // the article's "180 / 2"
    const macFactor = flopsPerMac[i]!;
    let trainFlops = ditTrainFlops[i]! * macFactor * modelMultiplier * datasetMultiplier[i]! * videoFactor;
    let stepFlops: number;
    if (attentionAware) {
      const tokensPerFrame =
        (height[i]! / spatialCompression[i]! / patchSize[i]!) * (width[i]! / spatialCompression[i]! / patchSize[i]!);
      const tokens = latentFrames * tokensPerFrame;
      const d = dModel[i]! > 0 ? dModel[i]! : impliedDModel(soraParams[i]!, layers[i]!);
      const forwardFlops = transformerForwardFlops(layers[i]!, d, tokens);
      stepFlops = cfgPasses[i]! * forwardFlops;
      // Training follows the same correction: transformer forward / article forward, both in FLOPs, no CFG.
      trainFlops *= forwardFlops / (ditStepFlops[i]! * 2 * modelMultiplier * latentFrames);
    } else {
      stepFlops = ditStepFlops[i]! * macFactor * modelMultiplier * latentFrames * cfgPasses[i]!;
    }
    const peakFlops = gpuPeakFlops[i]!;
    const trainGpuHours = trainFlops / (peakFlops * trainMfu[i]! * SECONDS_PER_HOUR);
    const videoFlops = stepFlops * samplingSteps[i]!;
    const flopsPerVideoMinute = (videoFlops * 60) / videoSeconds[i]!;
    const videoMinutesPerGpuHour = (peakFlops * inferMfu[i]! * SECONDS_PER_HOUR) / flopsPerVideoMinute;
    const crossoverMinutes = trainFlops / flopsPerVideoMinute; // inference compute = training compute
    const aiMinutesPerDay = tiktokMinutesPerDay[i]! * tiktokAiShare[i]! + youtubeMinutesPerDay[i]! * youtubeAiShare[i]!;
    const generatedPerDay = aiMinutesPerDay * candidatesPerVideo[i]!;
    const gpuMinutesPerDay = videoMinutesPerGpuHour * HOURS_PER_DAY;
    const peakOverAverage = peakToAverage[i]! / servingUtilization[i]!;
    const inferenceH100sAverage = generatedPerDay / gpuMinutesPerDay;

    out.modelMultiplier[i] = modelMultiplier;
    out.latentFrames[i] = latentFrames;
    out.videoFactor[i] = videoFactor;
    out.trainFlops[i] = trainFlops;
    out.trainGpuHours[i] = trainGpuHours;
    out.trainH100s[i] = trainGpuHours / (trainDays[i]! * HOURS_PER_DAY); // GPUs busy for the whole run
    out.trainCostUsd[i] = trainGpuHours * gpuHourPrice[i]!;
    out.stepFlops[i] = stepFlops;
    out.videoFlops[i] = videoFlops;
    out.flopsPerVideoMinute[i] = flopsPerVideoMinute;
    out.videoMinutesPerGpuHour[i] = videoMinutesPerGpuHour;
    out.costPerVideoMinuteUsd[i] = gpuHourPrice[i]! / videoMinutesPerGpuHour;
    out.crossoverMinutes[i] = crossoverMinutes;
    out.aiMinutesPerDay[i] = aiMinutesPerDay;
    out.inferenceH100sAverage[i] = inferenceH100sAverage;
    out.inferenceH100sPeak[i] = inferenceH100sAverage * peakOverAverage;
    out.crossoverDays[i] = crossoverMinutes / generatedPerDay;
    out.inferenceH100sPeakAllAi[i] =
      ((tiktokMinutesPerDay[i]! + youtubeMinutesPerDay[i]!) * candidatesPerVideo[i]! / gpuMinutesPerDay) * peakOverAverage;
    // The article's image comparison: one DiT-XL image at the same steps and guidance.
    out.ditImageFlops[i] = ditStepFlops[i]! * macFactor * samplingSteps[i]! * cfgPasses[i]!;
    out.ditTrainDaysOneH100[i] = (ditTrainFlops[i]! * macFactor) / (peakFlops * trainMfu[i]! * SECONDS_PER_DAY);
    out.ditCrossoverImages[i] = (ditTrainFlops[i]! * macFactor) / out.ditImageFlops[i]!;
  }
}

/** Allocates one column per output, each of `length` samples. */
export function allocateOutputColumns(length: number): Record<OutputKey, Float64Array> {
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, new Float64Array(length)])) as Record<OutputKey, Float64Array>;
}

/** The model at one point: the same arithmetic as `computeColumns`, over columns of length 1. */
export function computePoint(
  point: Readonly<Record<InputKey, number>>,
  stepCost: StepCostModel,
): Record<OutputKey, number> {
  const input = Object.fromEntries(INPUT_KEYS.map((key) => [key, Float64Array.of(point[key])])) as Record<
    InputKey,
    Float64Array
  >;
  const out = allocateOutputColumns(1);
  computeColumns(input, out, 1, stepCost);
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, out[key][0]!])) as Record<OutputKey, number>;
}
