/**
 * The best-estimate report (what `sora-mc report` and `npm start` write) in headless Chromium: at
 * 1280 × 800 the first screen holds the headline, which scenario this is and why, the chance that
 * the GPU cost of a minute exceeds Sora 2's cheapest list price, the headline sentences and the
 * summary table with mission's band and the article's figure (measured by bounding boxes); at
 * 390 px the summary table's every cell is on the screen, labelled with its column; the
 * what-if sliders read in the report's number style and are not printed; printed on A4, the page has
 * margins and the long table of fixed inputs stays folded (a short paragraph prints instead).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/bundle.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { HEADLINE_OUTPUTS } from '../../src/model/outputs.js';
import { ARTIFACTS, browserForFile, open } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const scratch = scratchDir('sora-mc-first-screen-');
const browser = browserForFile();
let file: string;

beforeAll(async () => {
  const { files } = await buildReport(await simulated('calibrated'), undefined, { mission: await simulated('mission') });
  await writeFolder(join(scratch.dir, 'best'), files);
  file = join(scratch.dir, 'best', 'report.html');
}, 120_000);

describe('the best-estimate report', () => {
  it('holds the answer on the first screen at 1280 × 800', async () => {
    const { page, problems } = await open(browser(), file, { width: 1280, height: 800 });
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, text: (el as HTMLElement).innerText };
      };
      return {
        h1: box('header.answer h1'),
        which: box('p.which'),
        chance: box('p.chance'),
        headlines: box('header.answer ul.headlines'),
        table: box('table.answer-table'),
        rows: document.querySelectorAll('table.answer-table tbody tr').length,
      };
    });
    expect(problems).toEqual([]);
    for (const [name, b] of Object.entries(boxes)) {
      if (name === 'rows') continue;
      expect(b, name).not.toBeNull();
      expect((b as { bottom: number }).bottom, `${name} ends below the first screen`).toBeLessThanOrEqual(800);
    }
    expect(boxes.rows).toBe(HEADLINE_OUTPUTS.length);
    expect(boxes.which!.text).toMatch(/calibrated/);
    expect(boxes.which!.text).toMatch(/held|without its own figures/);
    expect(boxes.chance!.text).toMatch(/^\d+% chance that the GPU cost of a minute of video is above Sora 2’s cheapest list price, \$6\.00/);
    expect(boxes.table!.text).toMatch(/mission/);
    expect(boxes.table!.text).toMatch(/4,211–10,528/);
    await page.screenshot({ path: join(ARTIFACTS, 'first-screen-1280.png') });
    await page.close();
  }, 60_000);

  it('shows the whole summary table on a 390 px phone: every cell inside the screen, labelled, no sideways scroll', async () => {
    const { page, problems } = await open(browser(), file, { width: 390, height: 844 });
    const table = await page.evaluate(() => {
      const t = document.querySelector('table.answer-table')!;
      const cells = Array.from(t.querySelectorAll('tbody td')) as HTMLElement[];
      const scroller = t.closest('.table-scroll') as HTMLElement | null;
      return {
        outside: cells.filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5 || c.getBoundingClientRect().left < -0.5).map((c) => c.innerText),
        scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
        // On a phone each value carries its column's name (the header row cannot sit above it).
        p50Labels: Array.from(t.querySelectorAll('tbody td:nth-child(3)')).map((c) => getComputedStyle(c, '::before').content),
      };
    });
    expect(problems).toEqual([]);
    expect(table.outside).toEqual([]);
    expect(table.scrolls).toBe(false);
    for (const label of table.p50Labels) expect(label).toMatch(/P50/);
    await page.screenshot({ path: join(ARTIFACTS, 'first-screen-390.png'), fullPage: false });
    await page.close();
  }, 60_000);

  it('writes each slider’s readout in the report’s number style, and does not print the sliders', async () => {
    const { page } = await open(browser(), file, { width: 1280, height: 800 });
    const readouts = await page.$$eval('#chart-what-if .vega-bind', (binds) => binds.map((b) => (b.querySelector('input')!.nextElementSibling as HTMLElement).textContent ?? ''));
    expect(readouts.length).toBeGreaterThan(0);
    for (const text of readouts) {
      expect(text).toMatch(/^(\$\d+\.\d\d an H100-hour|\d+%|\d+ days|×\d\.\d\d: MFU \d+% training, \d+% serving)$/);
      expect(text).not.toMatch(/\d\.\d{4,}/);
    }
    const price = page.locator('#chart-what-if input[name="price"]');
    if ((await price.count()) > 0) {
      await price.evaluate((input: HTMLInputElement) => {
        input.value = '3.5';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.waitForFunction(() => document.querySelector('#chart-what-if input[name="price"]')!.nextElementSibling!.textContent === '$3.50 an H100-hour');
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('#chart-what-if .vega-bindings', (el) => getComputedStyle(el).display)).toBe('none');
    await page.close();
  }, 60_000);

  it('prints on A4 with margins, the fixed inputs folded and listed in one paragraph', async () => {
    const { page } = await open(browser(), file, { width: 1280, height: 800 });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.evaluate(() => ({
      margins: Array.from(document.styleSheets).some((sheet) => Array.from(sheet.cssRules).some((rule) => rule instanceof CSSPageRule && rule.style.margin !== '')),
      fixedTable: getComputedStyle(document.querySelector('details.fixed-inputs')!).display,
      fixedList: getComputedStyle(document.querySelector('p.fixed-list')!).display,
      otherFolded: document.querySelectorAll('details:not([open]):not(.fixed-inputs)').length,
    }));
    expect(printed).toEqual({ margins: true, fixedTable: 'none', fixedList: 'block', otherFolded: 0 });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 90_000);
});
