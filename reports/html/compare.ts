/**
 * The scenario-comparison HTML report, in the report's format: per-output P10–P90 and medians side
 * by side, each scenario's headline sentences, the comparison charts, the assumptions that differ,
 * and each run's method. Pure: Results, charts and inlined libraries in, a string out.
 */
import { formatRounded, readerRange } from '../../src/format.js';
import { INPUT_KEYS, type InputKey } from '../../src/model/inputs.js';
import { HEADLINE_OUTPUTS } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { band } from '../bands.js';
import { twoCases } from '../cases.js';
import { comparedLabel } from '../fleet-wording.js';
import type { ChartEntry } from '../charts.js';
import { headlines } from '../headline.js';
import { describeInput, formatInputValue, INPUT_LABELS } from '../input-labels.js';
import { STEP_COST_WORDS } from '../method.js';
import { scenarioRowNames } from '../scenario-names.js';
import type { EmbedAssets } from './assets.js';
import { html, type SafeHtml } from './escape.js';
import { closingSections, htmlPage } from './page.js';
import { colourKey, filesList, type FileLink } from './report.js';
import { headlineList } from './tables.js';
import { backtest, summaryOf } from '../../src/calibration/backtest.js';
import { shippedCalibration } from '../../src/calibration/read.js';
import { BEST_ESTIMATE } from '../../src/scenario/best-estimate-name.js';

function rangeCell(result: Result, key: (typeof HEADLINE_OUTPUTS)[number]): SafeHtml {
  const stats = result.outputs[key];
  const b = band(stats);
  const f = (x: number) => formatRounded(x, stats.unit);
  // Two cases (the article's): both, with their shares, since a median would pick one by the seed.
  const cases = twoCases(stats);
  if (cases) return html`<td class="num">${cases.map((c) => f(c.value)).join(' or ')}<br><small>two cases, ${cases.map((c) => `${Math.round(c.share * 100)}%`).join(' / ')}</small></td>`;
  return html`<td class="num">${readerRange(b.p10, b.p90, stats.unit)}<br><small>median ${f(b.p50)}</small></td>`;
}

/** How well a scenario fits published inference timings: held out where its ranges are fitted, else "not fitted" (with its fit as it stands). */
function fitCell(result: Result): SafeHtml {
  const fit = backtest(result.scenario, shippedCalibration());
  const own = summaryOf(fit, fit.scenario.stepCost, 'inference');
  const held = summaryOf(fit, fit.scenario.stepCost, 'inference', 'held-out');
  if (held) return html`<td class="num">held out: ${held.inside} of ${held.count} inside P5–P95<br><small>measured / predicted ${held.geometricMean.toPrecision(2)}×</small></td>`;
  return html`<td class="num">not fitted<br><small>${own ? `as it stands: ${own.inside} of ${own.count} inside, ${own.geometricMean.toPrecision(2)}×` : ''}</small></td>`;
}

/** A scenario's column head: its name, marked when it is the product's best estimate. */
function scenarioHead(name: string, result: Result): SafeHtml {
  return result.scenario.origin === `builtin:${BEST_ESTIMATE}` ? html`<th class="num">${name}<br><small>best estimate</small></th>` : html`<th class="num">${name}</th>`;
}

/** Outputs × scenarios: P10–P90 and median in each cell, the article's figures last; then each scenario's fit to published timings. */
export function comparisonTable(results: readonly Result[]): SafeHtml {
  const names = scenarioRowNames(results);
  const rows = HEADLINE_OUTPUTS.map((key) => {
    const { unit } = results[0]!.outputs[key];
    const label = comparedLabel(results, key);
    const article = articleMarks(key).map((m) => m.text).join(' / ') || '—';
    return html`<tr><td>${label}<br><small>${unit}</small></td>${results.map((r) => rangeCell(r, key))}<td class="num">${article}</td></tr>
`;
  });
  return html`<div class="table-scroll"><table class="comparison">
<thead><tr><th>Output</th>${names.map((n, i) => scenarioHead(n, results[i]!))}<th class="num">Article’s figure</th></tr></thead>
<tbody>
${rows}<tr class="fit"><td>Fit to published inference timings<br><small><a href="#g-held-out">held out</a> where the ranges are fitted</small></td>${results.map(fitCell)}<td class="num">—</td></tr>
</tbody>
</table></div>`;
}

