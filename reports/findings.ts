/**
 * Chart titles that state what the chart shows, the way data desks title a chart ("Training most
 * likely took 41–6,800 H100s, far below the article's 4,211"), computed from the Result: a band
 * against the article's figures or a price, in words.
 */
import { formatRounded, readerRange } from '../src/format.js';
import type { OutputKey } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';
import { articleMarks } from './article-marks.js';
import { outputBand, type Band } from './bands.js';
import { twoCases } from './cases.js';
import { fleetWords } from './fleet-wording.js';
import { runLengthWords } from './headline.js';

/** Where a value lies against a P10–P90 band: `below`, `inside`, `above`. */
export function sideOfBand(b: Band, x: number): 'below' | 'inside' | 'above' {
  return x < b.p10 ? 'below' : x > b.p90 ? 'above' : 'inside';
}

/**
 * The band against the article's figures in words: `far below the article's 4,211–10,528` (every
 * figure more than 3× beyond the band), `below …`, `above …`, `around …` (a figure inside the band),
 * or '' when the article gives none.
 */
export function versusArticle(result: Result, key: OutputKey): string {
  const marks = articleMarks(key);
  if (marks.length === 0) return '';
  const b = outputBand(result, key);
  const said = marks.map((m) => m.text).join('–');
  const sides = marks.map((m) => sideOfBand(b, m.value));
  if (sides.some((s) => s === 'inside') || new Set(sides).size > 1) return `around the article's ${said}`;
  // The band lies below the article's figures when they are above it.
  const above = sides[0] === 'above';
  const gap = above ? Math.min(...marks.map((m) => m.value)) / b.p90 : b.p10 / Math.max(...marks.map((m) => m.value));
  return `${gap > 3 ? 'far ' : ''}${above ? 'below' : 'above'} the article's ${said}`;
}

/** `41.4–6,796` (or the two cases, `4,211 or 10,528`): the band as the headline writes it. */
export function bandText(result: Result, key: OutputKey): string {
  const stats = result.outputs[key];
  const cases = twoCases(stats);
  if (cases) return cases.map((c) => formatRounded(c.value, stats.unit)).join(' or ');
  const b = outputBand(result, key);
  return readerRange(b.p10, b.p90, stats.unit);
}

/** The finding of an output's distribution chart, e.g. `Training most likely took 41.4–6,796 H100s for a month, far below the article's 4,211–10,528`. */
export function distributionFinding(result: Result, key: OutputKey): string {
  const range = bandText(result, key);
  const versus = versusArticle(result, key);
  const tail = versus ? `, ${versus}` : '';
  switch (key) {
    case 'trainH100s':
      return `Training most likely took ${range} H100s for ${runLengthWords(result)}${tail}`;
    case 'crossoverMinutes':
      return `Inference compute matches training after ${range} minutes of video${tail}`;
    case 'videoMinutesPerGpuHour':
      return `One H100 makes ${range} minutes of video an hour${tail}`;
    case 'costPerVideoMinuteUsd':
      return `A minute of video takes ${range} of GPU time`;
    case 'inferenceH100sPeak':
      return `Serving takes ${range} H100s ${fleetWords(result).short}${tail}`;
    default:
      return `${result.outputs[key].label}: ${range} ${result.outputs[key].unit}${tail}`;
  }
}
