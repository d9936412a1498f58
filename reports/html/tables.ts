/**
 * The report's tables as HTML: the headline sentences, the percentile summary, the assumptions
 * (every input's distribution and its source) and the method. Every scenario string is escaped by
 * the `html` template.
 */
import { formatRounded, readerRange } from '../../src/format.js';
import { INPUT_KEYS, INPUTS, type InputKey } from '../../src/model/inputs.js';
import { dependenceSentence } from '../correlation-words.js';
import { HEADLINE_OUTPUTS } from '../../src/model/outputs.js';
import type { InputAssumption, Result } from '../../src/result/types.js';
import { percentile } from '../../src/result/percentile.js';
import { articleMarks } from '../article-marks.js';
import { twoCases } from '../cases.js';
import { outputLabel } from '../fleet-wording.js';
import { durationBand, type Headline } from '../headline.js';
import { outputBand } from '../bands.js';
import { describeInput, formatInputValue, INPUT_LABELS } from '../input-labels.js';
import { methodRows } from '../method.js';
import { html, type SafeHtml } from './escape.js';
import { linkified } from './trace.js';

/** The headline sentences as a list, each led by its subject in bold. */
export function headlineList(headlines: readonly Headline[], variant = ''): SafeHtml {
  return html`<ul class="headlines${variant ? ` ${variant}` : ''}">
${headlines.map((h) => html`<li data-output="${h.key}"><strong>${h.lead}:</strong> ${h.text}</li>
`)}</ul>`;
}

/** P10/P50/P80/P90 of each headline output (risk reports quote P50/P80/P90) with the median's confidence interval and the article's figures. */
export function summaryTable(result: Result): SafeHtml {
  // The headline outputs, then training cost in dollars and the crossover in days.
  const rows = [...HEADLINE_OUTPUTS, 'trainCostUsd' as const, 'crossoverDays' as const].map((key) => {
    const stats = result.outputs[key];
    // The crossover in uploads reads in hours or minutes when it is under two days or an hour.
    const unit = key === 'crossoverDays' ? durationBand(outputBand(result, key)).unit : stats.unit;
    const scale = unit === 'minutes' ? 1440 : unit === 'hours' ? 24 : 1;
    const f = (x: number) => formatRounded(x * scale, unit);
    const median = percentile(stats, 0.5);
    const cases = twoCases(stats);
    const article = articleMarks(key).map((m) => m.text).join(' / ') || '—';
    const label = key === 'crossoverDays' ? 'Crossover in AI uploads' : outputLabel(result, key);
    return html`<tr><td>${label}</td><td class="num">${f(percentile(stats, 0.1).value)}</td><td class="num">${cases ? cases.map((c) => f(c.value)).join(' or ') : f(median.value)}</td><td class="num">${f(percentile(stats, 0.8).value)}</td><td class="num">${f(percentile(stats, 0.9).value)}</td><td>${unit}</td><td class="num">${readerRange(median.lower * scale, median.upper * scale, unit)}</td><td class="num">${article}</td></tr>
`;
  });
  return html`<div class="table-scroll"><table class="summary">
<thead><tr><th>Output</th><th class="num">P10</th><th class="num">P50</th><th class="num">P80</th><th class="num">P90</th><th>Unit</th><th class="num">P50, ${Math.round(result.method.confidence * 100)}% CI</th><th class="num">Article’s figure</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`;
}

/** How an input's range was reached: `fitted` (from the calibration set) or `judgement`, linked to the glossary; a dash when the scenario does not say. */
function basisCell(input: InputAssumption): SafeHtml {
  if (!input.basis) return html`<small>${input.source === 'article' ? 'article' : 'cited'}</small>`;
  return html`<a class="term" href="#g-${input.basis}">${input.basis}</a>`;
}

/** Rows of the assumptions table for `keys`. */
function assumptionRows(result: Result, keys: readonly InputKey[]): SafeHtml[] {
  const { inputs, stepCost } = result.scenario;
  return keys.map((key) => {
    const input = inputs[key];
    const spec = INPUTS[key];
    const unused = spec.transformerOnly && stepCost !== 'transformer';
    const f = (x: number) => formatInputValue(key, x);
    return html`<tr data-input="${key}"><td>${INPUT_LABELS[key]}<br><code>${key}</code></td><td>${spec.description}${unused ? html`<br><small>not used by the article step-cost model</small>` : ''}</td><td>${describeInput(key, input)}</td><td class="num">${f(input.p10)}</td><td class="num">${f(input.p50)}</td><td class="num">${f(input.p90)}</td><td>${basisCell(input)}</td><td>${linkified(input.source)}</td></tr>
`;
  });
}

function assumptionTable(rows: readonly SafeHtml[]): SafeHtml {
  return html`<div class="table-scroll"><table class="assumptions">
<thead><tr><th>Input</th><th>What it is</th><th>Distribution</th><th class="num">P10</th><th class="num">P50</th><th class="num">P90</th><th>Basis</th><th>Source</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`;
}

/**
 * Every input: its distribution, P10/P50/P90 and source. The uncertain inputs in one table; those
 * fixed at one value in a second, folded away under a summary line.
 */
export function assumptionsTable(result: Result): SafeHtml {
  const { inputs } = result.scenario;
  const uncertain = INPUT_KEYS.filter((key) => inputs[key].p10 !== inputs[key].p90);
  const fixed = INPUT_KEYS.filter((key) => inputs[key].p10 === inputs[key].p90);
  return html`<p class="note">Every input of the model as this scenario resolved it: the uncertain ones, then (folded) those fixed at one value — the article’s, unless the scenario says otherwise.</p>
${uncertain.length > 0 ? assumptionTable(assumptionRows(result, uncertain)) : html`<p class="note">No input is uncertain in this scenario.</p>`}
<p class="note dependence">${dependenceSentence(result.scenario)}</p>
<details class="fixed-inputs"><summary>${fixed.length} inputs fixed at one value</summary>
${assumptionTable(assumptionRows(result, fixed))}
</details>
<p class="print-only fixed-list">Fixed at one value (sources in the HTML report and result.json): ${fixed.map((key, i) => html`${i > 0 ? '; ' : ''}${INPUT_LABELS[key]} ${formatInputValue(key, inputs[key].p50)}`)}.</p>`;
}

/** The method as a definition list. */
export function methodList(result: Result): SafeHtml {
  return html`<dl class="method">
${methodRows(result).map((row) => html`<dt>${row.label}</dt><dd>${row.value}</dd>
`)}</dl>`;
}
