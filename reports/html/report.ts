/**
 * The one-scenario HTML report: headline sentences, the summary table, the charts, the assumptions,
 * the method, and links to the files beside it. A pure function of the Result, its charts and the
 * inlined chart libraries.
 */
import type { Result } from '../../src/result/types.js';
import type { ChartEntry } from '../charts.js';
import { headlines } from '../headline.js';
import { COLORS } from '../theme.js';
import type { EmbedAssets } from './assets.js';
import { html, type SafeHtml } from './escape.js';
import { closingSections, htmlPage } from './page.js';
import { assumptionsTable, headlineList, methodList, summaryTable } from './tables.js';
import { caveats, formulas, sourcesList } from './trace.js';
import { answerSection, type Answer } from './answer.js';
import { term } from './glossary.js';
import { BEST_ESTIMATE } from '../../src/scenario/best-estimate-name.js';

/** A file beside the report and what it holds. */
export interface FileLink {
  href: string;
  what: string;
}

/** The colour key every chart follows. */
export function colourKey(): SafeHtml {
  const swatch = (color: string, label: string) => html`<span class="key" style="background:${color}"></span>${label}`;
  return html`<p class="note">Colours in every chart:${swatch(COLORS.simulated, 'simulated (P10–P90 band, median)')}${swatch(COLORS.article, 'the article’s figures')}${swatch(COLORS.published, 'published models and prices')}</p>`;
}

export function filesList(files: readonly FileLink[]): SafeHtml {
  return html`<ul class="files">
${files.map((f) => html`<li><a href="${f.href}">${f.href}</a> — ${f.what}</li>
`)}</ul>`;
}

export interface ReportPage {
  result: Result;
  charts: readonly ChartEntry[];
  assets: EmbedAssets;
  files: readonly FileLink[];
  /** The best estimate's answer (with the mission band beside it): the page leads with it. */
  answer?: Answer;
}

/** The single-scenario header: the scenario's name and description, the headline sentences and the percentile table. */
function scenarioHeader(result: Result): SafeHtml {
  const { scenario, run, tool } = result;
  const note = scenario.origin === `builtin:${BEST_ESTIMATE}`
    ? ''
    : html`<p class="report-note">This report shows one scenario, ${scenario.name}. sora-mc’s ${term('best-estimate', 'best estimate')} is the ${term('calibrated', BEST_ESTIMATE)} scenario, whose ranges are fitted from published measurements: <code>sora-mc report</code> writes its report, with mission’s band and the article’s figures beside it.</p>`;
  return html`<header>
<h1>Sora compute under uncertainty: ${scenario.name}</h1>
${note}
<p class="lead">${scenario.description}</p>
<p class="meta">${tool.name} ${tool.version} · ${run.samples.toLocaleString('en-US')} samples · seed ${run.seed} · ${scenario.stepCost} ${term('step-cost', 'step-cost model')}. ${term('percentiles', 'P10–P90')} is the range that holds 80% of the simulated outcomes under these assumptions; the median (P50) is the middle one. Terms are explained in the <a href="#glossary">glossary</a>.</p>
</header>
<section id="headlines"><h2>The answer in five sentences</h2>
${headlineList(headlines(result))}
${summaryTable(result)}
${colourKey()}
</section>`;
}

export function reportHtml({ result, charts, assets, files, answer }: ReportPage): string {
  const { scenario } = result;
  const top = answer
    ? html`${answerSection(answer)}
${colourKey()}`
    : scenarioHeader(result);
  const care = html`<section id="caveats"><h2>Read with care</h2>
${caveats(result)}
</section>`;
  const body = html`${top}
${closingSections(charts, { title: 'Assumptions', body: html`${answer ? html`<p class="lead">${scenario.description}</p>` : ''}${assumptionsTable(result)}` }, html`${methodList(result)}
${answer ? html`<p class="note">The mission band beside the best estimate: ${answer.mission.run.samples.toLocaleString('en-US')} samples of mission, seed ${answer.mission.run.seed} (fewer than the best estimate’s: its P10–P90 is only read, to three digits); its full report is <code>sora-mc report mission</code>.</p>` : ''}
${formulas(result)}
${sourcesList()}`, filesList(files), care)}`;
  const title = answer ? `sora-mc: Sora’s compute, the best estimate (${scenario.name})` : `sora-mc report: ${scenario.name}`;
  return htmlPage({ title, body, charts, assets });
}
