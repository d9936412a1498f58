/**
 * What lets a reader trace every number of the report: the model's formulas (docs/model.md), every
 * published figure with its sources as links, and a short list of caveats.
 */
import type { Result } from '../../src/result/types.js';
import { dependenceSentence } from '../correlation-words.js';
import { publishedModels, soraPrices } from '../reference.js';
import { html, type SafeHtml } from './escape.js';

const URL = /https?:\/\/[^\s,;)]+/g;

/** Text with every http(s) address made a link; the rest escaped. */
export function linkified(text: string): SafeHtml {
  const parts: (string | SafeHtml)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    parts.push(text.slice(last, match.index));
    parts.push(html`<a href="${match[0]}">${match[0]}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

/** The arithmetic of docs/model.md, as the simulator runs it for every sample. */
export function formulas(result: Result): SafeHtml {
  const transformer = result.scenario.stepCost === 'transformer';
  const step = transformer
    ? `tokens            = ⌈latentFrames / temporalPatch⌉ × (height / pixelsPerToken) × (width / pixelsPerToken)   (⌈ ⌉ when temporalPatch > 1; pixelsPerToken = spatialCompression × patchSize unless given)
stepFlops         = cfgPasses × (2 × 12 × layers × dModel² × tokens + 4 × layers × dModel × tokens²)
trainFlops        = the line above × (transformer forward of a training clip) / (ditStepFlops × flopsPerMac × modelMultiplier × latentFrames)`
    : 'stepFlops         = ditStepFlops × flopsPerMac × modelMultiplier × latentFrames × cfgPasses';
  return html`<h3 id="formulas">Formulas (per sample; docs/model.md)</h3>
<pre class="formulas">modelMultiplier   = soraParams / ditParams
latentFrames      = videoSeconds × fps / temporalCompression (+ (1 − 1/temporalCompression) for causal autoencoders)
trainFlops        = ditTrainFlops × flopsPerMac × modelMultiplier × datasetMultiplier × latentFrames × videoFraction
${step}
trainGpuHours     = trainFlops / (gpuPeakFlops × trainMfu × 3600)
trainH100s        = trainGpuHours / (trainDays × 24)
trainCostUsd      = trainGpuHours × gpuHourPrice
flopsPerVideoMinute = stepFlops × samplingSteps × 60 / videoSeconds
efficiency        = servingGpuEfficiency × exp(−servingGpuLoss × (servingGpus − 1))
videoMinutesPerGpuHour = inferPeakFlops (or gpuPeakFlops) × inferMfu × efficiency × 3600 / flopsPerVideoMinute
costPerVideoMinuteUsd  = gpuHourPrice / videoMinutesPerGpuHour
crossoverMinutes  = trainFlops / flopsPerVideoMinute
aiMinutesPerDay   = tiktokMinutesPerDay × tiktokAiShare + youtubeMinutesPerDay × youtubeAiShare
inferenceH100sPeak = aiMinutesPerDay × candidatesPerVideo / (videoMinutesPerGpuHour × 24) × peakToAverage / servingUtilization
crossoverDays     = crossoverMinutes / (aiMinutesPerDay × candidatesPerVideo)</pre>
<p class="note">Step-cost model of this scenario: ${result.scenario.stepCost}. Each output is computed sample by sample from that sample’s inputs; the percentiles are of the outputs, not outputs of the inputs’ percentiles (the bridge’s last bar, “sampling”, is the difference).</p>`;
}

/** Every published figure the charts mark, with its sources as links. */
export function sourcesList(): SafeHtml {
  const models = publishedModels().map((m) => html`<li>${m.name} (${m.date}): ${m.sources.map((s, i) => html`${i > 0 ? ' · ' : ''}${linkified(s)}`)}</li>
`);
  const prices = soraPrices().map((p) => html`<li>${p.label}: ${p.note}. ${linkified(p.source)}</li>
`);
  return html`<h3 id="sources">Sources of the published figures</h3>
<ul class="sources">
${models}${prices}</ul>
<p class="note">Costs marked from published timings are computed: the model’s measured GPU-seconds per clip × this scenario’s median GPU price, scaled to a minute of video.</p>`;
}

/** What to keep in mind when reading the numbers. */
export function caveats(result: Result): SafeHtml {
  return html`<ul class="caveats">
<li><strong>Inputs are independent unless the scenario correlates them.</strong> ${dependenceSentence(result.scenario)} An independent pair treats, say, a larger Sora trained on less data as likely as a larger one trained on more; a correlation the scenario does not state would widen or narrow the bands.</li>
<li><strong>Ranges are judgements.</strong> Each distribution is the scenario’s (its source is in the assumptions table); P10–P90 holds 80% of outcomes under these assumptions, not 80% of possible worlds.</li>
<li><strong>What the model leaves out:</strong> failed and restarted runs, research and ablation runs, data processing, evaluation, storage and networking, idle capacity beyond the stated peak-to-average and utilisation, hardware other than the H100 (${result.scenario.name} prices everything in H100-hours).</li>
<li><strong>Prices are not costs.</strong> Sora 2’s API list prices include OpenAI’s margin; the simulated cost is GPU rental time only.</li>
<li><strong>Step cost.</strong> This scenario uses the ${result.scenario.stepCost} step-cost model; the backtest (“Does the model fit published reality?”) shows how well each model matches measured generation times.</li>
</ul>`;
}
