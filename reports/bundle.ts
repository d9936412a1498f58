/**
 * A report folder, made in memory: report.html, the Result as JSON, percentiles.csv, summary.md,
 * and every chart as .vl.json, .svg and .png under charts/. The caller writes the map to disk in
 * one go (src/io/report-folder.ts), so a failure while rendering writes nothing.
 */
import type { FileContent } from '../src/io/stream-target.js';
import { toJson } from '../src/io/json.js';
import { fileSafe } from '../src/paths.js';
import type { Result } from '../src/result/types.js';
import { comparisonCharts, reportCharts, reportContext, type ChartEntry } from './charts.js';
import { bestEstimate, type BestEstimate } from '../src/calibration/best-estimate.js';
import { percentilesCsv } from './csv.js';
import { loadEmbedAssets, type EmbedAssets } from './html/assets.js';
import { compareHtml } from './html/compare.js';
import { withSource } from './html/page.js';
import { reportHtml, type FileLink } from './html/report.js';
import { compareMarkdown, reportMarkdown } from './markdown.js';
import { drawChart } from './render/chart.js';
import { scenarioRowNames } from './scenario-names.js';

export const REPORT_HTML = 'report.html';
export const RESULT_JSON = 'result.json';
export const PERCENTILES_CSV = 'percentiles.csv';
export const SUMMARY_MD = 'summary.md';
export const CHARTS_DIR = 'charts';

export interface ReportBundle {
  files: Map<string, FileContent>;
  /** The best estimate's case (why it is the one to read), when the report is the best estimate's. */
  best?: BestEstimate;
  /** Warnings raised while drawing the charts, as `<chart id>: <message>`. */
  warnings: string[];
}

/** Each chart's three files, and the warnings drawing it raised. */
async function chartFiles(charts: readonly ChartEntry[]): Promise<ReportBundle> {
  const files = new Map<string, FileContent>();
  const warnings: string[] = [];
  const pngs: Promise<void>[] = [];
  for (const chart of charts) {
    const spec = withSource(chart.spec, chart.source);
    const drawing = await drawChart(spec);
    files.set(`${CHARTS_DIR}/${chart.id}.vl.json`, toJson(spec));
    files.set(`${CHARTS_DIR}/${chart.id}.svg`, drawing.svg);
    pngs.push(drawing.png.then((png) => void files.set(`${CHARTS_DIR}/${chart.id}.png`, png)));
    warnings.push(...drawing.warnings.map((w) => `${chart.id}: ${w}`));
  }
  await Promise.all(pngs);
  return { files, warnings };
}

/** A report folder: the page, the other files, and every chart's files. */
async function folder(charts: readonly ChartEntry[], page: string, others: readonly [string, FileContent][]): Promise<ReportBundle> {
  const drawn = await chartFiles(charts);
  return { files: new Map([[REPORT_HTML, page], ...others, ...drawn.files]), warnings: drawn.warnings };
}

const CHART_FILES_NOTE = 'every chart as .png (for memos and slides), .svg and .vl.json (Vega-Lite, data included)';

export interface ReportOptions {
  /** Mission's Result, sampled beside the best estimate: the report leads with the best estimate's answer and mission's band beside it. */
  mission?: Result;
}

/** The file holding mission's Result in a best-estimate report folder. */
export const MISSION_JSON = 'mission-result.json';

/** The report folder of one Result (the best estimate's, with mission beside it, when `options.mission` is given). */
export async function buildReport(result: Result, assets: EmbedAssets = loadEmbedAssets(), options: ReportOptions = {}): Promise<ReportBundle> {
  const context = reportContext(result);
  const charts = reportCharts(result, context);
  const answer = options.mission ? { result, mission: options.mission, best: bestEstimate(result.scenario, context.backtest) } : undefined;
  const links: FileLink[] = [
    { href: RESULT_JSON, what: 'the full Result: every output’s percentiles with confidence intervals, moments, histogram, sensitivity, and the resolved scenario' },
    { href: PERCENTILES_CSV, what: 'every output’s percentiles (P1–P99, with confidence intervals), mean, sd, min and max' },
    { href: SUMMARY_MD, what: 'this summary in Markdown, for a pull-request comment' },
    { href: `${CHARTS_DIR}/`, what: CHART_FILES_NOTE },
    ...(options.mission ? [{ href: MISSION_JSON, what: 'the Result of mission, sampled beside the best estimate for its band' }] : []),
  ];
  const bundle = await folder(charts, reportHtml({ result, charts, assets, files: links, ...(answer ? { answer } : {}) }), [
    ...(options.mission ? [[MISSION_JSON, toJson(options.mission)] as [string, FileContent]] : []),
    [RESULT_JSON, toJson(result)],
    [PERCENTILES_CSV, percentilesCsv([result])],
    [SUMMARY_MD, reportMarkdown(result, options.mission)],
  ]);
  return answer ? { ...bundle, best: answer.best } : bundle;
}

/** The file name of a scenario's Result in a comparison folder. */
export function comparedResultFile(result: Result, index: number): string {
  return `results/${index + 1}-${fileSafe(result.scenario.name)}.json`;
}

/** The comparison folder of several Results. */
export async function buildComparison(results: readonly Result[], assets: EmbedAssets = loadEmbedAssets()): Promise<ReportBundle> {
  const charts = comparisonCharts(results);
  const names = scenarioRowNames(results);
  const links: FileLink[] = [
    ...results.map((r, i) => ({ href: comparedResultFile(r, i), what: `the full Result of ${names[i]}` })),
    { href: PERCENTILES_CSV, what: 'every output’s percentiles for every scenario (one row per scenario, output and statistic)' },
    { href: SUMMARY_MD, what: 'this comparison in Markdown, for a pull-request comment' },
    { href: `${CHARTS_DIR}/`, what: CHART_FILES_NOTE },
  ];
  return folder(charts, compareHtml({ results, charts, assets, files: links }), [
    ...results.map((r, i): [string, FileContent] => [comparedResultFile(r, i), toJson(r)]),
    [PERCENTILES_CSV, percentilesCsv(results)],
    [SUMMARY_MD, compareMarkdown(results)],
  ]);
}
