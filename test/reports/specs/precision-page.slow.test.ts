import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../reports/bundle.js';
import { writeFolder } from '../../../src/io/report-folder.js';
import { loadScenario } from '../../../src/scenario/resolve.js';
import { simulateToPrecision } from '../../../src/simulate/precision.js';
import { browserForFile, chartMarkBoxes, chartTextBoxes, chartTextSizes, open, overlaps, textsOverMarks } from '../../helpers/browser.js';
import { scratchDir } from '../../helpers/scratch.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir('sora-mc-precision-chart-');
const browser = browserForFile();
const met = await simulateToPrecision(loadScenario('mission'), { precision: '1%', maxSamples: 1e6, workers: 2 });

describe('the precision trace chart in Chromium', () => {
  it('draws without overlapping texts or texts over marks at 1280 px, and without scrolling sideways or small text at 390 px', async () => {
    const dir = join(scratch.dir, 'report');
    await writeFolder(dir, (await buildReport(met)).files);
    const desk = await open(browser(), join(dir, 'report.html'), { width: 1280, height: 900 });
    expect(desk.problems).toEqual([]);
    const boxes = await chartTextBoxes(desk.page);
    // Its title and subtitle are the page's (HTML); the chart draws its axes, the target's label and the last batch's.
    expect(boxes.filter((b) => b.chart === 'chart-precision').length).toBeGreaterThan(6);
    expect(overlaps(boxes)).toEqual([]);
    expect(textsOverMarks(boxes.filter((b) => b.chart === 'chart-precision'), await chartMarkBoxes(desk.page))).toEqual([]);
    await desk.page.close();
    const phone = await open(browser(), join(dir, 'report.html'), { width: 390, height: 900 });
    const layout = await phone.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      drawn: document.querySelectorAll('#chart-precision[data-rendered="true"] svg').length,
    }));
    expect(layout).toEqual({ scrollWidth: 390, drawn: 1 });
    expect((await chartTextSizes(phone.page)).filter((t) => t.chart === 'chart-precision' && t.size < 11)).toEqual([]);
    await phone.page.close();
  }, 120_000);
});
