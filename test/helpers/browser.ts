/**
 * A real headless Chromium for the report tests: playwright-core driving the Chromium that
 * @sparticuz/chromium ships in its npm package (Debian's /usr/bin/chromium if that one cannot start).
 * Pages are opened from disk with every non-file request blocked and every console error recorded.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { packagePath } from '../../src/paths.js';

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch(): Promise<Browser> {
  try {
    return await playwright.launch({ executablePath: await chromium.executablePath(), args: LAUNCH_ARGS });
  } catch (error) {
    if (!existsSync('/usr/bin/chromium')) throw error;
    return playwright.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  }
}

/** Where the report tests save their screenshots (ignored by git). */
export const ARTIFACTS = packagePath('test-artifacts');

/** One browser for a test file, launched before its tests and closed after them; call the result to get it. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Visit {
  page: Page;
  problems: string[];
  dialogs: string[];
}

/** Opens a page from disk, recording console errors, page errors, failed and non-file requests, dialogs. */
export async function open(browser: Browser, file: string, viewport = { width: 1100, height: 1000 }): Promise<Visit> {
  const page = await browser.newPage({ viewport });
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

export interface TextBox {
  chart: string;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every visible, non-empty SVG text of every chart on the page, with its box on screen. */
export function chartTextBoxes(page: Page): Promise<TextBox[]> {
  return page.$$eval('.chart', (charts) =>
    charts.flatMap((chart) =>
      Array.from(chart.querySelectorAll('svg text'))
        .filter((el) => {
          if (!(el.textContent ?? '').trim()) return false;
          for (let node: Element | null = el; node && node !== chart; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.opacity === '0' || style.display === 'none' || style.visibility === 'hidden') return false;
            if (node.getAttribute('fill-opacity') === '0' || node.getAttribute('opacity') === '0') return false;
          }
          return true;
        })
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { chart: chart.id, text: (el.textContent ?? '').trim(), x1: r.left, y1: r.top, x2: r.right, y2: r.bottom };
        }),
    ),
  );
}

/**
 * Pairs of text boxes in the same chart that overlap by more than `tolerance` pixels both ways
 * (a text's box runs from its font's ascent to its descent, so lines set closely touch by a pixel or two).
 */
export function overlaps(boxes: readonly TextBox[], tolerance = 1): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.chart !== b.chart) continue;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > tolerance && h > tolerance) found.push(`${a.chart}: "${a.text}" overlaps "${b.text}" (${w.toFixed(1)} × ${h.toFixed(1)} px)`);
    }
  }
  return found;
}
