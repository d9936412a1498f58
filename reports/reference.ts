/**
 * Published facts the charts overlay: video-model sizes, single-GPU generation timings, a training
 * fleet, Sora 2's API prices. The numbers live in `reference/video-models.json` (copied, with their
 * sources, from the project's shared reference so the package reads nothing outside itself); this
 * module turns them into the quantities the charts plot. Derived figures say so in their notes.
 */
import data from './reference/video-models.json' with { type: 'json' };

export interface PublishedModel {
  name: string;
  date: string;
  params: number;
  sources: string[];
}

/** Minutes of video one GPU generates per hour, from a published single-GPU timing. */
export interface MeasuredThroughput {
  name: string;
  minutesPerGpuHour: number;
  /** How the timing was taken (resolution, frames, steps, GPU). */
  setting: string;
  source: string;
}

export interface PublishedPrice {
  label: string;
  usdPerVideoMinute: number;
  note: string;
  source: string;
}

interface ModelEntry {
  name: string;
  date: string;
  params: number;
  sources: string[];
  frames?: number;
  fps?: number;
  videoSeconds?: number;
  inferenceSecondsOneGpu?: number;
  inferenceSetting?: string;
  trainGpus?: number;
  trainGpu?: string;
}

const MODELS: readonly ModelEntry[] = data.models;

/** Every published model with its parameter count, smallest first. */
export function publishedModels(): PublishedModel[] {
  return MODELS.map(({ name, date, params, sources }) => ({ name, date, params, sources }))
    .sort((a, b) => a.params - b.params);
}

/** Seconds of video one timing produced: its stated length, else frames ÷ fps. */
function timedVideoSeconds(model: ModelEntry): number | undefined {
  if (model.videoSeconds !== undefined) return model.videoSeconds;
  if (model.frames !== undefined && model.fps !== undefined) return model.frames / model.fps;
  return undefined;
}

/** Throughput derived from each published single-GPU timing whose video length is known. */
export function measuredThroughputs(): MeasuredThroughput[] {
  const rows: MeasuredThroughput[] = [];
  for (const model of MODELS) {
    const seconds = timedVideoSeconds(model);
    if (seconds === undefined || model.inferenceSecondsOneGpu === undefined) continue;
    rows.push({
      name: model.name,
      minutesPerGpuHour: (seconds / 60) / (model.inferenceSecondsOneGpu / 3600),
      setting: model.inferenceSetting ?? '',
      source: model.sources[0] ?? '',
    });
  }
  return rows;
}

/**
 * Cost per video minute derived from each published timing at `usdPerGpuHour` (the scenario's
 * median rental price), so the overlay and the simulated band price GPU time alike.
 */
export function measuredCosts(usdPerGpuHour: number): PublishedPrice[] {
  return measuredThroughputs().map((m) => ({
    label: m.name,
    usdPerVideoMinute: usdPerGpuHour / m.minutesPerGpuHour,
    note: `derived: published single-GPU timing (${m.setting}) at $${usdPerGpuHour.toFixed(2)}/GPU-hour`,
    source: m.source,
  }));
}

/** Sora 2's API list prices per minute of video, and an analyst's cost estimate per minute. */
export function soraPrices(): PublishedPrice[] {
  const { sora } = data;
  const api = sora.apiUsdPerVideoMinute.map((tier) => ({
    // A list price includes the provider's margin: the label says price, never cost.
    label: tier.label.replace('API', 'API list price'),
    usdPerVideoMinute: tier.usd,
    note: `API list price of ${tier.tier}: what customers pay, not OpenAI's cost`,
    source: sora.apiSource,
  }));
  return [
    ...api,
    {
      label: 'Analyst: Sora 2 cost',
      usdPerVideoMinute: sora.analystCostPerTenSecondClipUsd * 6,
      note: `derived: $${sora.analystCostPerTenSecondClipUsd.toFixed(2)} per ten-second clip × 6`,
      source: sora.analystCostSource,
    },
  ];
}

/** Published training fleets (GPU count and type). */
export function publishedTrainingFleets(): { name: string; gpus: number; gpu: string; source: string }[] {
  return MODELS.filter((m) => m.trainGpus !== undefined && m.trainGpu !== undefined).map((m) => ({
    name: m.name,
    gpus: m.trainGpus!,
    gpu: m.trainGpu!,
    source: m.sources[0] ?? '',
  }));
}

/** Sora 2's cheapest API list price per minute of video (the 720p tier): the price the headline compares the GPU cost with. */
export function cheapestListPrice(): PublishedPrice {
  const api = soraPrices().filter((p) => p.label.includes('API'));
  return api.reduce((a, b) => (b.usdPerVideoMinute < a.usdPerVideoMinute ? b : a));
}
