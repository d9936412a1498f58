/**
 * The input catalogue: every input of the compute model (docs/model.md, "Inputs of the article's arithmetic") with its
 * unit, meaning, article value, the values it may take, and the range public evidence supports.
 * It is the one source of truth: the CLI listing, scenario validation and the report's
 * assumption table all read it.
 */
import { SoraError, show, showKey } from '../errors.js';
import { deepFrozen, type DeepReadonly } from '../frozen.js';

/** The values an input may take: an interval, open or closed at each end. */
export interface Domain {
  min: number;
  max: number;
  /** true: `min` itself is not allowed (e.g. a utilisation of 0 would divide by zero). */
  minOpen: boolean;
  maxOpen: boolean;
}

export interface EvidenceRange {
  low: number;
  high: number;
  note: string;
}

export interface InputSpec {
  key: InputKey;
  unit: string;
  description: string;
  /** The value the article uses (or docs/model.md's, where the article is silent). */
  article: number;
  /** What the article value rests on, when it needs saying. */
  articleNote?: string;
  domain: Domain;
  evidence?: EvidenceRange;
  /** Inputs read only by the attention-aware (`transformer`) step-cost model. */
  transformerOnly?: boolean;
  /** What a value of 0 stands for, when 0 is a placeholder rather than a quantity (`as at inference`). */
  zeroMeans?: string;
}

export const INPUT_KEYS = deepFrozen([
  'ditTrainFlops', 'ditParams', 'ditStepFlops', 'soraParams', 'datasetMultiplier', 'videoFraction',
  'videoSeconds', 'fps', 'temporalCompression', 'trainDays', 'trainMfu', 'gpuPeakFlops',
  'samplingSteps', 'cfgPasses', 'flopsPerMac', 'inferMfu', 'gpuHourPrice', 'tiktokMinutesPerDay',
  'youtubeMinutesPerDay', 'tiktokAiShare', 'youtubeAiShare', 'candidatesPerVideo', 'peakToAverage',
  'servingUtilization', 'height', 'width', 'spatialCompression', 'patchSize', 'layers', 'dModel',
  'causalLatentFrames', 'temporalPatch', 'trainHeight', 'trainWidth', 'trainVideoSeconds', 'inferPeakFlops',
  'servingGpuEfficiency', 'servingGpus', 'servingGpuLoss', 'pixelsPerToken',
] as const);

export type InputKey = (typeof INPUT_KEYS)[number];

const positive: Domain = { min: 0, max: Infinity, minOpen: true, maxOpen: true };
const nonNegative: Domain = { min: 0, max: Infinity, minOpen: false, maxOpen: true };
const atLeastOne: Domain = { min: 1, max: Infinity, minOpen: false, maxOpen: true };
/** A share or utilisation that must be above 0 (it divides) and at most 1. */
const fraction: Domain = { min: 0, max: 1, minOpen: true, maxOpen: false };
/** A share that may be 0. */
const share: Domain = { min: 0, max: 1, minOpen: false, maxOpen: false };

