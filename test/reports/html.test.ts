import { describe, expect, it } from 'vitest';
import { comparisonCharts } from '../../reports/charts.js';
import { headlines } from '../../reports/headline.js';
import { loadEmbedAssets } from '../../reports/html/assets.js';
import { compareHtml } from '../../reports/html/compare.js';
import { escapeHtml } from '../../reports/html/escape.js';
import { SPECS_ELEMENT_ID } from '../../reports/html/page.js';
import { reportHtml } from '../../reports/html/report.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';
import { chartsOf, hostile, HOSTILE_DESCRIPTION, HOSTILE_NAME, HOSTILE_SOURCE, simulated } from './fixtures.js';

const assets = loadEmbedAssets();
const mission = await simulated('mission');
const article = await simulated('article');
const files = [
  { href: 'result.json', what: 'the Result' },
  { href: 'percentiles.csv', what: 'percentiles' },
];

function page(result = mission) {
  return reportHtml({ result, charts: chartsOf(result), assets, files });
}

/** The chart specs as the page's JSON island holds them. */
function island(doc: string): { id: string; spec: { title: { subtitle: string[] } } }[] {
  const match = new RegExp(`<script type="application/json" id="${SPECS_ELEMENT_ID}">([^<]*)</script>`).exec(doc);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!);
}

describe('the HTML report', () => {
  const doc = page();

  it('inlines vega, vega-lite and vega-embed and loads nothing from the network', () => {
    expect(doc).toContain(assets.vega.code.slice(0, 200));
    expect(doc).toContain(assets.vegaLite.code.slice(0, 200));
    expect(doc).toContain(assets.vegaEmbed.code.slice(0, 200));
    expect(doc).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(doc).not.toMatch(/<link[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i);
    expect(doc).not.toMatch(/\bsrc\s*=\s*["']?(https?:)?\/\//i);
    // Web addresses appear only as links a reader may follow (sources), never as something the page loads.
    expect(doc.replace(/<a href="https:\/\/[^"]+">/g, '')).not.toMatch(/\bhref\s*=\s*["']?(https?:)?\/\//i);
    expect(doc).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
  });

  it('has every headline sentence, escaped', () => {
    for (const h of headlines(mission)) expect(doc).toContain(escapeHtml(h.text));
  });

  it('has a figure for every chart and the specs to draw them', () => {
    const charts = chartsOf(mission);
    for (const chart of charts) expect(doc).toContain(`id="chart-${chart.id}"`);
    expect(island(doc).map((c) => c.id)).toEqual(charts.map((c) => c.id));
  });

  it('has the assumptions table (every input) and the method', () => {
    for (const key of INPUT_KEYS) expect(doc).toContain(`data-input="${key}"`);
    expect(doc).toContain('seedrandom.alea');
    expect(doc).toContain('Step-cost model');
    expect(doc).toContain(escapeHtml(mission.method.interval));
  });

  it('writes each distribution in the numbers the table writes that input in, not in e-notation', () => {
    const rowOf = (key: string) => doc.slice(doc.indexOf(`data-input="${key}"`), doc.indexOf('</tr>', doc.indexOf(`data-input="${key}"`)));
    // mission.yaml: trainMfu is PERT(min 0.3, mode 0.4, max 0.55); the DiT figures are docs/model.md's 1e21 FLOP and 524 GFLOP.
    expect(rowOf('trainMfu')).toContain('<td>PERT 30%–55%, mode 40%</td>');
    expect(rowOf('ditTrainFlops')).toContain('<td>fixed 1×10²¹</td>');
    expect(rowOf('ditStepFlops')).toContain('<td>fixed 5.24×10¹¹</td>');
    for (const key of INPUT_KEYS) expect(rowOf(key), key).not.toMatch(/<td>[^<]*\d(\.\d+)?e[+-]?\d/);
  });

  it('links to the JSON and CSV beside it', () => {
    expect(doc).toContain('<a href="result.json">');
    expect(doc).toContain('<a href="percentiles.csv">');
  });
});

describe('scenario strings in the HTML', () => {
  const doc = page(hostile(mission));

  it('show a scenario named <script>alert(1)</script> as text', () => {
    expect(doc).toContain(`<h1>Sora compute under uncertainty: ${escapeHtml(HOSTILE_NAME)}</h1>`);
    expect(doc).toContain(`<title>sora-mc report: ${escapeHtml(HOSTILE_NAME)}</title>`);
    expect(doc).not.toContain('<script>alert(1)');
    expect(doc).not.toContain('<img src=x');
    expect(doc).not.toContain('<a href="javascript:');
    expect(doc).toContain(escapeHtml(HOSTILE_DESCRIPTION));
    expect(doc).toContain(escapeHtml(HOSTILE_SOURCE));
  });

  it('keep exactly the page’s own script elements', () => {
    expect(doc.match(/<script\b/gi)).toHaveLength(6); // the JSON island, three libraries, the loader, the print helper
    expect(doc.match(/<\/script>/gi)).toHaveLength(6);
  });

  it('reach the charts’ source lines escaped, and the chart specs carry no title (the page writes it)', () => {
    expect(doc).toContain(escapeHtml(`Source: sora-mc simulation of ${HOSTILE_NAME}`));
    for (const chart of island(doc)) expect(chart.spec.title).toBeUndefined();
  });
});

describe('the comparison page', () => {
  const doc = compareHtml({ results: [article, hostile(mission)], charts: comparisonCharts([article, hostile(mission)]), assets, files });

  it('has a column per scenario, escaped, and a chart per headline output', () => {
    expect(doc).toContain(`<th class="num">${escapeHtml(HOSTILE_NAME)}</th>`);
    expect(doc).not.toContain('<script>alert(1)');
    expect(island(doc)).toHaveLength(5);
  });

  it('lists the inputs that differ between the scenarios', () => {
    expect(doc).toContain('data-input="soraParams"');
    expect(doc).not.toContain('data-input="ditParams"');
  });
  it("shows the article's two-valued training fleet as its two cases, not as a range with a median", () => {
    const row = doc.split('\n').find((line) => line.startsWith('<tr><td>Training H100s'))!;
    expect(row).toMatch(/4,211 or 10,528<br><small>two cases, \d+% \/ \d+%<\/small>/);
  });
});
