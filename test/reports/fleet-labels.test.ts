import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../reports/html/tables.js';
import { comparisonTable } from '../../reports/html/compare.js';
import { compareMarkdown, reportMarkdown } from '../../reports/markdown.js';
import { comparisonSpec } from '../../reports/specs/comparison.js';
import { distributionSpec } from '../../reports/specs/distribution.js';
import { tornadoSpec } from '../../reports/specs/tornado.js';
import type { Result } from '../../src/result/types.js';
import { runText } from '../../src/views/run.js';
import { simulated } from './fixtures.js';

// mission leaves peakToAverage, servingUtilization and candidatesPerVideo at 1, so its "peak" fleet is
// the average fleet: the headline says so, and the tables and chart axes beside it must not call it a
// peak (next to the article's ~720k peak). With a peak factor above 1 it is the peak fleet again.
const mission = await simulated('mission');

function withPeak(result: Result): Result {
  const peaked = structuredClone(result);
  peaked.scenario.inputs.peakToAverage = { ...peaked.scenario.inputs.peakToAverage, spec: { dist: 'fixed', value: 2 } };
  return peaked;
}

/** Every text of a Vega-Lite spec: titles, axis titles, tooltips. */
const texts = (spec: unknown) => JSON.stringify(spec);

describe('the inference fleet is labelled as what it is', () => {
  it('average when every peak factor is 1: run table, Markdown and HTML tables, chart axes and titles', () => {
    expect(runText(mission)).toMatch(/Inference fleet \(average\)\s+\d/);
    expect(runText(mission)).not.toContain('(peak)');
    expect(reportMarkdown(mission)).toContain('| Inference fleet (average) |');
    expect(reportMarkdown(mission)).not.toContain('(peak)');
    expect(String(summaryTable(mission))).toContain('<td>Inference fleet (average)</td>');
    expect(String(summaryTable(mission))).not.toContain('(peak)');
    for (const spec of [distributionSpec(mission, 'inferenceH100sPeak'), tornadoSpec(mission, 'inferenceH100sPeak')]) {
      expect(texts(spec)).toContain('Inference fleet (average)');
      expect(texts(spec)).not.toMatch(/\(peak\)|the peak inference fleet/);
    }
  });

  it('peak when a peak factor is above 1', () => {
    const peaked = withPeak(mission);
    expect(runText(peaked)).toMatch(/Inference fleet \(peak\)\s+\d/);
    expect(reportMarkdown(peaked)).toContain('| Inference fleet (peak) |');
    expect(String(summaryTable(peaked))).toContain('<td>Inference fleet (peak)</td>');
    expect(texts(tornadoSpec(peaked, 'inferenceH100sPeak'))).toContain('the peak inference fleet');
  });

  it('in a comparison: average only when it is the average fleet in every scenario compared', () => {
    const article = structuredClone(mission);
    article.scenario.name = 'other';
    const both = [mission, article];
    expect(compareMarkdown(both)).toContain('| Inference fleet (average) (H100s) |');
    expect(String(comparisonTable(both))).toContain('<td>Inference fleet (average)<br>');
    expect(texts(comparisonSpec(both, 'inferenceH100sPeak'))).toContain('"text":"Average inference fleet: median');
    const mixed = [mission, withPeak(mission)];
    expect(compareMarkdown(mixed)).toContain('| Inference fleet (peak) (H100s) |');
    expect(texts(comparisonSpec(mixed, 'inferenceH100sPeak'))).toContain('"text":"Peak inference fleet: median');
  });
});