const specs: readonly InputSpec[] = [
  {
    key: 'ditTrainFlops', unit: 'FLOP', article: 1e21, domain: positive,
    description: 'DiT-XL/2 (512²) training compute as the article counts it',
    evidence: { low: 1e21, high: 1.2e21, note: 'DiT paper: 524.6 G × 256 batch × 3M steps × 3 ≈ 1.2e21' },
  },
  {
    key: 'ditParams', unit: 'params', article: 675e6, domain: positive,
    description: 'DiT-XL/2 parameter count', articleNote: 'DiT paper',
  },
  {
    key: 'ditStepFlops', unit: 'FLOP', article: 524e9, domain: positive,
    description: 'one DiT-XL/2 forward pass at 512×512 (1,024 tokens)',
    evidence: { low: 524e9, high: 524.6e9, note: 'DiT paper: 524.6 G' },
  },
  {
    key: 'soraParams', unit: 'params', article: 20.25e9, domain: positive,
    description: "Sora's size",
    articleNote: '"20B, i.e. 30× DiT-XL": 30 × 675e6 reproduces its 30× exactly',
    evidence: { low: 10e9, high: 30e9, note: 'mission range; public video DiTs: 13B, 14B, 30B, 30B' },
  },
  {
    key: 'datasetMultiplier', unit: '×', article: 4, domain: positive,
    description: "Sora's training data relative to DiT's 768M images seen",
    articleNote: '4 conservative, 10 optimistic',
    evidence: { low: 4, high: 10, note: 'mission range' },
  },
  {
    key: 'videoFraction', unit: '0–1', article: 0.5, domain: fraction,
    description: 'share of training data that is video (the rest is images)',
  },
  {
    key: 'videoSeconds', unit: 's', article: 60, domain: positive,
    description: 'length of one generated/trained video',
  },
  {
    key: 'fps', unit: '1/s', article: 24, domain: positive, description: 'frame rate',
    evidence: { low: 16, high: 30, note: 'public models' },
  },
  {
    key: 'temporalCompression', unit: '×', article: 8, domain: atLeastOne,
    description: "frames per latent frame in the video autoencoder",
    evidence: { low: 4, high: 8, note: '4 HunyuanVideo, Wan, CogVideoX, Open-Sora 2; 6 Mochi; 8 Movie Gen, Step-Video, LTX' },
  },
  {
    key: 'trainDays', unit: 'days', article: 30, domain: positive,
    description: 'wall-clock length of the training run',
  },
  {
    key: 'trainMfu', unit: '0–1', article: 1, domain: fraction,
    description: 'training model-FLOPs utilisation', articleNote: 'the article assumes 100%',
    evidence: { low: 0.32, high: 0.55, note: '0.32 Step-Video, 0.38 Seaweed, 0.38–0.43 Llama 3, ≤0.55 best known' },
  },
  {
    key: 'gpuPeakFlops', unit: 'FLOP/s', article: 989.4e12, domain: positive,
    description: 'H100 SXM dense BF16 peak (NVIDIA whitepaper)',
    evidence: { low: 989.4e12, high: 1978.9e12, note: 'FP8 dense 1,978.9 TFLOP/s' },
  },
  {
    key: 'samplingSteps', unit: 'steps', article: 250, domain: atLeastOne,
    description: "denoising steps per video (DiT's DDPM default)",
    evidence: { low: 4, high: 64, note: '30–64 undistilled; 4–12 distilled' },
  },
  {
    key: 'cfgPasses', unit: '×', article: 1, domain: atLeastOne,
    description: 'forward passes per step (classifier-free guidance makes it 2)',
    evidence: { low: 1, high: 2, note: '2 for most open models; 1 when CFG-distilled' },
  },
  {
    key: 'flopsPerMac', unit: '×', article: 1, domain: positive,
    description: "FLOPs per DiT \"Gflop\" (which count multiply-accumulates); applies to ditTrainFlops and ditStepFlops",
    evidence: { low: 1, high: 2, note: '2 is physically correct' },
  },
  {
    key: 'inferMfu', unit: '0–1', article: 1, domain: fraction, description: 'inference utilisation',
    evidence: { low: 0.23, high: 0.37, note: 'derived from public timings' },
  },
  {
    key: 'gpuHourPrice', unit: 'USD', article: 2, domain: nonNegative,
    description: 'H100 rental per GPU-hour',
    articleNote: 'not in the article; the rate Open-Sora 2.0 costs at',
    evidence: { low: 1.7, high: 3.5, note: 'rental indices 2024–2026, tail to 7' },
  },
  {
    key: 'tiktokMinutesPerDay', unit: 'min/day', article: 17e6, domain: nonNegative,
    description: 'TikTok uploads (34M videos × 30 s)',
    evidence: { low: 17e6, high: 40e6, note: 'a 2024 one-day census suggests ~40M' },
  },
  {
    key: 'youtubeMinutesPerDay', unit: 'min/day', article: 43e6, domain: nonNegative,
    description: 'YouTube uploads (500 h/min)',
  },
  {
    key: 'tiktokAiShare', unit: '0–1', article: 0.5, domain: share,
    description: 'share of TikTok minutes that are AI-generated',
  },
  {
    key: 'youtubeAiShare', unit: '0–1', article: 0.15, domain: share,
    description: 'share of YouTube minutes that are AI-generated',
  },
  {
    key: 'candidatesPerVideo', unit: '×', article: 1, domain: atLeastOne,
    description: 'videos generated per video published',
  },
  {
    key: 'peakToAverage', unit: '×', article: 1, domain: atLeastOne,
    description: 'peak demand over average demand',
  },
  {
    key: 'servingUtilization', unit: '0–1', article: 1, domain: fraction,
    description: 'average busy fraction of a serving fleet',
  },
  {
    key: 'height', unit: 'px', article: 512, domain: positive, transformerOnly: true,
    description: 'frame height (512 × 512 reproduces DiT’s 1,024 tokens per frame)',
  },
  {
    key: 'width', unit: 'px', article: 512, domain: positive, transformerOnly: true,
    description: 'frame width',
  },
  {
    key: 'spatialCompression', unit: '×', article: 8, domain: atLeastOne, transformerOnly: true,
    description: 'pixels per latent pixel, each way, in the autoencoder',
    evidence: { low: 8, high: 32, note: '8 most models; 16 Step-Video; 32 LTX' },
  },
  {
    key: 'patchSize', unit: 'latent px', article: 2, domain: atLeastOne, transformerOnly: true,
    description: 'latent pixels per token, each way',
  },
  {
    key: 'layers', unit: 'layers', article: 48, domain: atLeastOne, transformerOnly: true,
    description: 'transformer blocks',
    evidence: { low: 40, high: 48, note: 'Wan 14B 40; Movie Gen, Step-Video, Mochi 48' },
  },
  {
    key: 'dModel', unit: 'width', article: 0, domain: nonNegative, transformerOnly: true, zeroMeans: 'derived from size and layers',
    description: 'hidden width; 0 derives it as sqrt(soraParams / (12 × layers))',
    evidence: { low: 5120, high: 6144, note: 'Wan 14B 5,120; Movie Gen 6,144' },
  },
  {
    key: 'causalLatentFrames', unit: '0/1', article: 0, domain: share,
    description: 'how the autoencoder counts latent frames: 0 frames / compression (the article), 1 causal: 1 + (frames − 1) / compression (values between blend the two)',
    evidence: {
      low: 0, high: 1,
      note: 'causal VAEs (HunyuanVideo, Wan 2.1, CogVideoX, Open-Sora 2.0, LTX-Video) encode the first frame alone: 129 frames → 33 latent frames at 4×',
    },
  },
  {
    key: 'temporalPatch', unit: 'latent frames', article: 1, domain: atLeastOne, transformerOnly: true,
    description: 'latent frames per token (the patch size in time)',
    evidence: { low: 1, high: 2, note: '1 HunyuanVideo, Wan 2.1, Step-Video, Open-Sora 2.0; 2 CogVideoX1.5' },
  },
  {
    key: 'trainHeight', unit: 'px', article: 0, domain: nonNegative, transformerOnly: true, zeroMeans: 'as at inference',
    description: 'frame height the training tokens were spent at; 0 trains at the inference height',
    evidence: { low: 256, high: 480, note: 'most training tokens at 256–480p, a short high-resolution stage last (Open-Sora 2.0, Movie Gen, Seaweed-7B)' },
  },
  {
    key: 'trainWidth', unit: 'px', article: 0, domain: nonNegative, transformerOnly: true, zeroMeans: 'as at inference',
    description: 'frame width the training tokens were spent at; 0 trains at the inference width',
  },
  {
    key: 'trainVideoSeconds', unit: 's', article: 0, domain: nonNegative, transformerOnly: true, zeroMeans: 'as at inference',
    description: 'length of one training clip; 0 trains on clips as long as the generated video',
    evidence: { low: 2, high: 16, note: 'Open-Sora 2.0 trains on ≤5 s clips; Movie Gen 4–16 s' },
  },
  {
    key: 'inferPeakFlops', unit: 'FLOP/s', article: 0, domain: nonNegative, zeroMeans: 'the GPU peak (BF16)',
    description: 'peak throughput inference runs at; 0 means gpuPeakFlops (BF16). FP8 serving: 1,978.9 TFLOP/s on an H100',
    evidence: { low: 989.4e12, high: 1978.9e12, note: 'H100 SXM dense BF16 and FP8 (NVIDIA whitepaper)' },
  },
  {
    key: 'servingGpuEfficiency', unit: '0–1', article: 1, domain: fraction,
    description: 'GPU-seconds of a clip on one GPU over GPU-seconds on the GPUs that serve it together (1: one GPU per clip)',
    evidence: { low: 0.7, high: 0.93, note: 'sequence parallel, HunyuanVideo 720p on H100s (xDiT table): 0.93 on 4 GPUs, 0.70 on 8; Open-Sora 2.0 README: 0.75 on 8' },
  },
  {
    key: 'servingGpus', unit: 'GPUs', article: 1, domain: atLeastOne,
    description: 'GPUs that generate one clip together (sequence parallel); with servingGpuLoss they set the multi-GPU serving efficiency',
    evidence: { low: 1, high: 8, note: 'HunyuanVideo (xDiT), Wan 2.1 and Open-Sora 2.0 publish timings on 1, 2, 4 and 8 GPUs' },
  },
  {
    key: 'servingGpuLoss', unit: 'per extra GPU', article: 0, domain: nonNegative,
    description: 'efficiency lost per extra GPU serving one clip: multi-GPU efficiency = exp(−servingGpuLoss × (servingGpus − 1)), exactly 1 on one GPU',
    evidence: { low: 0.03, high: 0.045, note: 'HunyuanVideo, Wan 2.1 14B, Open-Sora 2.0 on 1–8 H100s (fitted by sora-mc calibrate)' },
  },
  {
    key: 'pixelsPerToken', unit: 'px', article: 0, domain: nonNegative, transformerOnly: true, zeroMeans: 'compression × patch size',
    description: 'side of the pixel square one token covers (autoencoder compression × patch); 0 means spatialCompression × patchSize',
    evidence: { low: 16, high: 32, note: '16: 8× VAE and 2×2 patches (HunyuanVideo, Wan 2.1, Open-Sora 2.0, CogVideoX, Movie Gen) or 16× and 1 (Step-Video, HunyuanVideo 1.5); 32: Wan 2.2 TI2V-5B (16× and 2), LTX-Video (32× and 1)' },
  },
];

