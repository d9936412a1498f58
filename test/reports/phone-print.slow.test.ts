/**
 * Every built-in report and a comparison in headless Chromium, on a phone (390 px) and a desktop
 * (1280 px): no horizontal page scroll, no console error, every chart drawn; on paper, headings kept
 * with what follows and folded sections opened. Saves the top of each report as a screenshot under
 * test-artifacts/ (gitignored) for a person to look at.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { ARTIFACTS, browserForFile, open } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const scratch = scratchDir('sora-mc-phone-');
const browser = browserForFile();

const SCENARIOS = ['mission', 'article', 'evidence-2025', 'calibrated'];

async function written(name: string): Promise<string> {
  const dir = join(scratch.dir, name);
  if (name === 'compare') {
    await writeFolder(dir, (await buildComparison(await Promise.all(['article', 'mission', 'evidence-2025'].map(simulated)))).files);
  } else {
    await writeFolder(dir, (await buildReport(await simulated(name))).files);
  }
  return join(dir, 'report.html');
}

describe('the report on a phone and on a desktop', () => {
  for (const name of [...SCENARIOS, 'compare']) {
    it(`${name}: no horizontal scroll at 390 px, every chart drawn, no console error at 390 and 1280 px`, async () => {
      const file = await written(name);
      for (const width of [390, 1280]) {
        const { page, problems } = await open(browser(), file, { width, height: 900 });
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          charts: document.querySelectorAll('.chart').length,
          drawn: document.querySelectorAll('.chart[data-rendered="true"] svg').length,
          widest: Math.max(...Array.from(document.querySelectorAll('.chart svg')).map((svg) => svg.getBoundingClientRect().right)),
        }));
        expect(problems, `${name} at ${width}`).toEqual([]);
        expect(layout.drawn, `${name} at ${width}`).toBe(layout.charts);
        expect(layout.charts).toBeGreaterThan(4);
        expect(layout.scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(width);
        expect(layout.widest, `${name} at ${width}: a chart runs past the screen`).toBeLessThanOrEqual(width);
        // A phone's column gets every chart in its narrow layout, a desktop's in its wide one.
        expect(await page.$$eval('.chart', (charts) => [...new Set(charts.map((c) => c.getAttribute('data-layout')))]), `${name} at ${width}`).toEqual([width < 720 ? 'narrow' : 'wide']);
        await page.screenshot({ path: join(ARTIFACTS, `top-${name}-${width}.png`) });
        await page.close();
      }
    }, 120_000);
  }

  it('prints with headings kept with their content and folded sections opened (the fixed inputs stay folded)', async () => {
    const { page } = await open(browser(), await written('mission'), { width: 1280, height: 900 });
    expect(await page.locator('details:not([open])').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    const breakAfter = await page.$eval('h2', (h) => getComputedStyle(h).breakAfter);
    expect(breakAfter).toBe('avoid');
    const figureBreak = await page.$eval('figure', (f) => getComputedStyle(f).breakInside);
    expect(figureBreak).toBe('avoid');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details:not([open]):not(.fixed-inputs)').count()).toBe(0);
    expect(await page.locator('details.fixed-inputs:not([open])').count()).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details:not([open])').count()).toBeGreaterThan(0);
    await page.close();
  }, 120_000);
});
