/**
 * The compute model of docs/model.md over columns: one loop over sample indices, no
 * per-sample objects. `computePoint` is the same arithmetic for a single point.
 */
import { SoraError, show } from '../errors.js';
import { checkPoint, INPUT_KEYS, type InputKey } from './inputs.js';
import { OUTPUT_KEYS, type OutputKey } from './outputs.js';
import { deepFrozen } from '../frozen.js';

/**
 * How the cost of one denoising step is counted (docs/model.md, "Beyond the article"):
 * - `article`: DiT-XL's per-step cost scaled linearly by model size and latent frames;
 * - `transformer`: 2 × token-parameters × tokens + 4 × layers × dModel × tokens² (attention-aware).
 */
export type StepCostModel = 'article' | 'transformer';
export const STEP_COST_MODELS: readonly StepCostModel[] = deepFrozen(['article', 'transformer']);

/** `value` as a step-cost model, or one SoraError for anything else (a hand-built scenario, a computePoint call). */
export function checkStepCost(value: unknown, path = 'stepCost'): StepCostModel {
  if ((STEP_COST_MODELS as readonly unknown[]).includes(value)) return value as StepCostModel;
  throw new SoraError('unknown step-cost model', { path, expected: `one of ${STEP_COST_MODELS.join(', ')}`, found: show(value) });
}

export type InputColumns = Readonly<Record<InputKey, Float64Array>>;
export type OutputColumns = Readonly<Record<OutputKey, Float64Array>>;

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;
const SECONDS_PER_DAY = 86_400;

/**
 * Forward-pass FLOPs of a transformer over `tokens` tokens (docs/model.md, "Beyond the article"):
 * 2 × tokenParams × tokens for the weights every token passes through (tokenParams = 12 L d²),
 * plus 4 × L × d × tokens² for attention scores and their weighted sum.
 */
export function transformerForwardFlops(layers: number, dModel: number, tokens: number): number {
  const tokenParams = 12 * layers * dModel * dModel;
  return 2 * tokenParams * tokens + 4 * layers * dModel * tokens * tokens;
}

/**
 * Latent frames of a clip of `frames` frames: the article's frames / compression, or as causal video
 * autoencoders count them, 1 + (frames − 1) / compression (the first frame is encoded alone:
 * HunyuanVideo, Wan 2.1, CogVideoX). `causal` in [0, 1] blends the two linearly; the causal count is
 * the article's plus 1 − 1/compression.
 */
export function latentFrameCount(frames: number, compression: number, causal: number): number {
  return frames / compression + causal * (1 - 1 / compression);
}

/**
 * Tokens along time: latent frames / temporal patch. A temporal patch of more than one latent frame
 * takes whole tokens, so the latent frames are padded up to a multiple of it (diffusers pads
 * CogVideoX1.5's 21 latent frames of an 81-frame clip to 22: 11 tokens); a patch of 1 keeps the
 * latent count as it is (the article's fractional frames / compression included).
 */
export function temporalTokens(latentFrames: number, temporalPatch: number): number {
  return temporalPatch > 1 ? Math.ceil(latentFrames / temporalPatch - 1e-9) : latentFrames;
}

/** dModel when the scenario gives none: solve soraParams = 12 × layers × dModel². */
export function impliedDModel(params: number, layers: number): number {
  return Math.sqrt(params / (12 * layers));
}

/**
 * Fills `out[key][i]` for i in [0, length) from `input[key][i]`. Every formula is docs/model.md's; the
 * comments name its lines. Three passes over the samples (scale, the optional attention correction,
 * costs and fleets) keep each loop's working set small enough to stay in registers.
 */
export function computeColumns(
  input: InputColumns,
  out: OutputColumns,
  length: number,
  stepCost: StepCostModel,
): void {
  scalePass(input, out, length);
  if (stepCost === 'transformer') attentionPass(input, out, length);
  costPass(input, out, length);
}

/** Model size, latent frames, and training and per-step compute as the article scales them. */
function scalePass(input: InputColumns, out: OutputColumns, length: number): void {
  const { ditTrainFlops, ditParams, ditStepFlops, soraParams, datasetMultiplier, videoFraction, videoSeconds, fps,
    temporalCompression, cfgPasses, flopsPerMac, causalLatentFrames } = input;
  const { modelMultiplier, latentFrames, videoFactor, trainFlops, stepFlops } = out;
  for (let i = 0; i < length; i++) {
    const multiplier = soraParams[i]! / ditParams[i]!; // modelMultiplier = soraParams / ditParams
    const frames = latentFrameCount(videoSeconds[i]! * fps[i]!, temporalCompression[i]!, causalLatentFrames[i]!); // latentFrames
    const factor = frames * videoFraction[i]!; // videoFactor: the article's "180 / 2"
    modelMultiplier[i] = multiplier;
    latentFrames[i] = frames;
    videoFactor[i] = factor;
    trainFlops[i] = ditTrainFlops[i]! * flopsPerMac[i]! * multiplier * datasetMultiplier[i]! * factor;
    stepFlops[i] = ditStepFlops[i]! * flopsPerMac[i]! * multiplier * frames * cfgPasses[i]!;
  }
}

