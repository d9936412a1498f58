// Makes docs/report-first-screen.png, the README's picture of the report: runs `sora-mc report` (the
// best estimate, mission beside it) into a scratch folder and photographs the first screen at
// 1280 × 800 in headless Chromium (the @sparticuz/chromium the browser tests use, or /usr/bin/chromium).
// Run after `npm run build`: `npm run screenshot`. Nothing is fetched: the page is opened from disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'report-first-screen.png');
const scratch = mkdtempSync(join(tmpdir(), 'sora-mc-screenshot-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
try {
  const html = execFileSync(process.execPath, [join(root, 'dist', 'cli', 'cli.js'), 'report', '--out', join(scratch, 'report'), '--seed', '2026'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  let browser;
  try {
    browser = await playwright.launch({ executablePath: await chromium.executablePath(), args });
  } catch {
    browser = await playwright.launch({ executablePath: '/usr/bin/chromium', args });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('body[data-charts-drawn]', { timeout: 60_000 });
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
