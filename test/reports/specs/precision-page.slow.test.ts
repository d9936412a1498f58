import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../reports/bundle.js';
import { writeFolder } from '../../../src/io/report-folder.js';
import { loadScenario } from '../../../src/scenario/resolve.js';
import { simulateToPrecision } from '../../../src/simulate/precision.js';
import { browserForFile, chartTextBoxes, open, overlaps } from '../../helpers/browser.js';
import { scratchDir } from '../../helpers/scratch.js';

// simulate() starts its workers from dist/: `npm test` builds first.
const scratch = scratchDir('sora-mc-precision-chart-');
const browser = browserForFile();
const met = await simulateToPrecision(loadScenario('mission'), { precision: '1%', maxSamples: 1e6, workers: 2 });

describe('the precision trace chart in Chromium', () => {
  it('draws without overlapping texts at 1280 px and without scrolling sideways at 390 px', async () => {
    const dir = join(scratch.dir, 'report');
    await writeFolder(dir, (await buildReport(met)).files);
    const desk = await open(browser(), join(dir, 'report.html'), { width: 1280, height: 900 });
    expect(desk.problems).toEqual([]);
    const boxes = await chartTextBoxes(desk.page);
    expect(boxes.filter((b) => b.chart === 'chart-precision').length).toBeGreaterThan(10);
    expect(overlaps(boxes)).toEqual([]);
    await desk.page.close();
    const phone = await open(browser(), join(dir, 'report.html'), { width: 390, height: 900 });
    const layout = await phone.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      drawn: document.querySelectorAll('#chart-precision[data-rendered="true"] svg').length,
    }));
    expect(layout).toEqual({ scrollWidth: 390, drawn: 1 });
    await phone.page.close();
  }, 120_000);
});
