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
}

export function reportHtml({ result, charts, assets, files }: ReportPage): string {
  const { scenario, run, tool } = result;
  const body = html`<header>
<h1>Sora compute under uncertainty: ${scenario.name}</h1>
<p class="lead">${scenario.description}</p>
<p class="meta">${tool.name} ${tool.version} · ${run.samples.toLocaleString('en-US')} samples · seed ${run.seed} · ${scenario.stepCost} step-cost model. P10–P90 is the range that holds 80% of the simulated outcomes under these assumptions; the median (P50) is the middle one.</p>
</header>
<section id="headlines"><h2>The answer in five sentences</h2>
${headlineList(headlines(result))}
${summaryTable(result)}
${colourKey()}
</section>
${closingSections(charts, { title: 'Assumptions', body: assumptionsTable(result) }, methodList(result), filesList(files))}`;
  return htmlPage({ title: `sora-mc report: ${scenario.name}`, body, charts, assets });
}
