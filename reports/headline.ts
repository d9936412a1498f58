/**
 * One plain sentence per headline output, the first thing a reader sees: the P10–P90 range, the
 * median, and what the article said, e.g. "Training: 10,600–41,300 H100s for a month (P10–P90),
 * median 20,800; the article said 4,211–10,528." Numbers are the Result's percentiles written by
 * `formatRounded` (three significant digits).
 */
import { formatRounded, readerRange, rounded, usdRounded } from '../src/format.js';
import { HEADLINE_OUTPUTS, OUTPUTS, type OutputKey } from '../src/model/outputs.js';
import { percentile } from '../src/result/percentile.js';
import type { Result } from '../src/result/types.js';
import { articleFigure, articleMarks } from './article-marks.js';
import { outputBand } from './bands.js';
import { cheapestListPrice, soraPrices } from './reference.js';
import { chanceAbove, chanceWords } from './price-exceedance.js';
import { fleetWords } from './fleet-wording.js';
import { twoCases } from './cases.js';
import { articleStepCostFit } from './article-fit.js';

export interface Headline {
  key: OutputKey;
  /** The sentence's subject, e.g. `Training`. */
  lead: string;
  /** The rest of the sentence. */
  text: string;
  /** `lead: text`. */
  sentence: string;
  /** P10, P50 and P90 as the sentence writes them. */
  numbers: { p10: string; p50: string; p90: string };
}

/** The article's figures for an output joined as a range: `4,211–10,528`, `~5 minutes`. */
function articleSaid(key: OutputKey): string {
  return articleMarks(key).map((m) => m.text).join('–');
}

/** The length of the training run in words: `a month`, `a 60-day run`, `a run of 30–90 days`. */
export function runLengthWords(result: Result): string {
  const days = result.scenario.inputs.trainDays;
  if (days.p10 === days.p90) return days.p50 === 30 ? 'a month' : `a ${rounded(days.p50)}-day run`;
  return `a run of ${rounded(days.p10)}–${rounded(days.p90)} days`;
}

function soraApiRange(): string {
  const api = soraPrices().filter((p) => p.label.includes('API'));
  const values = api.map((p) => p.usdPerVideoMinute);
  return `$${Math.min(...values)}–$${Math.max(...values)}`;
}

/** `a 61% chance it is above Sora 2's cheapest list price, $6.00 a minute`: the headline's unit-economics sentence. */
export function listPriceWords(result: Result): string {
  const price = cheapestListPrice();
  const chance = chanceAbove(result.outputs.costPerVideoMinuteUsd, price.usdPerVideoMinute);
  return `a ${chanceWords(chance)} chance it is above Sora 2's cheapest list price, ${usdRounded(price.usdPerVideoMinute)} a minute`;
}

/** `P10–P90 (median m)` of an output, or its two cases: for the dollar and day figures after a headline. */
function bandWords(result: Result, key: OutputKey): string {
  const stats = result.outputs[key];
  const cases = twoCases(stats);
  if (cases) return cases.map((c) => formatRounded(c.value, stats.unit)).join(' or ');
  const b = outputBand(result, key);
  return `${readerRange(b.p10, b.p90, stats.unit)} (median ${formatRounded(b.p50, stats.unit)})`;
}

/** `In dollars: $51.2M–$198M of H100 time (median $101M) at $2.00 an H100-hour.` */
export function trainingCostWords(result: Result): string {
  const price = result.scenario.inputs.gpuHourPrice;
  const at = price.p10 === price.p90 ? `at ${usdRounded(price.p50)} an H100-hour` : `at ${usdRounded(price.p10)}–${usdRounded(price.p90)} an H100-hour`;
  return `In dollars: ${bandWords(result, 'trainCostUsd')} of H100 time ${at}.`;
}

/**
 * A band of days in the unit its median reads best in: days, or hours under two days, or minutes
 * under an hour (`0.72–106 minutes (median 8.71)`, never `0.0005–0.0736 days`).
 */
export function durationBand(days: { p10: number; p50: number; p90: number }): { text: string; unit: 'days' | 'hours' | 'minutes' } {
  const [scale, unit] = days.p50 >= 2 ? [1, 'days' as const] : days.p50 >= 1 / 24 ? [24, 'hours' as const] : [24 * 60, 'minutes' as const];
  const f = (x: number) => formatRounded(x * scale, unit);
  return { text: `${readerRange(days.p10 * scale, days.p90 * scale, unit)} ${unit} (median ${f(days.p50)})`, unit };
}

/** `In uploads: 1.2–2.4 days (median 1.8) of the scenario's AI-generated uploads.` (hours or minutes when shorter). */
export function crossoverDaysWords(result: Result): string {
  const stats = result.outputs.crossoverDays;
  const cases = twoCases(stats);
  if (cases) return `In uploads: ${cases.map((c) => formatRounded(c.value, 'days')).join(' or ')} days of the scenario's AI-generated uploads.`;
  return `In uploads: ${durationBand(outputBand(result, 'crossoverDays')).text} of the scenario's AI-generated uploads.`;
}