/**
 * The attention-aware step cost (docs/model.md, "Beyond the article") replaces stepFlops; training
 * compute is multiplied by transformer forward / article forward, without CFG.
 *
 * The article forward in that ratio carries the same `flopsPerMac` as the training compute it
 * corrects, so the corrected training compute is in FLOPs whatever the convention DiT's figures are
 * read in. (A fixed 2 there would leave training in the DiT paper's multiply-accumulates against
 * inference in FLOPs at flopsPerMac = 1, halving the crossover; the two agree at flopsPerMac = 2.)
 */
function attentionPass(input: InputColumns, out: OutputColumns, length: number): void {
  const { ditStepFlops, flopsPerMac, soraParams, cfgPasses, height, width, spatialCompression, patchSize, layers, dModel,
    temporalPatch, trainHeight, trainWidth, trainVideoSeconds, videoSeconds, fps, temporalCompression, causalLatentFrames,
    pixelsPerToken } = input;
  const { modelMultiplier, latentFrames, trainFlops, stepFlops } = out;
  for (let i = 0; i < length; i++) {
    const latent = pixelsPerToken[i]! > 0 ? pixelsPerToken[i]! : spatialCompression[i]! * patchSize[i]!;
    // Tokens: latent frames / temporal patch × pixels / pixels a token covers, each way.
    const tokens = temporalTokens(latentFrames[i]!, temporalPatch[i]!) * (height[i]! / latent) * (width[i]! / latent);
    const d = dModel[i]! > 0 ? dModel[i]! : impliedDModel(soraParams[i]!, layers[i]!);
    const forwardFlops = transformerForwardFlops(layers[i]!, d, tokens);
    stepFlops[i] = cfgPasses[i]! * forwardFlops;
    // The training clip: the inference clip unless trainHeight/trainWidth/trainVideoSeconds say otherwise
    // (published runs spend most tokens at 256–480p on short clips). 0 means "as at inference".
    const trainSeconds = trainVideoSeconds[i]! > 0 ? trainVideoSeconds[i]! : videoSeconds[i]!;
    const trainFrames = latentFrameCount(trainSeconds * fps[i]!, temporalCompression[i]!, causalLatentFrames[i]!);
    const trainTokens = temporalTokens(trainFrames, temporalPatch[i]!) *
      ((trainHeight[i]! > 0 ? trainHeight[i]! : height[i]!) / latent) *
      ((trainWidth[i]! > 0 ? trainWidth[i]! : width[i]!) / latent);
    const trainForwardFlops = trainTokens === tokens ? forwardFlops : transformerForwardFlops(layers[i]!, d, trainTokens);
    trainFlops[i] = trainFlops[i]! * (trainForwardFlops / (ditStepFlops[i]! * flopsPerMac[i]! * modelMultiplier[i]! * latentFrames[i]!));
  }
}

