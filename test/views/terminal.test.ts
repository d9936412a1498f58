import { describe, expect, it } from 'vitest';
import { isInteractive, layoutFor, lineWidth, PIPE_WIDTH, useColor } from '../../src/views/terminal.js';

const tty = { isTTY: true, columns: 72 };
const pipe = { isTTY: false };

describe('lineWidth', () => {
  it('is unlimited with --wide, whatever else says', () => {
    expect(lineWidth(tty, { COLUMNS: '60' }, true)).toBe(Infinity);
  });

  it('takes COLUMNS first (as ls does), then the terminal, then 100', () => {
    expect(lineWidth(tty, { COLUMNS: '60' })).toBe(60);
    expect(lineWidth(pipe, { COLUMNS: '60' })).toBe(60);
    expect(lineWidth(tty, {})).toBe(72);
    expect(lineWidth(pipe, {})).toBe(PIPE_WIDTH);
  });

  it('ignores a COLUMNS that is not a positive whole number', () => {
    for (const columns of ['', '0', '-5', 'wide', '80.5']) expect(lineWidth(pipe, { COLUMNS: columns })).toBe(PIPE_WIDTH);
  });
});

describe('colour', () => {
  it('only on an interactive terminal', () => {
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(isInteractive(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('never with NO_COLOR (any non-empty value) or --no-color; --color asks for it anywhere', () => {
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor(tty, {}, false)).toBe(false);
    expect(useColor(pipe, { NO_COLOR: '1' }, true)).toBe(true);
  });

  it('layoutFor carries both rules', () => {
    expect(layoutFor(tty, { NO_COLOR: 'yes' }, { wide: false })).toEqual({ width: 72, color: false });
    expect(layoutFor(pipe, {}, { wide: true, color: true })).toEqual({ width: Infinity, color: true });
  });
});
