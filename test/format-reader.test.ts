// The one number style of reader-facing text (src/format.ts: readerNumber, readerRange, timesTenTo).
import { describe, expect, it } from 'vitest';
import { readerNumber, readerRange, timesTenTo } from '../src/format.js';

describe('reader numbers', () => {
  it('writes counts under 100,000 whole, so the article’s printed figures show as printed', () => {
    expect(readerNumber(4211.3, 'H100s')).toBe('4,211');
    expect(readerNumber(10528.3, 'H100s')).toBe('10,528');
    expect(readerNumber(20834.4, 'H100s')).toBe('20,834');
    expect(readerNumber(448_712, 'H100s')).toBe('449k');
  });

  it('writes FLOPs as ×10ⁿ, never e-notation', () => {
    expect(timesTenTo(8.3213e17)).toBe('8.32×10¹⁷');
    expect(timesTenTo(2.5e-5, 2)).toBe('2.5×10⁻⁵');
    expect(readerNumber(1.0797e25, 'FLOP')).toBe('1.08×10²⁵');
    expect(readerNumber(1.0797e25, 'FLOP')).not.toMatch(/e/);
  });

  it('writes a range in one notation', () => {
    expect(readerRange(78_300, 488_000, 'H100s')).toBe('78.3k–488k');
    expect(readerRange(4211.3, 10528.3, 'H100s')).toBe('4,211–10,528');
  });

  it('gives an interval enough digits to show its width', () => {
    expect(readerRange(26.71e6, 26.74e6, 'min')).toBe('26.71M–26.74M');
    expect(readerRange(1.441, 1.452, 'USD/min')).toBe('$1.44–$1.45');
    expect(readerRange(5.04, 5.04, 'min')).toBe('5.04');
  });
});

describe('reader ranges of dollars and mixed sizes', () => {
  it('writes large dollar ranges with SI suffixes on both ends, and a whole number beside a suffixed one with k', () => {
    expect(readerRange(563_000, 10.9e6, 'USD')).toBe('$563k–$10.9M');
    expect(readerRange(43_600, 1.04e6, 'min')).toBe('43.6k–1.04M');
  });
});

describe('factor', () => {
  it('never writes a factor that is not 1 as ×1', async () => {
    const { factor } = await import('../src/format.js');
    expect([factor(1), factor(1.75), factor(0.8553), factor(1.0036), factor(0.99996)]).toEqual(['×1', '×1.75', '×0.855', '×1.004', '×0.99996']);
  });
});
