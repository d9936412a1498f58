/**
 * The output catalogue: every per-sample quantity the model computes (docs/model.md,
 * "Outputs, per sample"), with unit and meaning. `headline` marks the five a reader sees first.
 */
import { deepFrozen, type DeepReadonly } from '../frozen.js';

export const OUTPUT_KEYS = deepFrozen([
  'modelMultiplier', 'latentFrames', 'videoFactor', 'trainFlops', 'trainGpuHours', 'trainH100s',
  'trainCostUsd', 'stepFlops', 'videoFlops', 'flopsPerVideoMinute', 'videoMinutesPerGpuHour',
  'costPerVideoMinuteUsd', 'crossoverMinutes', 'aiMinutesPerDay', 'inferenceH100sAverage',
  'inferenceH100sPeak', 'crossoverDays', 'inferenceH100sPeakAllAi', 'ditImageFlops',
  'ditTrainDaysOneH100', 'ditCrossoverImages',
] as const);

export type OutputKey = (typeof OUTPUT_KEYS)[number];

export interface OutputSpec {
  key: OutputKey;
  unit: string;
  /** A short name for tables and chart titles. */
  label: string;
  description: string;
  /** How reports speak of a headline output; every chart, sentence and table reads these. */
  words?: OutputWords;
}

export interface OutputWords {
  /** The headline sentence's subject: `Training`. */
  lead: string;
  /** The question its distribution chart answers. */
  question: string;
  /** How a chart title refers to it: `the training fleet`. */
  subject: string;
  /** Its name at the head of a title: `Training H100s` (comparison: `Training H100s by scenario`). */
  name: string;
}

const specs: readonly OutputSpec[] = [
  { key: 'modelMultiplier', unit: '×', label: 'Model multiplier', description: 'soraParams / ditParams' },
  { key: 'latentFrames', unit: 'frames', label: 'Latent frames', description: 'videoSeconds × fps / temporalCompression' },
  { key: 'videoFactor', unit: '×', label: 'Video factor', description: "latent frames × video fraction (the article's 180 / 2)" },
  { key: 'trainFlops', unit: 'FLOP', label: 'Training compute', description: 'total training compute' },
  { key: 'trainGpuHours', unit: 'H100-hours', label: 'Training GPU-hours', description: 'H100-hours of training at the given MFU' },
  { key: 'trainH100s', unit: 'H100s', label: 'Training H100s', description: 'H100s busy for the whole training run',
    words: { lead: 'Training', question: 'How many H100s does training Sora take?', subject: 'the training fleet', name: 'Training H100s' },
  },
  { key: 'trainCostUsd', unit: 'USD', label: 'Training cost', description: 'training GPU-hours × rental price' },
  { key: 'stepFlops', unit: 'FLOP', label: 'Per-step inference', description: 'compute of one denoising step for one video' },
  { key: 'videoFlops', unit: 'FLOP', label: 'Per-video inference', description: 'compute of one video of videoSeconds' },
  { key: 'flopsPerVideoMinute', unit: 'FLOP', label: 'Inference per video minute', description: 'compute per minute of generated video' },
  { key: 'videoMinutesPerGpuHour', unit: 'min/H100-hour', label: 'Video per H100-hour', description: 'minutes of video one H100 generates per hour',
    words: { lead: 'Throughput', question: 'How many minutes of video does one H100 generate per hour?', subject: 'throughput per H100', name: 'Minutes of video per H100-hour' },
  },
  { key: 'costPerVideoMinuteUsd', unit: 'USD/min', label: 'Cost per video minute', description: 'GPU rental cost of one minute of video',
    words: { lead: 'Cost', question: 'What does a minute of Sora video cost in GPU time?', subject: 'the cost per video minute', name: 'Cost per video minute' },
  },
  { key: 'crossoverMinutes', unit: 'min', label: 'Crossover minutes', description: 'minutes of generated video whose inference compute equals training compute',
    words: { lead: 'Crossover', question: 'After how many minutes of video does inference match training compute?', subject: 'the crossover', name: 'Crossover minutes' },
  },
  { key: 'aiMinutesPerDay', unit: 'min/day', label: 'AI video per day', description: 'AI-generated minutes uploaded per day to TikTok and YouTube' },
  { key: 'inferenceH100sAverage', unit: 'H100s', label: 'Inference fleet (average)', description: 'H100s serving the average daily demand' },
  { key: 'inferenceH100sPeak', unit: 'H100s', label: 'Inference fleet (peak)', description: 'H100s for peak demand at the serving utilisation',
    words: { lead: 'Inference fleet', question: 'How many H100s does serving Sora take at peak?', subject: 'the peak inference fleet', name: 'Peak inference fleet' },
  },
  { key: 'crossoverDays', unit: 'days', label: 'Crossover days', description: 'days of AI video demand until inference compute equals training compute' },
  { key: 'inferenceH100sPeakAllAi', unit: 'H100s', label: 'Peak fleet if all uploads were AI', description: 'peak inference fleet with both AI shares at 100% (scales linearly with the share)' },
  { key: 'ditImageFlops', unit: 'FLOP', label: 'DiT-XL image', description: 'inference compute of one DiT-XL 512² image' },
  { key: 'ditTrainDaysOneH100', unit: 'days', label: 'DiT-XL on one H100', description: 'days one H100 needs to train DiT-XL/2' },
  { key: 'ditCrossoverImages', unit: 'images', label: 'DiT-XL crossover', description: 'images whose inference compute equals DiT-XL training compute' },
];

export const OUTPUTS: DeepReadonly<Record<OutputKey, OutputSpec>> = deepFrozen(Object.fromEntries(
  specs.map((spec) => [spec.key, spec]),
) as Record<OutputKey, OutputSpec>);

/** The outputs a reader sees first, in the order the CLI table and the report show them. */
export const HEADLINE_OUTPUTS: readonly OutputKey[] = deepFrozen([
  'trainH100s', 'crossoverMinutes', 'videoMinutesPerGpuHour', 'costPerVideoMinuteUsd', 'inferenceH100sPeak',
]);
