/**
 * No two texts of a chart overlap: every chart of the article, mission, evidence-2025 and calibrated
 * reports and of a comparison, drawn by vega-embed in headless Chromium (real font metrics), at 1280 px.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { chartTextBoxes, browserForFile, open, overlaps } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const scratch = scratchDir('sora-mc-collisions-');
const browser = browserForFile();

async function textOverlaps(folder: string, files: Map<string, string | Uint8Array>): Promise<{ found: string[]; texts: number }> {
  await writeFolder(join(scratch.dir, folder), files);
  const { page } = await open(browser(), join(scratch.dir, folder, 'report.html'), { width: 1280, height: 1000 });
  const boxes = await chartTextBoxes(page);
  await page.close();
  return { found: overlaps(boxes), texts: boxes.length };
}

describe('chart texts do not overlap', () => {
  for (const name of ['article', 'mission', 'evidence-2025', 'calibrated']) {
    it(`in every chart of the ${name} report`, async () => {
      const { files } = await buildReport(await simulated(name));
      const { found, texts } = await textOverlaps(name, files);
      expect(texts).toBeGreaterThan(100);
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('in every chart of a comparison', async () => {
    const results = await Promise.all(['article', 'mission', 'evidence-2025', 'calibrated'].map(simulated));
    const { files } = await buildComparison(results);
    const { found } = await textOverlaps('compare', files);
    expect(found).toEqual([]);
  }, 120_000);

  it('the check finds an overlap when there is one', () => {
    const box = { chart: 'c', x1: 0, y1: 0, x2: 50, y2: 14 };
    expect(overlaps([{ ...box, text: 'a' }, { ...box, text: 'b', x1: 40, x2: 90 }])).toHaveLength(1);
    expect(overlaps([{ ...box, text: 'a' }, { ...box, text: 'b', y1: 13, y2: 27 }])).toEqual([]);
    expect(overlaps([{ ...box, text: 'a' }, { ...box, chart: 'd', text: 'b' }])).toEqual([]);
  });
});
