/**
 * A scenario whose name, description and sources hold long unbroken words
 * (a URL, a hash, a run of letters), right-to-left text, emoji and markup. The description, in the
 * page's lead paragraph, did not wrap: the whole page scrolled sideways at 390 px (2,037 px wide)
 * and at 1,280 px. Nothing from the file may run, and every chart must still be drawn.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildComparison, buildReport } from '../../reports/bundle.js';
import { writeFolder } from '../../src/io/report-folder.js';
import type { Result } from '../../src/result/types.js';
import { browserForFile, open } from '../helpers/browser.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const scratch = scratchDir('sora-mc-long-words-');
const browser = browserForFile();

const WORD = 'W'.repeat(60);
const NAME = `<img src=x onerror=alert(1)> שלום עולם مرحبا 🎉🎉 ${WORD}`;
const DESCRIPTION = `</script><script>alert(2)</script> <svg onload=alert(3)> שלום עליכם مرحبا بالعالم 🎉🎉🎉 https://example.org/${'a1b2c3'.repeat(50)} ${WORD}${WORD}`;
const SOURCE = `<script>alert(4)</script> javascript:alert(5) https://example.org/${'x'.repeat(300)} مصدر`;

function longWords(result: Result): Result {
  const copy = structuredClone(result);
  copy.scenario.name = NAME;
  copy.scenario.description = DESCRIPTION;
  copy.scenario.inputs.soraParams.source = SOURCE;
  copy.scenario.inputs.trainMfu.source = SOURCE;
  return copy;
}

describe('long words, RTL, emoji and markup in a scenario\'s texts', () => {
  for (const kind of ['report', 'compare']) {
    it(`${kind}: nothing runs, no horizontal page scroll at 390 or 1,280 px, every chart drawn`, async () => {
      const result = longWords(await simulated('mission'));
      const dir = join(scratch.dir, kind);
      const built = kind === 'report' ? await buildReport(result) : await buildComparison([result, await simulated('article')]);
      await writeFolder(dir, built.files);
      for (const width of [390, 1280]) {
        const { page, problems, dialogs } = await open(browser(), join(dir, 'report.html'), { width, height: 900 });
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          charts: document.querySelectorAll('.chart').length,
          drawn: document.querySelectorAll('.chart[data-rendered="true"] svg').length,
          injected: document.querySelectorAll('img, svg[onload], [onerror]').length,
          lead: document.body.textContent?.includes('alert(2)') ?? false,
        }));
        expect(problems, `${kind} at ${width}`).toEqual([]);
        expect(dialogs, `${kind} at ${width}`).toEqual([]);
        expect(layout.injected, 'an <img> or <svg onload> from the file became an element').toBe(0);
        expect(layout.lead, 'the description is shown as text').toBe(true);
        expect(layout.drawn, `${kind} at ${width}`).toBe(layout.charts);
        expect(layout.scrollWidth, `${kind} at ${width}`).toBeLessThanOrEqual(width);
        await page.close();
      }
    }, 120_000);
  }
});
