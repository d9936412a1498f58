import { describe, expect, it } from 'vitest';
import { linesWiderThan, runCli } from '../helpers/cli.js';

// Tables fit the terminal: COLUMNS (or the terminal's width; 100 when stdout is not a terminal);
// `--wide` lifts the limit. These commands sample nothing; the sampling ones are in
// table-width.slow.test.ts, with the pseudo-terminal runs.
const COMMANDS = [['inputs'], ['scenarios'], ['reproduce']];

describe.each(COMMANDS)('sora-mc %s', (command) => {
  it.each([60, 80, 100])('prints no line wider than COLUMNS=%i', (columns) => {
    const { status, stdout } = runCli([command], { COLUMNS: String(columns) });
    expect(status).toBe(0);
    expect(linesWiderThan(stdout, columns)).toEqual([]);
  });

  it('prints no line over 100 characters when stdout is not a terminal and COLUMNS is unset', () => {
    const { stdout } = runCli([command]);
    expect(linesWiderThan(stdout, 100)).toEqual([]);
  });
});

describe('--wide', () => {
  it('lifts the limit: the widest catalogue line is longer than 100, and every row is one line', () => {
    const { status, stdout } = runCli(['inputs', '--wide'], { COLUMNS: '80' });
    expect(status).toBe(0);
    expect(linesWiderThan(stdout, 100).length).toBeGreaterThan(0);
    const narrow = runCli(['inputs'], { COLUMNS: '80' }).stdout;
    expect(stdout.split('\n').length).toBeLessThan(narrow.split('\n').length);
  });
});

describe('a wrapped table keeps every word and number', () => {
  it('inputs at 60 columns holds each input key and its article value whole', () => {
    const { stdout } = runCli(['inputs'], { COLUMNS: '60' });
    const wide = runCli(['inputs', '--wide']).stdout;
    const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && !/^─+$/.test(w));
    // Wrapping moves words to other lines but never cuts or drops one (long words may be broken only in prose columns).
    for (const key of ['soraParams', 'servingGpuEfficiency', 'youtubeMinutesPerDay', '4,211']) {
      if (wide.includes(key)) expect(words(stdout)).toContain(key);
    }
    expect(stdout).not.toContain('…');
  });
});
