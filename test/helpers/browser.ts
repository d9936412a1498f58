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

/** A chart text's rendered font size in CSS px (its font size times the SVG's scale on screen). */
export interface TextSize {
  chart: string;
  text: string;
  size: number;
}

/** The rendered size of every visible chart text. */
export function chartTextSizes(page: Page): Promise<TextSize[]> {
  return page.$$eval('.chart', (charts) =>
    charts.flatMap((chart) =>
      Array.from(chart.querySelectorAll('svg text'))
        .filter((el) => (el.textContent ?? '').trim() !== '' && getComputedStyle(el).display !== 'none' && el.getAttribute('opacity') !== '0')
        .map((el) => {
          const m = (el as SVGTextElement).getScreenCTM()!;
          return { chart: chart.id, text: (el.textContent ?? '').trim(), size: parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b) };
        }),
    ),
  );
}

export interface MarkBox {
  chart: string;
  kind: 'rule' | 'point' | 'bar';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Every visible rule, point (symbol) and bar (rect, tick) a chart draws as a mark — not axes, grids or
 * legends — with its box on screen; a rule's box is as wide as its stroke.
 */
export function chartMarkBoxes(page: Page): Promise<MarkBox[]> {
  return page.$$eval('.chart', (charts) =>
    charts.flatMap((chart) =>
      Array.from(chart.querySelectorAll('svg g.role-mark')).flatMap((group) => {
        const cls = group.getAttribute('class') ?? '';
        const kind = /mark-rule/.test(cls) ? 'rule' : /mark-symbol/.test(cls) ? 'point' : /mark-rect/.test(cls) ? 'bar' : undefined;
        if (!kind) return [];
        return Array.from(group.children)
          .filter((el) => el.getAttribute('opacity') !== '0' && el.getAttribute('fill-opacity') !== '0')
          .map((el) => {
            const r = el.getBoundingClientRect();
            const m = (el as SVGGraphicsElement).getScreenCTM();
            const pad = kind === 'rule' ? (parseFloat(el.getAttribute('stroke-width') ?? '1') * (m ? Math.hypot(m.a, m.b) : 1)) / 2 : 0;
            return {
              chart: chart.id, kind: kind as MarkBox['kind'],
              x1: r.left - (r.width < 1 ? pad : 0), x2: r.right + (r.width < 1 ? pad : 0),
              y1: r.top - (r.height < 1 ? pad : 0), y2: r.bottom + (r.height < 1 ? pad : 0),
            };
          });
      }),
    ),
  );
}

/**
 * Texts drawn over a rule, point or bar of the same chart, overlapping it by more than half a pixel
 * across and a pixel down. A label belongs beside its mark (a label starts a few pixels from its rule,
 * point or bar end), so any overlap is a label over a mark it is not labelling.
 */
export function textsOverMarks(texts: readonly TextBox[], marks: readonly MarkBox[]): string[] {
  const found: string[] = [];
  for (const t of texts) {
    for (const m of marks) {
      if (m.chart !== t.chart) continue;
      const w = Math.min(t.x2, m.x2) - Math.max(t.x1, m.x1);
      const h = Math.min(t.y2, m.y2) - Math.max(t.y1, m.y1);
      if (w > 0.5 && h > 1) found.push(`${t.chart}: "${t.text}" over a ${m.kind} (${w.toFixed(1)} × ${h.toFixed(1)} px)`);
    }
  }
  return found;
}

/** Every table row whose cell count differs from its header row's. */
export function raggedTables(page: Page): Promise<string[]> {
  return page.$$eval('table', (tables) =>
    tables.flatMap((table) => {
      const rows = Array.from((table as HTMLTableElement).rows);
      const header = rows[0]?.cells.length ?? 0;
      return rows.slice(1).flatMap((row, i) => (row.cells.length === header ? [] : [`${table.className}: row ${i + 1} has ${row.cells.length} cells, its header ${header}`]));
    }),
  );
}
