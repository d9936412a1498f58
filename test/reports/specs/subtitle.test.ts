import { describe, expect, it } from 'vitest';
import { rangeLine, span } from '../../../reports/specs/subtitle.js';

describe('rangeLine', () => {
  it('reads the P10–P90 range and the median', () => {
    expect(rangeLine({ p10: 10_640, p50: 20_840, p90: 41_300 }, 'H100s')).toBe('P10–P90: 10,640–41,300 H100s · median 20,840');
  });

  it('says when the three are equal', () => {
    expect(rangeLine({ p10: 5.04, p50: 5.04, p90: 5.04 }, 'min')).toBe('P10 = P50 = P90 = 5.04 min');
  });
});

describe('span', () => {
  it('writes one value when both ends read the same', () => {
    const f = (x: number) => String(Math.round(x));
    expect(span(1, 2, f)).toBe('1–2');
    expect(span(1.2, 1.4, f)).toBe('1');
  });
});
