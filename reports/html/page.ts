/**
 * The HTML document every report shares: styles, the chart figures, the chart specs as inert JSON,
 * and the inlined vega, vega-lite and vega-embed builds that draw them as SVG in the page. Nothing
 * is fetched when the page is viewed; it works from disk, offline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { specSubtitle, specTitle, type ChartEntry } from '../charts.js';
import { NARROW_BELOW } from '../layout.js';
import { wrapWords } from '../specs/text-width.js';
import { FONT_SIZE, WIDTH } from '../theme.js';
import type { EmbedAssets } from './assets.js';
import { glossarySection } from './glossary.js';
import { html, inlineScript, jsonForScript, trusted, type SafeHtml } from './escape.js';

export const SPECS_ELEMENT_ID = 'sora-mc-specs';

const STYLE = `
:root { --ink: #1f2937; --muted: #4b5563; --line: #e5e7eb; --sim: #2563eb; --article: #ea580c; --published: #059669; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f9fafb; font: 16px/1.5 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 20px 24px 64px; background: white; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-top: 12px; border-top: 1px solid var(--line); }
h3 { font-size: 17px; margin: 24px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 16px; }
p.meta { color: var(--muted); font-size: 14px; margin: 0 0 24px; }
.headlines { list-style: none; padding: 0; margin: 0 0 8px; }
.headlines li { padding: 10px 14px; margin: 0 0 8px; border-left: 4px solid var(--sim); background: #eff6ff; font-size: 17px; }
.headlines li strong { color: var(--sim); }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
details.fixed-inputs summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
td small, li small { color: var(--muted); }
code { font-size: 13px; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
figure { margin: 16px 0 32px; }
figure h3.chart-title { font-size: 17px; line-height: 1.35; margin: 0 0 4px; }
p.chart-sub { color: var(--muted); font-size: 14px; line-height: 1.45; margin: 0 0 8px; }
.chart { overflow-x: auto; min-height: 120px; }
p.source { color: var(--muted); font-size: 12.5px; margin: 4px 0 2px; }
figcaption { color: var(--muted); font-size: 14px; margin-top: 4px; }
/* A slider's readout is written by the page in the report's number style (the chart library's raw number is replaced). */
.vega-bindings { margin: 8px 0 4px; font-size: 15px; }
.vega-bind { margin: 4px 0; }
.vega-bind label { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.vega-bind-name { min-width: 9em; font-weight: 600; }
.vega-bind input[type="range"] { flex: 1 1 160px; max-width: 320px; }
figcaption a, .files a { color: var(--sim); }
dl.glossary { display: grid; grid-template-columns: 220px 1fr; gap: 6px 16px; font-size: 14px; }
dl.glossary dt { font-weight: 600; }
dl.glossary dd { margin: 0; }
a.term { color: inherit; text-decoration: underline dotted; text-underline-offset: 2px; }
/* The best estimate's answer: everything an investor needs on the first screen. */
header.answer h1 { font-size: 23px; margin: 0 0 6px; }
p.which { font-size: 14.5px; line-height: 1.45; margin: 0 0 8px; color: var(--ink); }
p.chance { font-size: 16.5px; margin: 0 0 8px; padding: 7px 12px; background: #fff7ed; border-left: 4px solid var(--article); }
ul.headlines.short li { padding: 4px 12px; margin: 0 0 3px; font-size: 15px; }
table.answer-table { font-size: 13.5px; margin: 6px 0 6px; }
table.answer-table td, table.answer-table th { padding: 4px 6px; }
table.answer-table td.why { font-size: 12.5px; color: var(--muted); min-width: 14em; line-height: 1.35; }
p.report-note { font-size: 14px; padding: 8px 12px; background: #f3f4f6; margin: 0 0 16px; }
dl.method { display: grid; grid-template-columns: 220px 1fr; gap: 6px 16px; font-size: 14px; }
dl.method dt { font-weight: 600; }
dl.method dd { margin: 0; }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin: 0 4px 0 12px; vertical-align: -1px; }
.note { font-size: 14px; color: var(--muted); }
pre.formulas { font-size: 12.5px; background: #f3f4f6; padding: 10px 12px; overflow-x: auto; white-space: pre; }
ul.sources, ul.caveats { font-size: 14px; }
ul.sources a { color: var(--sim); overflow-wrap: anywhere; }
/* Phones: charts scale down to the column (their SVG keeps its aspect), wide tables scroll inside their own box. */
.chart svg { max-width: 100%; height: auto; }
.table-scroll { overflow-x: auto; max-width: 100%; }
td, th, code { overflow-wrap: break-word; }
/* A scenario's name, description and sources may hold a word longer than the screen (a URL, a hash): it breaks instead of widening the page. */
main { overflow-wrap: break-word; }
@media (max-width: 700px) {
  main { padding: 16px 12px 48px; }
  h1 { font-size: 23px; }
  .headlines li { font-size: 16px; }
  dl.method, dl.glossary { grid-template-columns: 1fr; }
  header.answer h1 { font-size: 22px; }
  table { font-size: 13px; }
  /* The summary table as one card per output: its name, then P10 P50 P90 in a row, then mission's band and
     the article's figure, then the factors, each value under its column's name (data-label). */
  table.answer-table thead { display: none; }
  table.answer-table, table.answer-table tbody { display: block; }
  table.answer-table tr { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2px 8px; padding: 8px 0; border-bottom: 1px solid var(--line); }
  table.answer-table td { display: block; border: 0; padding: 0; text-align: left; white-space: normal; }
  table.answer-table td:first-child { grid-column: 1 / -1; font-weight: 600; }
  table.answer-table td.why { grid-column: 1 / -1; min-width: 0; }
  table.answer-table td[data-label]::before { content: attr(data-label); display: block; font-size: 11.5px; color: var(--muted); }
}
/* Paper: A4 margins; headings stay with what follows, figures and rows are not split; folded sections print
   open, except the long table of fixed inputs, which prints as one short paragraph; sliders are not printed. */
@page { size: A4; margin: 16mm 14mm 18mm; }
.print-only { display: none; }
@media print {
  body { background: white; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  figure, tr, .headlines li, dl.method dt, dl.method dd, .answer-table { break-inside: avoid; page-break-inside: avoid; }
  .chart { overflow: visible; }
  .table-scroll { overflow: visible; }
  details > summary { list-style: none; }
  .vega-bindings, .no-print, details.fixed-inputs { display: none !important; }
  .print-only { display: block; }
  p.fixed-list { font-size: 8.5pt; color: var(--muted); }
  table.assumptions { font-size: 7.5pt; }
  table.assumptions th:last-child, table.assumptions td:last-child { width: 38%; }
  table.assumptions th:nth-child(2), table.assumptions td:nth-child(2) { width: 18%; }
  .key, p.chance, .headlines li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Opens every folded section before printing (a closed <details> prints closed), and closes them again
 * after; the fixed inputs stay folded (they print as a short paragraph instead).
 */
const PRINT = `
(function () {
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open]):not(.fixed-inputs)').forEach(function (d) { d.setAttribute('open', ''); opened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.removeAttribute('open'); });
    opened = [];
  });
})();
`;

/**
 * Draws every chart with vega-embed as SVG — laid out for a phone when its column is narrower than
 * ${NARROW_BELOW} px — marks each figure when done, and the body when all are. A slider's readout is
 * replaced by the chart's own formatted text (the signal <name>_text), kept current as it moves.
 */
const EMBED = `
(function () {
  var specs = JSON.parse(document.getElementById('${SPECS_ELEMENT_ID}').textContent);
  function readouts(el, view) {
    el.querySelectorAll('.vega-bind input').forEach(function (input) {
      var name = input.getAttribute('name') + '_text';
      var span = input.nextElementSibling;
      try { view.signal(name); } catch (e) { return; }
      var show = function () { if (span) span.textContent = view.signal(name); };
      input.addEventListener('input', function () { view.runAsync().then(show); });
      view.addSignalListener(name, show);
      show();
    });
  }
  var drawn = specs.map(function (chart) {
    var el = document.getElementById('chart-' + chart.id);
    var narrow = el.clientWidth < ${NARROW_BELOW};
    el.setAttribute('data-layout', narrow ? 'narrow' : 'wide');
    return vegaEmbed(el, narrow ? chart.narrow : chart.spec, { renderer: 'svg', actions: false })
      .then(function (result) { readouts(el, result.view); el.setAttribute('data-rendered', 'true'); })
      .catch(function (error) {
        el.setAttribute('data-rendered', 'error');
        el.textContent = 'This chart could not be drawn: ' + error.message;
        console.error(error);
      });
  });
  Promise.all(drawn).then(function () { document.body.setAttribute('data-charts-drawn', String(specs.length)); });
})();
`;

/** A spec without its title: the page writes the title and subtitle as HTML above the chart (they wrap; the chart keeps its width). */
export function untitled(spec: TopLevelSpec): TopLevelSpec {
  const { title: _title, ...rest } = spec as TopLevelSpec & { title?: unknown };
  return rest as TopLevelSpec;
}

/** A spec for the chart's files: its title and subtitle, and the source as the subtitle's last line. */
export function withSource(spec: TopLevelSpec, source: string): TopLevelSpec {
  // Each line cut to the chart's width between words: one long line would widen the drawing, and the
  // chart would sit in a corner of its PNG.
  const subtitle = [...specSubtitle(spec), source].flatMap((line) => wrapWords(line, WIDTH + 160, FONT_SIZE.subtitle));
  return { ...spec, title: { ...(spec.title as object), text: specTitle(spec), subtitle } } as TopLevelSpec;
}

/** One chart's figure: its title (the finding) and subtitle, the element vega-embed draws into, the source, the caption and links to its files. */
export function chartFigure(chart: ChartEntry): SafeHtml {
  const file = (ext: string) => `charts/${chart.id}.${ext}`;
  const subtitle = specSubtitle(chart.spec);
  return html`<figure id="figure-${chart.id}">
<h3 class="chart-title">${specTitle(chart.spec)}</h3>
${subtitle.length > 0 ? html`<p class="chart-sub">${subtitle.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>` : ''}
<div class="chart" id="chart-${chart.id}" role="img" aria-label="${specTitle(chart.spec) || chart.id}"><noscript><img src="${file('svg')}" alt=""></noscript></div>
<p class="source">${chart.source}</p>
<figcaption>${chart.caption} <span class="files">Files: <a href="${file('png')}">PNG</a> · <a href="${file('svg')}">SVG</a> · <a href="${file('vl.json')}">Vega-Lite</a></span></figcaption>
</figure>`;
}

/** The charts grouped under a heading per section, in order. */
export function chartSections(charts: readonly ChartEntry[]): SafeHtml {
  const sections: { title: string; charts: ChartEntry[] }[] = [];
  for (const chart of charts) {
    const last = sections.at(-1);
    if (last && last.title === chart.section) last.charts.push(chart);
    else sections.push({ title: chart.section, charts: [chart] });
  }
  return html`${sections.map((s) => html`<section><h2>${s.title}</h2>
${s.charts.map(chartFigure)}</section>
`)}`;
}

/** The sections every report ends with: the charts, what to read with care, the assumptions, the glossary, the method and the files beside it. */
export function closingSections(charts: readonly ChartEntry[], assumptions: { title: string; body: SafeHtml }, method: SafeHtml, files: SafeHtml, care: SafeHtml = html``): SafeHtml {
  return html`${chartSections(charts)}
${care}
<section id="assumptions"><h2>${assumptions.title}</h2>
${assumptions.body}
</section>
${glossarySection()}
<section id="method"><h2>Method</h2>
${method}
</section>
<section id="files"><h2>Files</h2>
${files}
</section>`;
}

export interface PageParts {
  title: string;
  body: SafeHtml;
  charts: readonly ChartEntry[];
  assets: EmbedAssets;
}

/** The whole document. */
export function htmlPage({ title, body, charts, assets }: PageParts): string {
  const specs = charts.map((chart) => ({ id: chart.id, spec: untitled(chart.spec), narrow: untitled(chart.narrow) }));
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sora-mc">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="${SPECS_ELEMENT_ID}">${trusted(jsonForScript(specs))}</script>
${inlineScript(assets.vega.code, 'vega')}
${inlineScript(assets.vegaLite.code, 'vega-lite')}
${inlineScript(assets.vegaEmbed.code, 'vega-embed')}
${inlineScript(EMBED, 'the chart loader')}
${inlineScript(PRINT, 'the print helper')}
</body>
</html>
`.value;
}