/** Inputs that are uncertain in some scenario or differ between scenarios, one column per scenario. */
export function assumptionsComparison(results: readonly Result[]): SafeHtml {
  const names = scenarioRowNames(results);
  const differs = (key: InputKey) => {
    const first = JSON.stringify(results[0]!.scenario.inputs[key].spec);
    return results.some((r) => r.scenario.inputs[key].p10 !== r.scenario.inputs[key].p90 || JSON.stringify(r.scenario.inputs[key].spec) !== first);
  };
  const keys = INPUT_KEYS.filter(differs);
  const rows = keys.map((key) => html`<tr data-input="${key}"><td>${INPUT_LABELS[key]}<br><code>${key}</code></td>${results.map((r) => {
    const input = r.scenario.inputs[key];
    const f = (x: number) => formatInputValue(key, x);
    const range = input.p10 === input.p90 ? f(input.p50) : `${f(input.p10)}–${f(input.p90)}`;
    return html`<td>${describeInput(key, input)}<br><small>P10–P90 ${range} · ${input.source}</small></td>`;
  })}</tr>
`);
  return html`<div class="table-scroll"><table class="assumptions">
<thead><tr><th>Input</th>${names.map((n) => html`<th>${n}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table></div>
<p class="note">${INPUT_KEYS.length - keys.length} other inputs are fixed at the same value in every scenario.</p>`;
}

/** How each scenario was run. */
export function methodComparison(results: readonly Result[]): SafeHtml {
  const names = scenarioRowNames(results);
  const row = (label: string, cell: (r: Result) => string) => html`<tr><th>${label}</th>${results.map((r) => html`<td>${cell(r)}</td>`)}</tr>
`;
  return html`<div class="table-scroll"><table class="method">
<thead><tr><th></th>${names.map((n) => html`<th>${n}</th>`)}</tr></thead>
<tbody>
${row('Samples', (r) => `${r.run.samples.toLocaleString('en-US')} (${r.run.sampling}${r.run.replicates ? `, ${r.run.replicates} replicates` : ''})`)}${row('Seed', (r) => r.run.seed)}${row('Random generator', (r) => `${r.run.generator.name} ${r.run.generator.version}`)}${row('Step-cost model', (r) => STEP_COST_WORDS[r.scenario.stepCost] ?? r.scenario.stepCost)}${row('Scenario', (r) => `${r.scenario.origin} (sha256 ${r.scenario.hash.slice(0, 12)})`)}</tbody>
</table></div>
<p class="note">Percentiles: ${results[0]!.method.quantile}. Intervals: ${results[0]!.method.interval}.</p>`;
}

export interface ComparePage {
  results: readonly Result[];
  charts: readonly ChartEntry[];
  assets: EmbedAssets;
  files: readonly FileLink[];
}

export function compareHtml({ results, charts, assets, files }: ComparePage): string {
  const names = scenarioRowNames(results);
  const body = html`<header>
<h1>Sora compute under uncertainty: ${names.join(' vs ')}</h1>
<ul>
${results.map((r, i) => html`<li><strong>${names[i]}</strong>: ${r.scenario.description}</li>
`)}</ul>
<p class="meta">${results[0]!.tool.name} ${results[0]!.tool.version}. P10–P90 is the range that holds 80% of the simulated outcomes under each scenario’s assumptions; the median (P50) is the middle one.</p>
</header>
<section id="headlines"><h2>The answer, scenario by scenario</h2>
${comparisonTable(results)}
${results.map((r, i) => html`<h3>${names[i]}</h3>
${headlineList(headlines(r))}
`)}
${colourKey()}
</section>
${closingSections(charts, { title: 'Assumptions that differ', body: assumptionsComparison(results) }, methodComparison(results), filesList(files))}`;
  return htmlPage({ title: `sora-mc comparison: ${names.join(' vs ')}`, body, charts, assets });
}
