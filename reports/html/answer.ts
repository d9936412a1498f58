/**
 * The first screen of the best-estimate report: which scenario this is and why it is the one to
 * read (its held-out fit), the chance that the GPU cost of a minute exceeds Sora 2's cheapest list
 * price, the headline sentences, and one table with the best estimate's P10–P50–P90, the mission
 * band and the article's figure beside each headline output, and why they differ.
 */
import type { BestEstimate } from '../../src/calibration/best-estimate.js';
import { formatRounded, readerRange } from '../../src/format.js';
import { HEADLINE_OUTPUTS } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { outputBand } from '../bands.js';
import { twoCases } from '../cases.js';
import { outputLabel } from '../fleet-wording.js';
import { shortHeadline } from '../headline.js';
import { chanceAbove, chanceWords } from '../price-exceedance.js';
import { cheapestListPrice } from '../reference.js';
import { whyDiffer } from '../why-differ.js';
import { html, type SafeHtml } from './escape.js';
import { term } from './glossary.js';
import { headlineList } from './tables.js';

export interface Answer {
  result: Result;
  /** The mission scenario, sampled beside the best estimate for its band. */
  mission: Result;
  best: BestEstimate;
}

/** `61% chance that the GPU cost of a minute is above Sora 2’s cheapest list price, $6.00 (720p)`. */
export function listPriceSentence(result: Result): string {
  const price = cheapestListPrice();
  const p = chanceAbove(result.outputs.costPerVideoMinuteUsd, price.usdPerVideoMinute);
  const verdict = p >= 0.5 ? 'serving at that price would likely lose money on GPU time alone' : 'GPU time likely leaves room for a margin at that price';
  return `${chanceWords(p)} chance that the GPU cost of a minute of video is above Sora 2’s cheapest list price, $${price.usdPerVideoMinute.toFixed(2)} a minute: ${verdict}.`;
}

function band(result: Result, key: (typeof HEADLINE_OUTPUTS)[number]): string {
  const stats = result.outputs[key];
  const cases = twoCases(stats);
  if (cases) return cases.map((c) => formatRounded(c.value, stats.unit)).join(' or ');
  const b = outputBand(result, key);
  return readerRange(b.p10, b.p90, stats.unit);
}

/** The summary table: best estimate P10, P50, P90; the mission band; the article's figure; why they differ. */
export function answerTable({ result, mission }: Pick<Answer, 'result' | 'mission'>): SafeHtml {
  const rows = HEADLINE_OUTPUTS.map((key) => {
    const stats = result.outputs[key];
    const b = outputBand(result, key);
    const f = (x: number) => formatRounded(x, stats.unit);
    const why = whyDiffer(result, mission, key);
    const article = articleMarks(key).map((m) => m.text).join('–') || '—';
    return html`<tr data-output="${key}"><td>${outputLabel(result, key)}</td><td class="num" data-label="P10">${f(b.p10)}</td><td class="num" data-label="P50"><strong>${f(b.p50)}</strong></td><td class="num" data-label="P90">${f(b.p90)}</td><td class="num" data-label="mission P10–P90">${band(mission, key)}</td><td class="num" data-label="article">${article}</td><td class="why" data-label="largest factors">${why.article}${why.mission ? html`<br>${why.mission}` : ''}</td></tr>
`;
  });
  return html`<div class="table-scroll"><table class="answer-table">
<thead><tr><th>Output</th><th class="num">P10</th><th class="num">P50</th><th class="num">P90</th><th class="num">${term('mission', 'mission')} ${term('percentiles', 'P10–P90')}</th><th class="num">${term('article', 'article')}</th><th>Best estimate ÷ article, ÷ mission: the largest factors</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`;
}

/** The answer section at the top of the best-estimate report. */
export function answerSection(answer: Answer): SafeHtml {
  const { result, mission, best } = answer;
  return html`<header class="answer" id="answer">
<h1>Sora, ${term('best-estimate', 'best estimate')}: ${shortHeadline(result, 'trainH100s').numbers.p50} H100s to train for a month, ${shortHeadline(result, 'costPerVideoMinuteUsd').numbers.p50} of GPU time a minute of video</h1>
<p class="which"><strong>Which scenario:</strong> ${term('calibrated', result.scenario.name)} (${result.run.samples.toLocaleString('en-US')} samples), beside ${term('mission', 'mission')} (the article’s method with ranges; ${mission.run.samples.toLocaleString('en-US')} samples) and ${term('article', 'the article')}. <strong>Why this one:</strong> ${best.why.replace(/^\S+ is the best estimate because /, '')}</p>
<p class="chance"><strong>${listPriceSentence(result)}</strong></p>
${headlineList(HEADLINE_OUTPUTS.map((key) => shortHeadline(result, key)), 'short')}
${answerTable(answer)}
<p class="note">P10–P90 holds 80% of simulated outcomes, P50 is the median (${term('percentiles', 'more')}); the factors come from the bridge (“Why these numbers differ”). Words in dotted underline are explained in the ${html`<a href="#glossary">glossary</a>`}.</p>
</header>`;
}
