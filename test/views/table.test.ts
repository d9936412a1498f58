import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROSE_FLOOR, textTable, type Column } from '../../src/views/table.js';
import { textWidth } from '../../src/views/wrap.js';

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && !/^─+$/.test(w) && w !== '·');
const widest = (text: string) => Math.max(...text.split('\n').map(textWidth));

const COLUMNS: Column[] = [{ head: 'name' }, { head: 'value', align: 'right' }, { head: 'what it is', kind: 'prose' }];
const ROWS = [
  ['alpha', '1,234', 'a sentence long enough that it has to wrap in a narrow terminal'],
  ['beta-gamma-delta', '5.6e21', 'short'],
];

describe('textTable', () => {
  it('at an unlimited width, prints each row on one line', () => {
    const lines = textTable(COLUMNS, ROWS).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^─+$/);
    expect(lines[2]).toContain(ROWS[0]![2]);
  });

  it('wraps the prose column to fit, leaving names and numbers whole', () => {
    const table = textTable(COLUMNS, ROWS, 60);
    expect(widest(table)).toBeLessThanOrEqual(60);
    for (const word of ['alpha', 'beta-gamma-delta', '1,234', '5.6e21', 'sentence', 'terminal']) expect(words(table)).toContain(word);
    expect(table.split('\n')[1]).toMatch(/^─+$/);
    expect(textWidth(table.split('\n')[1]!)).toBe(widest(table));
  });

  it('never makes a prose column narrower than its floor: too narrow a table becomes one block per row', () => {
    const width = 'beta-gamma-delta'.length + '5.6e21'.length + PROSE_FLOOR + 4 - 1;
    const blocks = textTable(COLUMNS, ROWS, width);
    expect(widest(blocks)).toBeLessThanOrEqual(width);
    expect(blocks.split('\n')).toContain('beta-gamma-delta');
    expect(blocks).toContain('value: 5.6e21');
    expect(blocks).not.toMatch(/─/);
  });

  it('aligns columns by terminal cells, a wide character taking two', () => {
    const lines = textTable([{ head: 'name' }, { head: 'n', align: 'right' }], [['日本', '1'], ['abcd', '2']]).split('\n');
    expect(lines.slice(2)).toEqual(['日本  1', 'abcd  2']);
  });

  it('names a row block by its leading unheaded cells and its first headed one', () => {
    const blocks = textTable([{ head: '' }, { head: 'scenario' }, { head: 'file' }], [['ok', 'mission', 'baselines/mission.json']], 20);
    expect(blocks.split('\n')[0]).toBe('ok  mission');
    expect(blocks).toContain('file: baselines/mission.json');
  });

  // Property: for any table of words and numbers and any width a number fits in, no line is wider
  // than the width, every number and every word of a text column is printed whole, and no letter
  // of the prose is lost (its words may be broken across lines).
  it('fits any width without cutting a number or a word of a text column', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const number = fc.double({ min: -1e12, max: 1e12, noNaN: true }).map((x) => x.toPrecision(4));
    const row = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), number, fc.array(word, { minLength: 1, maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.integer({ min: 24, max: 140 }), (rows, width) => {
        const cells = rows.map(([name, n, prose]) => [name.join(' '), n, prose.join(' ')]);
        const table = textTable(COLUMNS, cells, width);
        expect(widest(table)).toBeLessThanOrEqual(width);
        const printed = words(table);
        for (const [name, n, prose] of cells) {
          for (const w of name!.split(' ')) expect(printed).toContain(w);
          expect(printed).toContain(n);
        }
        const letters = (text: string) => [...text.replace(/[^a-z]/g, '')].sort().join('');
        const given = letters(cells.flat().join(''));
        const shown = letters(table);
        // Every letter given is printed (heads and block labels add letters of their own).
        let at = 0;
        for (const c of given) {
          at = shown.indexOf(c, at);
          expect(at).toBeGreaterThanOrEqual(0);
          at += 1;
        }
      }),
      { seed: 23, numRuns: 200 },
    );
  });
});
