/**
 * The HTML report in a real headless Chromium (playwright-core driving the Chromium that
 * @sparticuz/chromium ships in its npm package): opened from disk with every non-file request
 * blocked, it must draw every chart as SVG marks, log no console error, fail no request, and show
 * the Result's numbers. Screenshots go to test-artifacts/ (gitignored).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { reportCharts } from '../../reports/charts.js';
import calibration from '../../src/calibration/calibration.json' with { type: 'json' };
import { headlines } from '../../reports/headline.js';
import { loadEmbedAssets } from '../../reports/html/assets.js';
import { reportHtml } from '../../reports/html/report.js';
import { formatRounded } from '../../src/format.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { percentile } from '../../src/result/percentile.js';
import { ARTIFACTS, browserForFile, open, type Visit } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { HOSTILE_NAME, hostile, simulated } from './fixtures.js';


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
const browser = browserForFile();

describe('report.html in headless Chromium', () => {
  let visit: Visit;
  let mission: Awaited<ReturnType<typeof simulated>>;

  beforeAll(async () => {
    mission = await simulated('mission');
    const { files } = await buildReport(mission);
    await writeFolder(join(scratch.dir, 'mission'), files);
    visit = await open(browser(), join(scratch.dir, 'mission', 'report.html'));
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
      // A tornado lists only the inputs that move its output: mission's crossover has one (a bar of two halves, their labels, the P50 rule).
      expect(chart.marks, chart.id).toBeGreaterThan(chart.id.startsWith('chart-tornado-') ? 4 : 5);
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

  it('moves the training cost band when the GPU price slider moves (what-if, offline)', async () => {
    const page = visit.page;
    const costLabel = () => page.$$eval('#chart-what-if svg g.mark-text.role-mark text', (texts) => texts.map((t) => t.textContent ?? '')[1]!);
    const median = (label: string) => {
      const [, number, suffix] = /median \$([\d.,]+)([kMB]?)\)/.exec(label)!;
      return Number(number!.replace(/,/g, '')) * ({ '': 1, k: 1e3, M: 1e6, B: 1e9 } as Record<string, number>)[suffix!]!;
    };
    const before = await costLabel();
    const slider = page.locator('#chart-what-if input[type="range"]').first();
    const price = Number(await slider.inputValue());
    await slider.evaluate((input: HTMLInputElement, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, price * 2);
    await page.waitForFunction((old) => {
      const texts = Array.from(document.querySelectorAll('#chart-what-if svg g.mark-text.role-mark text'));
      return (texts[1]?.textContent ?? old) !== old;
    }, before);
    const after = await costLabel();
    // Training cost ∝ price: twice the price, twice the median (labels carry three significant digits).
    expect(median(after) / median(before)).toBeGreaterThan(1.98);
    expect(median(after) / median(before)).toBeLessThan(2.02);
    expect(visit.problems).toEqual([]);
  });

  it('saves a screenshot as a test artifact', async () => {
    const path = join(ARTIFACTS, 'report.png');
    await visit.page.screenshot({ path, fullPage: true });
    await visit.page.screenshot({ path: join(ARTIFACTS, 'report-top.png') });
    await visit.page.locator('#figure-bridge-trainH100s').screenshot({ path: join(ARTIFACTS, 'bridge-trainH100s.png') });
    expect(existsSync(path)).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'bridge-trainH100s.png'))).toBe(true);
  });
});

describe('a scenario named <script>alert(1)</script>', () => {
  it('renders its name as text and runs nothing', async () => {
    const result = hostile(await simulated('mission'));
    const page1 = reportHtml({ result, charts: reportCharts(result), assets: loadEmbedAssets(), files: [] });
    await writeFolder(join(scratch.dir, 'hostile'), new Map([['report.html', page1]]));
    const { page, problems, dialogs } = await open(browser(), join(scratch.dir, 'hostile', 'report.html'));
    // (the charts' image links point at files this test does not write; nothing loads them)
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe(`Sora compute under uncertainty: ${HOSTILE_NAME}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The chart's source line names the scenario, as text.
    expect(await page.locator('#figure-distribution-trainH100s p.source').innerText()).toContain(`sora-mc simulation of ${HOSTILE_NAME}`);
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile-top.png') });
  }, 60_000);
});

describe('the comparison report in headless Chromium', () => {
  it('draws a chart per headline output without errors', async () => {
    const results = [await simulated('article'), await simulated('mission'), await simulated('evidence-2025')];
    const { files } = await buildComparison(results);
    await writeFolder(join(scratch.dir, 'compare'), files);
    expect([...files.keys()].filter((name) => name.endsWith('.png'))).toHaveLength(5);
    const { page, problems } = await open(browser(), join(scratch.dir, 'compare', 'report.html'));
    expect(problems).toEqual([]);
    const charts = await drawnMarks(page);
    expect(charts).toHaveLength(5);
    for (const chart of charts) expect(chart.marks, chart.id).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: true });
  }, 60_000);
});
