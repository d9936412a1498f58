// Two compared scenarios that share a name are told apart the same way in every file of the
// comparison: the CSV's scenario column, the Markdown, the HTML and the charts all say "(1)" and "(2)"
// (the CSV labelled every row of both with the bare name).
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../reports/bundle.js';
import { percentilesCsv } from '../../reports/csv.js';
import { compareMarkdown } from '../../reports/markdown.js';
import { simulated } from './fixtures.js';

const mission = await simulated('mission');
const evidence = await simulated('evidence-2025');
const twin = { ...evidence, scenario: { ...evidence.scenario, name: 'mission' } };

describe('compared scenarios that share a name', () => {
  it('the CSV\'s scenario column says which is which, as the Markdown does', () => {
    const rows = percentilesCsv([mission, twin]).trimEnd().split('\r\n').slice(1);
    const scenarios = [...new Set(rows.map((row) => row.split(',')[0]))];
    expect(scenarios).toEqual(['mission (1)', 'mission (2)']);
    const md = compareMarkdown([mission, twin]);
    expect(md).toContain('| Output | mission (1) | mission (2) | Article’s figure |');
    // The two rows of one statistic differ: the names point at different numbers.
    const p50 = rows.filter((row) => row.includes(',trainH100s,') && row.includes(',P50,'));
    expect(p50).toHaveLength(2);
    expect(p50[0]!.split(',')[5]).not.toBe(p50[1]!.split(',')[5]);
  });

  it('the comparison folder\'s page and its file list use the same names', { timeout: 60_000 }, async () => {
    const bundle = await buildComparison([mission, twin]);
    const html = bundle.files.get('report.html') as string;
    expect(html.includes('the full Result of mission (1)')).toBe(true);
    expect(html.includes('the full Result of mission (2)')).toBe(true);
    expect(html.includes('the full Result of mission<')).toBe(false);
  });
});
