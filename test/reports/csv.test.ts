import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, percentileName, percentilesCsv } from '../../reports/csv.js';
import { OUTPUT_KEYS } from '../../src/model/outputs.js';
import { hostile, simulated } from './fixtures.js';

const mission = await simulated('mission');

describe('percentiles CSV', () => {
  it('has a row per output and statistic, at full precision', () => {
    const lines = percentilesCsv([mission]).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    const perOutput = mission.outputs.trainH100s.percentiles.length + 4;
    expect(lines).toHaveLength(1 + OUTPUT_KEYS.length * perOutput);
    const p10 = mission.outputs.trainH100s.percentiles.find((q) => q.p === 0.1)!;
    expect(lines).toContain(`mission,trainH100s,Training H100s,H100s,P10,${p10.value},${p10.lower},${p10.upper},0.95`);
  });

  it('quotes fields with commas or quotes and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-1.5)).toBe('-1.5');
  });

  it('keeps a hostile scenario name in one field', () => {
    const csv = percentilesCsv([hostile(mission)]);
    expect(csv.split('\r\n')[1]!.startsWith('<script>alert(1)</script>,')).toBe(true);
  });

  it('names percentiles P1 … P99', () => {
    expect(percentileName(0.1)).toBe('P10');
    expect(percentileName(0.025)).toBe('P2.5');
  });
});
