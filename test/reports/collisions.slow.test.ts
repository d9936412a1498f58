/**
 * Every chart of the article, mission, evidence-2025 and calibrated reports, of the best-estimate
 * report and of a comparison, drawn by vega-embed in headless Chromium (real font metrics), at a
 * phone's 390 px and a desktop's 1280 px: no text over another text, no text over a rule, point or
 * bar it is not labelling, no chart text rendered under 11 CSS px, and every table row as wide as
 * its header.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { browserForFile, chartMarkBoxes, chartTextBoxes, chartTextSizes, open, overlaps, raggedTables, textsOverMarks } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const scratch = scratchDir('sora-mc-collisions-');
const browser = browserForFile();

/** The smallest chart text a reader should have to read, in CSS px, at every width. */
const FLOOR = 11;

async function check(folder: string, files: Map<string, string | Uint8Array>) {
  await writeFolder(join(scratch.dir, folder), files);
  const found: Record<string, string[]> = {};
  let texts = 0;
  for (const width of [390, 1280]) {
    const { page } = await open(browser(), join(scratch.dir, folder, 'report.html'), { width, height: 900 });
    const boxes = await chartTextBoxes(page);
    texts = Math.max(texts, boxes.length);
    found[`${width}: text over text`] = overlaps(boxes);
    found[`${width}: text over a mark`] = textsOverMarks(boxes, await chartMarkBoxes(page));
    found[`${width}: under ${FLOOR} px`] = (await chartTextSizes(page)).filter((t) => t.size < FLOOR - 0.01).map((t) => `${t.chart}: "${t.text}" ${t.size.toFixed(1)} px`);
    found[`${width}: ragged tables`] = await raggedTables(page);
    await page.close();
  }
  return { found, texts };
}

const clean = (found: Record<string, string[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe('chart texts are legible and clear of each other and of the marks', () => {
  for (const name of ['article', 'mission', 'evidence-2025', 'calibrated']) {
    it(`in every chart of the ${name} report, at 390 and 1280 px`, async () => {
      const { files } = await buildReport(await simulated(name));
      const { found, texts } = await check(name, files);
      expect(texts).toBeGreaterThan(100);
      expect(found).toEqual(clean(found));
    }, 180_000);
  }

  it('in the best-estimate report (calibrated with mission beside it)', async () => {
    const { files } = await buildReport(await simulated('calibrated'), undefined, { mission: await simulated('mission') });
    const { found } = await check('best', files);
    expect(found).toEqual(clean(found));
  }, 180_000);

  it('in every chart of a comparison', async () => {
    const results = await Promise.all(['article', 'mission', 'evidence-2025', 'calibrated'].map(simulated));
    const { files } = await buildComparison(results);
    const { found } = await check('compare', files);
    expect(found).toEqual(clean(found));
  }, 180_000);

  it('the checks find an overlap when there is one', () => {
    const box = { chart: 'c', x1: 0, y1: 0, x2: 50, y2: 14 };
    expect(overlaps([{ ...box, text: 'a' }, { ...box, text: 'b', x1: 40, x2: 90 }])).toHaveLength(1);
    expect(overlaps([{ ...box, text: 'a' }, { ...box, text: 'b', y1: 13, y2: 27 }])).toEqual([]);
    expect(overlaps([{ ...box, text: 'a' }, { ...box, chart: 'd', text: 'b' }])).toEqual([]);
    // A rule 1.5 px wide through the middle of a label, and one 3 px clear of its start.
    const rule = { chart: 'c', kind: 'rule' as const, y1: -20, y2: 40 };
    expect(textsOverMarks([{ ...box, text: 'a' }], [{ ...rule, x1: 24.25, x2: 25.75 }])).toHaveLength(1);
    expect(textsOverMarks([{ ...box, text: 'a' }], [{ ...rule, x1: -3.75, x2: -2.25 }])).toEqual([]);
  });
});
