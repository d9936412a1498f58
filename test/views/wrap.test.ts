import { describe, expect, it } from 'vitest';
import { glue, longestWord, textWidth, wrapCell, wrapGlued, wrapLines, wrapParagraph } from '../../src/views/wrap.js';

describe('widths', () => {
  it('counts terminal cells: a CJK character or an emoji takes two', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('✅ ok')).toBe(5);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('1e21–1.2e21 (0, ∞) ×')).toBe(20);
    expect(textWidth('a\nlonger')).toBe(6);
    expect(longestWord('a bb\nccc dd')).toBe(3);
  });
});

describe('wrapParagraph', () => {
  it('wraps at spaces with an indent and a hanging indent', () => {
    const text = 'one two three four five six seven eight nine ten';
    const wrapped = wrapParagraph(text, 20, '* ', '  ');
    expect(wrapped.split('\n').every((line) => line.length <= 20)).toBe(true);
    expect(wrapped.startsWith('* one')).toBe(true);
    expect(wrapped.split('\n').slice(1).every((line) => line.startsWith('  ') && !line.startsWith('   '))).toBe(true);
    expect(wrapped.replace(/\n\s*/g, ' ').replace(/^\* /, '')).toBe(text);
  });

  it('never splits a sora-mc command across lines, so it can be copied', () => {
    const text = 'if the change is intended: sora-mc baseline --update --reason "..." --out baselines/';
    const wrapped = wrapParagraph(text, 40);
    expect(wrapped.split('\n')).toContain('sora-mc baseline --update --reason "..." --out baselines/');
    const parenthesised = wrapParagraph('rewrite it with: sora-mc baseline --update --reason "..." (with --seed or --samples)', 30);
    expect(parenthesised.split('\n')).toContain('sora-mc baseline --update --reason "..."');
  });

  it('ends a command at the end of its sentence: the next sentence wraps to the width', () => {
    const text = 'The ranges were fitted from these figures by sora-mc calibrate. Held out: each model predicted from ranges refitted without any of its figures.';
    const lines = wrapParagraph(text, 60).split('\n');
    expect(lines.filter((line) => line.length > 60)).toEqual([]);
    expect(lines.some((line) => line.includes('sora-mc calibrate.'))).toBe(true);
    // A dot inside a command (a file name, a number) is not a sentence's end, nor is ". " inside quotes.
    const quoted = wrapParagraph("if intended, repeat with: sora-mc check baselines/mission.json --seed 'take 2. final'", 40).split('\n');
    expect(quoted).toContain("sora-mc check baselines/mission.json --seed 'take 2. final'");
    expect(wrapParagraph('try sora-mc run my.scenario.yaml --samples 1.5e6 now', 20).split('\n')).toContain('sora-mc run my.scenario.yaml --samples 1.5e6 now');
  });

  it('leaves text as it is at an unlimited width', () => {
    expect(wrapParagraph('a  b', Infinity, '> ')).toBe('> a  b');
  });
});

describe('wrapGlued', () => {
  it('keeps glued runs whole and turns the glue back into spaces', () => {
    const text = `${glue('unit: FLOP')} · ${glue('article: 5.24e11')} · ${glue('domain: (0, ∞)')}`;
    const lines = wrapGlued(text, 24, '  ', '    ').split('\n');
    expect(lines).toEqual(['  unit: FLOP ·', '    article: 5.24e11 ·', '    domain: (0, ∞)']);
  });
});

describe('wrapCell', () => {
  it('wraps at spaces, and breaks a long word only when told to', () => {
    expect(wrapCell('a verylongword b', 6)).toBe('a\nverylongword\nb');
    expect(wrapCell('a verylongword b', 6, true).split('\n').every((line) => line.length <= 6)).toBe(true);
    expect(wrapCell('short', 80)).toBe('short');
  });
});

describe('wrapLines', () => {
  it('wraps each line on its own, keeping its indent', () => {
    const wrapped = wrapLines('title\n  an indented line that is long enough to wrap', 24);
    expect(wrapped.split('\n')[0]).toBe('title');
    expect(wrapped.split('\n').slice(1).every((line) => line.startsWith('  ') && line.length <= 24)).toBe(true);
  });
});