/** The catalogue, keyed by input. */
export const INPUTS: DeepReadonly<Record<InputKey, InputSpec>> = deepFrozen(Object.fromEntries(
  specs.map((spec) => [spec.key, spec]),
) as Record<InputKey, InputSpec>);

/** Every input at its article value. */
export function articleValues(): Record<InputKey, number> {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, INPUTS[key].article])) as Record<InputKey, number>;
}

/** Whether `x` lies in `domain`. */
export function inDomain(x: number, domain: Domain): boolean {
  if (Number.isNaN(x)) return false;
  const aboveMin = domain.minOpen ? x > domain.min : x >= domain.min;
  const belowMax = domain.maxOpen ? x < domain.max : x <= domain.max;
  return aboveMin && belowMax;
}

/** A domain in interval notation, e.g. `(0, 1]`. */
export function describeDomain(domain: Domain): string {
  const lo = domain.minOpen ? '(' : '[';
  const hi = domain.maxOpen ? ')' : ']';
  const max = domain.max === Infinity ? '∞' : String(domain.max);
  return `${lo}${domain.min}, ${max}${hi}`;
}

/** What `key` allows, in words, e.g. `values in (0, 1] (0–1)`: every error about an input's value says it so. */
export function allowedValues(key: InputKey): string {
  const { domain, unit } = INPUTS[key];
  return `values in ${describeDomain(domain)} (${unit})`;
}