/** The headline sentence of one output (a generic sentence for outputs without their own wording). */
export function headline(result: Result, key: OutputKey): Headline {
  const { unit } = result.outputs[key];
  const b = outputBand(result, key);
  const numbers = { p10: formatRounded(b.p10, unit), p50: formatRounded(b.p50, unit), p90: formatRounded(b.p90, unit) };
  const flat = numbers.p10 === numbers.p90;
  const cases = twoCases(result.outputs[key]);
  // Too few samples for P10's or P90's interval to reach 95% (coverage recorded; under ~35): a band
  // (or "P10 = P90", from one sample) would read as a finding. Say how few there were instead.
  const n = result.outputs[key].n;
  const few = [0.1, 0.9].some((p) => percentile(result.outputs[key], p).coverage !== undefined);
  // An output of two values (the article's two cases): the cases and their shares, never a median.
  const range = cases ? cases.map((c) => formatRounded(c.value, unit)).join(' or ') : flat || few ? numbers.p50 : readerRange(b.p10, b.p90, unit);
  const spread = few
    ? `(the median of only ${n.toLocaleString('en-US')} sample${n === 1 ? '' : 's'}: too few to show the spread; run more samples)`
    : cases
    ? `(two cases, ${cases.map((c) => `${Math.round(c.share * 100)}%`).join(' and ')} of the samples: a median would be one of them, picked by chance)`
    : flat ? '(P10 = P90)' : `(P10–P90), median ${numbers.p50}`;
  const lead = OUTPUTS[key].words?.lead ?? result.outputs[key].label;
  let text: string;
  switch (key) {
    case 'trainH100s':
      text = `${range} H100s for ${runLengthWords(result)} ${spread}; the article said ${articleSaid(key)}. ${trainingCostWords(result)}`;
      break;
    case 'crossoverMinutes':
      text = `inference compute matches training compute after ${range} minutes of generated video ${spread}; the article said ${articleSaid(key)}. ${crossoverDaysWords(result)}`;
      break;
    case 'videoMinutesPerGpuHour':
      text = `one H100 generates ${range} minutes of video an hour ${spread}; the article said ${articleSaid(key)}.`;
      if (result.scenario.stepCost === 'article') text += ` ${articleStepCostFit(result)}`;
      break;
    case 'costPerVideoMinuteUsd':
      text = `${range} of H100 time per minute of video ${spread}: ${listPriceWords(result)}; the article gives no cost figure (Sora 2's API list prices, which include OpenAI's margin, are ${soraApiRange()} a minute).`;
      break;
    case 'inferenceH100sPeak': {
      const average = articleFigure('Inference fleet, average');
      text =
        `${range} H100s ${fleetWords(result).long} ${spread}; the article said ${articleSaid(key)} at peak ` +
        `(its ${average.printedText} average does not follow from its own inputs, which give ${rounded(average.computed)}).`;
      break;
    }
    default: {
      const said = articleSaid(key);
      text = `${range} ${unit} ${spread}${said ? `; the article said ${said}` : ''}.`;
    }
  }
  return { key, lead, text, sentence: `${lead}: ${text}`, numbers };
}

/**
 * The short form of a headline sentence for the top of the best-estimate report, where the table
 * beside it gives the article's figure and the mission band: `Training: 41.4–6,796 H100s for a month
 * (P10–P90), median 552.`
 */
export function shortHeadline(result: Result, key: OutputKey): Headline {
  const full = headline(result, key);
  const { unit } = result.outputs[key];
  const b = outputBand(result, key);
  const cases = twoCases(result.outputs[key]);
  const range = cases ? cases.map((c) => formatRounded(c.value, unit)).join(' or ') : `${readerRange(b.p10, b.p90, unit)} (P10–P90), median ${full.numbers.p50}`;
  const texts: Partial<Record<OutputKey, string>> = {
    trainH100s: `${range.replace(' (P10', ` H100s for ${runLengthWords(result)} (P10`)}.`,
    crossoverMinutes: `inference compute matches training after ${range.replace(' (P10', ' minutes of video (P10')}.`,
    videoMinutesPerGpuHour: `one H100 makes ${range.replace(' (P10', ' minutes of video an hour (P10')}.`,
    costPerVideoMinuteUsd: `${range.replace(' (P10', ' of GPU time per minute of video (P10')}.`,
    inferenceH100sPeak: `${range.replace(' (P10', ` H100s ${fleetWords(result).short} (P10`)}.`,
  };
  const text = texts[key] ?? full.text;
  return { ...full, text, sentence: `${full.lead}: ${text}` };
}

/** The headline sentences of every headline output, in the report's order. */
export function headlines(result: Result): Headline[] {
  return HEADLINE_OUTPUTS.map((key) => headline(result, key));
}
