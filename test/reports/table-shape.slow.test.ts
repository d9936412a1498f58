/**
 * Every table of every report and of a comparison has as many cells in each row as in its header:
 * a missing cell shifts every value under the wrong heading (a source under "P90").
 */
import { describe, expect, it } from 'vitest';
import { comparisonCharts } from '../../reports/charts.js';
import { loadEmbedAssets } from '../../reports/html/assets.js';
import { compareHtml } from '../../reports/html/compare.js';
import { reportHtml } from '../../reports/html/report.js';
import { ragged, tableShapes } from '../helpers/html-tables.js';
import { chartsOf, simulated } from './fixtures.js';

const assets = loadEmbedAssets();
const SCENARIOS = ['article', 'mission', 'evidence-2025', 'calibrated'];

describe('every table row is as wide as its header', () => {
  for (const name of SCENARIOS) {
    it(`in the ${name} report`, async () => {
      const result = await simulated(name);
      const doc = reportHtml({ result, charts: chartsOf(result), assets, files: [] });
      expect(tableShapes(doc).length).toBeGreaterThan(2);
      expect(ragged(doc)).toEqual([]);
    }, 60_000);
  }

  it('in a comparison', async () => {
    const results = await Promise.all(SCENARIOS.map(simulated));
    const doc = compareHtml({ results, charts: comparisonCharts(results), assets, files: [] });
    expect(tableShapes(doc).length).toBeGreaterThan(2);
    expect(ragged(doc)).toEqual([]);
  }, 60_000);

  it('the check finds a short row', () => {
    expect(ragged('<table class="t"><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>')).toEqual(['t: row 1 has 1 cells, its header 2']);
  });
});
