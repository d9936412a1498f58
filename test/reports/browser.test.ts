/**
 * The HTML report in a real headless Chromium (playwright-core driving the Chromium that
 * @sparticuz/chromium ships in its npm package): opened from disk with every non-file request
 * blocked, it must draw every chart as SVG marks, log no console error, fail no request, and show
 * the Result's numbers. Screenshots go to test-artifacts/ (gitignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { reportCharts } from '../../reports/charts.js';
import calibration from '../../src/calibration/calibration.json' with { type: 'json' };
import { headlines } from '../../reports/headline.js';
import { loadEmbedAssets } from '../../reports/html/assets.js';
import { reportHtml } from '../../reports/html/report.js';
import { formatRounded } from '../../src/format.js';
import { writeFiles } from '../../src/io/write.js';
import { packagePath } from '../../src/paths.js';
import { percentile } from '../../src/result/percentile.js';
import { scratchDir } from '../helpers/scratch.js';
import { HOSTILE_NAME, hostile, simulated } from './fixtures.js';

const ARTIFACTS = packagePath('test-artifacts');
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** The Chromium of @sparticuz/chromium; Debian's /usr/bin/chromium only if that one cannot start. */
async function launch(): Promise<Browser> {
  try {
    return await playwright.launch({ executablePath: await chromium.executablePath(), args: LAUNCH_ARGS });
  } catch (error) {
    if (!existsSync('/usr/bin/chromium')) throw error;
    return playwright.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  }
}

interface Visit {
  page: Page;
  problems: string[];
  dialogs: string[];
}

/** Opens a page from disk, recording console errors, page errors, failed and non-file requests, dialogs. */
async function open(browser: Browser, file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-charts-drawn]', { timeout: 30_000 });
  return { page, problems, dialogs };
}

/** Per chart element: whether it drew, and how many mark items (paths, lines, text…) its SVG holds. */
function drawnMarks(page: Page) {
  return page.$$eval('.chart', (charts) =>
    charts.map((chart) => ({
      id: chart.id,
      rendered: chart.getAttribute('data-rendered'),
      svg: chart.querySelectorAll('svg').length,
      marks: chart.querySelectorAll('svg g[class*="role-mark"] > *').length,
    })),
  );
}

const scratch = scratchDir('sora-mc-browser-');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  let visit: Visit;
  let mission: Awaited<ReturnType<typeof simulated>>;

  beforeAll(async () => {
    mission = await simulated('mission');
    const { files } = await buildReport(mission);
    writeFiles(join(scratch.dir, 'mission'), files);
    visit = await open(browser, join(scratch.dir, 'mission', 'report.html'));
  }, 120_000);

  it('logs no console error and fails no request (it fetches nothing)', () => {
    expect(visit.problems).toEqual([]);
    expect(visit.dialogs).toEqual([]);
  });

  it('draws every chart as SVG with its marks', async () => {
    const charts = await drawnMarks(visit.page);
    expect(charts.map((c) => c.id)).toEqual(reportCharts(mission).map((c) => `chart-${c.id}`));
    for (const chart of charts) {
      expect(chart, chart.id).toMatchObject({ rendered: 'true', svg: 1 });
      expect(chart.marks, chart.id).toBeGreaterThan(5);
    }
  });

  it('draws the reality check: one measured point per published figure, in both panels', async () => {
    const points = await visit.page.$$eval('#chart-reality-check svg g.mark-symbol.role-mark > path', (paths) => paths.length);
    expect(points).toBe(calibration.inference.length + calibration.training.length);
  });

  it('draws one histogram bar per non-empty-width bin', async () => {
    const bars = await visit.page.$$eval('#chart-distribution-trainH100s svg g.mark-rect.role-mark > path', (paths) => paths.length);
    expect(bars).toBe(mission.outputs.trainH100s.histogram.bins.length);
  });

  it('shows the headline sentences with the Result’s numbers', async () => {
    const shown = await visit.page.locator('.headlines li').allInnerTexts();
    expect(shown.map((s) => s.trim())).toEqual(headlines(mission).map((h) => h.sentence));
    const train = mission.outputs.trainH100s;
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((q) => formatRounded(percentile(train, q).value, train.unit));
    expect(shown[0]).toContain(`Training: ${p10}–${p90} H100s for a month (P10–P90), median ${p50}`);
  });

  it('saves a screenshot as a test artifact', async () => {
    const path = join(ARTIFACTS, 'report.png');
    await visit.page.screenshot({ path, fullPage: true });
    await visit.page.screenshot({ path: join(ARTIFACTS, 'report-top.png') });
    expect(existsSync(path)).toBe(true);
  });
});

describe('a scenario named <script>alert(1)</script>', () => {
  it('renders its name as text and runs nothing', async () => {
    const result = hostile(await simulated('mission'));
    const page1 = reportHtml({ result, charts: reportCharts(result), assets: loadEmbedAssets(), files: [] });
    writeFiles(join(scratch.dir, 'hostile'), new Map([['report.html', page1]]));
    const { page, problems, dialogs } = await open(browser, join(scratch.dir, 'hostile', 'report.html'));
    // (the charts' image links point at files this test does not write; nothing loads them)
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe(`Sora compute under uncertainty: ${HOSTILE_NAME}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const subtitles = await page.locator('#chart-distribution-trainH100s svg').innerHTML();
    expect(subtitles).toContain('Scenario &lt;script&gt;alert(1)&lt;/script&gt;');
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile-top.png') });
  }, 60_000);
});

describe('the comparison report in headless Chromium', () => {
  it('draws a chart per headline output without errors', async () => {
    const results = [await simulated('article'), await simulated('mission'), await simulated('evidence-2025')];
    const { files } = await buildComparison(results);
    writeFiles(join(scratch.dir, 'compare'), files);
    expect([...files.keys()].filter((name) => name.endsWith('.png'))).toHaveLength(5);
    const { page, problems } = await open(browser, join(scratch.dir, 'compare', 'report.html'));
    expect(problems).toEqual([]);
    const charts = await drawnMarks(page);
    expect(charts).toHaveLength(5);
    for (const chart of charts) expect(chart.marks, chart.id).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: true });
  }, 60_000);
});