/** GPU-hours, fleets, costs and crossovers from the compute of the first passes. */
function costPass(input: InputColumns, out: OutputColumns, length: number): void {
  const { ditTrainFlops, ditStepFlops, videoSeconds, trainDays, trainMfu, gpuPeakFlops, samplingSteps, cfgPasses,
    flopsPerMac, inferMfu, gpuHourPrice, tiktokMinutesPerDay, youtubeMinutesPerDay, tiktokAiShare, youtubeAiShare,
    candidatesPerVideo, peakToAverage, servingUtilization, inferPeakFlops, servingGpuEfficiency, servingGpus, servingGpuLoss } = input;
  const { trainFlops, stepFlops, trainGpuHours, trainH100s, trainCostUsd, videoFlops, flopsPerVideoMinute,
    videoMinutesPerGpuHour, costPerVideoMinuteUsd, crossoverMinutes, aiMinutesPerDay, inferenceH100sAverage,
    inferenceH100sPeak, crossoverDays, inferenceH100sPeakAllAi, ditImageFlops, ditTrainDaysOneH100, ditCrossoverImages } = out;
  for (let i = 0; i < length; i++) {
    const peakFlops = gpuPeakFlops[i]!;
    const gpuHours = trainFlops[i]! / (peakFlops * trainMfu[i]! * SECONDS_PER_HOUR); // trainGpuHours
    const perVideo = stepFlops[i]! * samplingSteps[i]!; // videoFlops
    const perMinute = (perVideo * 60) / videoSeconds[i]!; // flopsPerVideoMinute
    // Inference may run at another peak (FP8: inferPeakFlops; 0 means gpuPeakFlops) and on several GPUs per
    // clip, which costs GPU-seconds: efficiency = one-GPU GPU-seconds / parallel GPU-seconds, given directly
    // (servingGpuEfficiency) or as exp(−servingGpuLoss × (servingGpus − 1)), exactly 1 on one GPU.
    const efficiency = servingGpuEfficiency[i]! * Math.exp(-servingGpuLoss[i]! * (servingGpus[i]! - 1));
    const servingFlops = (inferPeakFlops[i]! > 0 ? inferPeakFlops[i]! : peakFlops) * inferMfu[i]! * efficiency;
    const minutesPerGpuHour = (servingFlops * SECONDS_PER_HOUR) / perMinute; // videoMinutesPerGpuHour
    const crossover = trainFlops[i]! / perMinute; // crossoverMinutes: inference compute = training compute
    const aiMinutes = tiktokMinutesPerDay[i]! * tiktokAiShare[i]! + youtubeMinutesPerDay[i]! * youtubeAiShare[i]!;
    const generatedPerDay = aiMinutes * candidatesPerVideo[i]!;
    const gpuMinutesPerDay = minutesPerGpuHour * HOURS_PER_DAY;
    const peakOverAverage = peakToAverage[i]! / servingUtilization[i]!;
    const averageFleet = generatedPerDay / gpuMinutesPerDay; // inferenceH100sAverage
    const ditMacs = ditTrainFlops[i]! * flopsPerMac[i]!;
    const imageFlops = ditStepFlops[i]! * flopsPerMac[i]! * samplingSteps[i]! * cfgPasses[i]!; // one DiT-XL image

    trainGpuHours[i] = gpuHours;
    trainH100s[i] = gpuHours / (trainDays[i]! * HOURS_PER_DAY); // GPUs busy for the whole run
    trainCostUsd[i] = gpuHours * gpuHourPrice[i]!;
    videoFlops[i] = perVideo;
    flopsPerVideoMinute[i] = perMinute;
    videoMinutesPerGpuHour[i] = minutesPerGpuHour;
    costPerVideoMinuteUsd[i] = gpuHourPrice[i]! / minutesPerGpuHour;
    crossoverMinutes[i] = crossover;
    aiMinutesPerDay[i] = aiMinutes;
    inferenceH100sAverage[i] = averageFleet;
    inferenceH100sPeak[i] = averageFleet * peakOverAverage;
    crossoverDays[i] = crossover / generatedPerDay;
    // The fleet if every uploaded minute were AI: linear in the share, for the report's share bands.
    inferenceH100sPeakAllAi[i] =
      (((tiktokMinutesPerDay[i]! + youtubeMinutesPerDay[i]!) * candidatesPerVideo[i]!) / gpuMinutesPerDay) * peakOverAverage;
    ditImageFlops[i] = imageFlops;
    ditTrainDaysOneH100[i] = ditMacs / (peakFlops * trainMfu[i]! * SECONDS_PER_DAY);
    ditCrossoverImages[i] = ditMacs / imageFlops;
  }
}

/** Allocates one column per output, each of `length` samples. */
export function allocateOutputColumns(length: number): Record<OutputKey, Float64Array> {
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, new Float64Array(length)])) as Record<OutputKey, Float64Array>;
}

/**
 * The model at one point: the same arithmetic as `computeColumns`, over columns of length 1. The
 * point and the step-cost model are checked first (checkPoint, checkStepCost): a SoraError naming
 * the bad value, never NaN or a negative fleet.
 */
export function computePoint(
  point: Readonly<Record<InputKey, number>>,
  stepCost: StepCostModel,
): Record<OutputKey, number> {
  checkStepCost(stepCost);
  checkPoint(point);
  const input = Object.fromEntries(INPUT_KEYS.map((key) => [key, Float64Array.of(point[key])])) as Record<
    InputKey,
    Float64Array
  >;
  const out = allocateOutputColumns(1);
  computeColumns(input, out, 1, stepCost);
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, out[key][0]!])) as Record<OutputKey, number>;
}
