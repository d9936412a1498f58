/**
 * Faults a reader sees in the report at once: placeholder zeros shown as values, a crossover in
 * fractions of a day, two columns both called "article", the average fleet called "peak", sliders
 * that move nothing, chart titles that ask instead of saying what the chart shows.
 */
import { describe, expect, it } from 'vitest';
import { comparisonCharts, specTitle } from '../../reports/charts.js';
import { crossoverDaysWords } from '../../reports/headline.js';
import { comparisonTable } from '../../reports/html/compare.js';
import { assumptionsTable, summaryTable } from '../../reports/html/tables.js';
import { exceedanceSpec } from '../../reports/specs/exceedance.js';
import { whatIfRows, whatIfSpec } from '../../reports/specs/what-if.js';
import { chartsOf, simulated } from './fixtures.js';
import { backtest, summaryOf } from '../../src/calibration/backtest.js';
import { shippedCalibration } from '../../src/calibration/read.js';

const mission = await simulated('mission');
const calibrated = await simulated('calibrated');
const article = await simulated('article');

/** The assumptions row of `key`, as HTML. */
function assumptionRow(doc: string, key: string): string {
  return new RegExp(`<tr data-input="${key}">[\\s\\S]*?</tr>`).exec(doc)?.[0] ?? '';
}

describe('placeholder inputs', () => {
  it('a 0 that means "as at inference" or "the GPU peak" is written in words, not as a value', () => {
    const doc = String(assumptionsTable(mission));
    expect(assumptionRow(doc, 'trainHeight')).toContain('as at inference');
    expect(assumptionRow(doc, 'trainVideoSeconds')).toContain('as at inference');
    expect(assumptionRow(doc, 'inferPeakFlops')).toContain('GPU peak');
    for (const key of ['trainHeight', 'trainWidth', 'trainVideoSeconds', 'inferPeakFlops', 'dModel']) {
      expect(assumptionRow(doc, key), key).not.toMatch(/>fixed 0[^.,\d]|>0<|>0 [a-zA-Z/]+</);
    }
  });
});

describe('the crossover in uploads', () => {
  it('reads in minutes or hours when it is under a day, never as 0.00… days', () => {
    const words = crossoverDaysWords(calibrated);
    expect(words).not.toMatch(/\b0\.0/);
    expect(words).toMatch(/minutes|hours/);
    const row = /<tr><td>Crossover in AI uploads[\s\S]*?<\/tr>/.exec(String(summaryTable(calibrated)))?.[0] ?? '';
    expect(row).toMatch(/minutes|hours/);
    expect(row).not.toMatch(/>0\.0\d/);
  });
});

describe('the comparison table', () => {
  it('has no two columns of the same name (a scenario called article beside the article’s figures)', () => {
    const header = /<thead>([\s\S]*?)<\/thead>/.exec(String(comparisonTable([article, mission])))![1]!;
    const names = [...header.matchAll(/<th[^>]*>([^<]*)</g)].map((m) => m[1]!.trim().toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the average fleet', () => {
  it('is not called the fleet "at peak" in the exceedance chart or the what-if bands', () => {
    expect(JSON.stringify(exceedanceSpec(mission))).not.toMatch(/at peak/);
    expect(whatIfRows(mission).map((r) => r.row)).not.toContain('Peak inference fleet');
  });
});

describe('what-if sliders', () => {
  it('draws no slider that moves none of the bands, and its caption counts the bands there are', () => {
    const rows = whatIfRows(calibrated);
    const params = (whatIfSpec(calibrated).params ?? []).map((p) => p.name);
    if (rows.every((r) => r.usesShare === 0)) expect(params).not.toContain('share');
    const caption = chartsOf(calibrated).find((c) => c.id === 'what-if')!.caption;
    expect(caption).not.toMatch(/these four bands/i);
  });
});

describe('chart titles', () => {
  it('state a finding instead of asking a question', () => {
    for (const result of [mission, calibrated]) {
      for (const chart of chartsOf(result)) expect(specTitle(chart.spec), chart.id).not.toMatch(/\?$/);
    }
    for (const chart of comparisonCharts([mission, calibrated])) expect(specTitle(chart.spec), chart.id).not.toMatch(/\?$/);
  });
});

describe('the comparison’s fit row', () => {
  it('gives held-out coverage where a scenario’s ranges are fitted, says "not fitted" where not, and marks the best estimate', () => {
    const table = String(comparisonTable([mission, calibrated]));
    const held = summaryOf(backtest(calibrated.scenario, shippedCalibration()), 'transformer', 'inference', 'held-out')!;
    const row = /<tr class="fit">[\s\S]*?<\/tr>/.exec(table)![0];
    expect(row).toContain(`held out: ${held.inside} of ${held.count} inside P5–P95`);
    expect(row).toContain('not fitted');
    expect(/<thead>[\s\S]*?<\/thead>/.exec(table)![0]).toMatch(/calibrated<br><small>best estimate<\/small>/);
  });
});
