import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelWidth, listLines } from '../../../reports/specs/text-width.js';

describe('listLines', () => {
  it('cuts a list into lines no wider than asked, every item once and in order (a lone item wider than that keeps its own line)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !t.includes(',')), { maxLength: 30 }), fc.integer({ min: 150, max: 900 }), (items, width) => {
        const lines = listLines('Left out: ', items, width);
        expect(lines.join(' ')).toBe(`Left out: ${items.join(', ')}`);
        // A line holding more than one item fits; one item alone (with the lead, on the first line) may not.
        for (const line of lines) if (line.split(', ').length > 1) expect(labelWidth(line, 12.5)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('keeps a short list on one line and breaks a long one between items', () => {
    expect(listLines('Left out: ', ['a', 'b'])).toEqual(['Left out: a, b']);
    const lines = listLines('Left out: ', Array.from({ length: 12 }, (_, i) => `Input number ${i}`), 400);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(labelWidth(line, 12.5)).toBeLessThanOrEqual(400);
    expect(lines.join(' ')).toBe(`Left out: ${Array.from({ length: 12 }, (_, i) => `Input number ${i}`).join(', ')}`);
  });
});
