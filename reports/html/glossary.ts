/**
 * The report's glossary: every term a reader may not know, in a sentence or two, each with an anchor
 * (`#g-mfu`) the page links to where the term is used.
 */
import { html, type SafeHtml } from './escape.js';

export interface Term {
  id: string;
  term: string;
  meaning: string;
}

export const GLOSSARY: readonly Term[] = [
  { id: 'best-estimate', term: 'best estimate', meaning: 'The scenario sora-mc names as the one to read: calibrated, because its ranges are fitted from published measurements and hold them when each model is left out of the fit.' },
  { id: 'calibrated', term: 'calibrated', meaning: 'The best-estimate scenario: the attention-aware step cost at Sora 2’s 720p, with inference MFU, the multi-GPU serving loss and the training budget fitted by `sora-mc calibrate` from published timings of open video models; inputs no published figure pins are marked judgement.' },
  { id: 'mission', term: 'mission', meaning: 'A scenario that keeps the article’s arithmetic (its linear step cost) and puts ranges on its inputs (model size, data, compression, utilisation, steps). It shows what the article’s method gives with honest uncertainty, not what published models measure.' },
  { id: 'article', term: 'the article', meaning: 'The March 2024 estimate by Matthias Plappert for Factorial Funds that sora-mc starts from: Sora ≈ 30× DiT-XL, trained on 4–10× DiT’s data; its figures are marked in orange.' },
  { id: 'percentiles', term: 'P10–P90, P5–P95, median', meaning: 'P10–P90 is the range that holds the middle 80% of simulated outcomes (one in ten falls below P10, one in ten above P90); P5–P95 holds 90%. The median (P50) is the middle outcome. They are ranges under the scenario’s assumptions, not of every possible world.' },
  { id: 'held-out', term: 'held out, in sample', meaning: 'In sample: a band checked against the same measurements its ranges were fitted from — not a prediction. Held out: each model predicted by ranges refitted without any of its own figures (leave one model out), the way a new model would be predicted.' },
  { id: 'fitted', term: 'fitted', meaning: 'An input whose range `sora-mc calibrate` derives from the calibration set by a stated method (a prediction interval for a new model).' },
  { id: 'judgement', term: 'judgement', meaning: 'An input no published figure pins (for Sora: sampling steps, guidance passes, FP8 serving, GPUs per clip, pixels per token): its range is the scenario author’s judgement, said so in the table and the sensitivity charts.' },
  { id: 'step-cost', term: 'step cost', meaning: 'The compute of one denoising step for one video. The article’s step cost scales DiT-XL’s per-step cost linearly with model size and frames; the attention-aware (transformer) step cost counts the transformer’s own arithmetic, whose attention grows with the square of the tokens.' },
  { id: 'mfu', term: 'MFU', meaning: 'Model-FLOPs utilisation: the share of a GPU’s peak arithmetic a model actually uses. The article assumes 100%; measured video models reach about 25–60% on an H100.' },
  { id: 'h100', term: 'H100', meaning: 'NVIDIA’s data-centre GPU (989 TFLOP/s dense BF16 peak); every count and cost here is in H100s or H100-hours.' },
  { id: 'dit', term: 'DiT', meaning: 'Diffusion Transformer (Peebles & Xie 2023): DiT-XL/2, a 675M-parameter image model whose published training and sampling costs the article scales up to Sora.' },
  { id: 'macs', term: 'MACs → FLOPs', meaning: 'DiT’s paper counts multiply-accumulates and calls them “Gflops”; one multiply-accumulate is two floating-point operations, so the article’s DiT figures are half the FLOPs.' },
  { id: 'cfg', term: 'CFG (guidance passes)', meaning: 'Classifier-free guidance runs the model twice per step (with and without the prompt); distilled models run it once.' },
  { id: 'candidates', term: 'candidates', meaning: 'Videos generated for each video kept: a user who regenerates four times costs four videos of compute.' },
  { id: 'peak', term: 'peak-to-average, utilisation', meaning: 'A serving fleet is sized for its busiest hour (peak over average demand) and never runs full (serving utilisation). With both at 1 and one candidate per video, the fleet is the average fleet, and the report calls it that.' },
  { id: 'crossover', term: 'crossover', meaning: 'The minutes of generated video after which inference has used as much compute as training did.' },
  { id: 'list-price', term: 'list price', meaning: 'What OpenAI charges for Sora 2 through its API ($0.10 a second of 720p video, $6 a minute, the cheapest). A price includes the margin; the simulated cost is GPU rental time only.' },
  { id: 'sobol', term: 'Sobol indices: first-order, total', meaning: 'The share of an output’s variance (on the log scale) an input explains alone (first-order) or together with its interactions (total). Estimated from a Saltelli design; the whisker is a bootstrap interval, and an interval that reaches zero means no detectable effect.' },
  { id: 'saltelli', term: 'Saltelli matrix', meaning: 'The sampling design behind the Sobol indices: two independent sample matrices and, for each input, one that mixes them, so each input’s effect can be isolated.' },
  { id: 'tornado', term: 'tornado chart', meaning: 'For each input, the output’s median when that input is in its lowest 10% and in its highest 10% of draws: longer bars move the number more.' },
];

/** The glossary section. */
export function glossarySection(): SafeHtml {
  return html`<section id="glossary"><h2>Glossary</h2>
<dl class="glossary">
${GLOSSARY.map((t) => html`<dt id="g-${t.id}">${t.term}</dt><dd>${t.meaning}</dd>
`)}</dl>
</section>`;
}

/** A link to a glossary term, with the text shown. */
export function term(id: string, text: string): SafeHtml {
  return html`<a class="term" href="#g-${id}">${text}</a>`;
}