/**
 * A point of the model checked as a scenario's inputs are (src/scenario/resolve.ts): an object with a
 * number inside its input's domain for every input of the catalogue and nothing else. A SoraError names
 * the input (`point.trainMfu`): a missing input gave NaN, −1 a negative fleet, a string was coerced.
 */
export function checkPoint(point: unknown, path = 'point'): asserts point is Record<InputKey, number> {
  if (typeof point !== 'object' || point === null || Array.isArray(point)) {
    throw new SoraError('a point of the model is an object of input values', { path, expected: `{ ${INPUT_KEYS.slice(0, 2).join(': …, ')}: …, … } with every input of the catalogue`, found: show(point) });
  }
  const values = point as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!(INPUT_KEYS as readonly string[]).includes(key)) {
      throw new SoraError(`unknown input ${show(key)}`, { path: `${path}.${showKey(key)}`, expected: 'an input of the catalogue (sora-mc inputs)', found: show(key) });
    }
  }
  for (const key of INPUT_KEYS) {
    const value = values[key];
    if (typeof value !== 'number' || !inDomain(value, INPUTS[key].domain)) {
      throw new SoraError(value === undefined ? `the point has no value for input ${key}` : `${key} is outside what it allows`, { path: `${path}.${key}`, expected: allowedValues(key), found: show(value) });
    }
  }
}
