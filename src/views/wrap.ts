/**
 * Text to a width: display widths in terminal cells and greedy word wrapping at spaces. Words are
 * broken only where a caller allows it, and a `sora-mc …` command inside a sentence is never split
 * across lines, so it can be copied whole.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Characters one cell wide each (ASCII, Latin, Greek, dashes and quotes, super- and subscripts,
 * currency, letterlike and math symbols, arrows, box drawing; East Asian "ambiguous" ones narrow,
 * as terminals outside East Asian locales draw them): a text of only these is as wide as it is long.
 */
const NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u23ff\u2500-\u25ff]*$/;
/** Characters that take no cell: combining marks, format characters (joiners, variation selectors), controls. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

/**
 * The cells `text` (one line) takes: per character, 0 for a mark or format character, else its
 * East Asian Width (get-east-asian-width: 2 for wide and fullwidth characters, emoji drawn as emoji
 * among them; 1 otherwise, ambiguous ones narrow). Clusters are not segmented: a joined emoji
 * sequence counts each of its emoji, but sora-mc prints joiners escaped (io/printable.ts), so none
 * reaches a terminal.
 */
export function cells(text: string): number {
  if (NARROW.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += eastAsianWidth(char.codePointAt(0)!);
  }
  return width;
}

/** The cells `text` takes on its widest line. */
export function textWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(cells));
}

/** The cells of the widest word of `text` (words are split at spaces and line ends only). */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]+/).map(cells));
}

/** A space that wrapping must not break at: write it with glue(), wrapping turns it back into a space. */
const GLUE = '\u0000';

/**
 * `text` with its spaces made unbreakable for wrapGlued. The glue is NUL, which no text sora-mc
 * prints holds (strings from files with control characters are refused, paths are escaped).
 */
export function glue(text: string): string {
  return text.replace(/ /g, GLUE);
}

/** `word` cut into pieces of at most `room` cells (whole characters). */
function pieces(word: string, room: number): string[] {
  const out: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of word) {
    const width = cells(char);
    if (piece !== '' && used + width > room) {
      out.push(piece);
      [piece, used] = ['', 0];
    }
    piece += char;
    used += width;
  }
  return [...out, piece];
}

/**
 * One paragraph (no line ends) wrapped greedily at its breakable spaces: the first line starts with
 * `indent`, the others with `hanging`. A word longer than the room is broken when `breakWords`,
 * else it overhangs on a line of its own. Runs of spaces between words become one.
 */
function wrapOne(text: string, width: number, indent: string, hanging: string, breakWords: boolean): string[] {
  const plain = (line: string) => line.replaceAll(GLUE, ' ');
  if (!Number.isFinite(width) || cells(indent) + cells(plain(text)) <= width) return [`${indent}${plain(text)}`];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = () => Math.max(1, width - cells(lines.length === 0 ? indent : hanging));
  const push = () => {
    lines.push(line);
    [line, used] = ['', 0];
  };
  for (const glued of text.split(' ')) {
    if (glued === '') continue;
    const word = plain(glued);
    const size = cells(word);
    if (line !== '' && used + 1 + size > room()) push();
    if (breakWords && size > room()) {
      for (const piece of pieces(word, room())) {
        if (line !== '') push();
        [line, used] = [piece, cells(piece)];
      }
      continue;
    }
    [line, used] = line === '' ? [word, size] : [`${line} ${word}`, used + 1 + size];
  }
  lines.push(line);
  return lines.map((l, i) => `${i === 0 ? indent : hanging}${l}`);
}

/**
 * A paragraph wrapped to `width` cells at its breakable spaces: the first line starts with
 * `indent`, the others with `hanging`; a glued run longer than the room overhangs, unbroken.
 */
export function wrapGlued(text: string, width: number, indent = '', hanging = indent): string {
  return wrapOne(text, width, indent, hanging, false).join('\n');
}

/**
 * `text` wrapped to `width` cells at spaces, each of its lines on its own; `breakWords` also breaks
 * a word longer than the width (else it overhangs on a line of its own). Infinity leaves the text
 * as it is.
 */
export function wrapCell(text: string, width: number, breakWords = false): string {
  if (!Number.isFinite(width) || textWidth(text) <= width) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapOne(line, width, '', '', breakWords))
    .join('\n');
}

/**
 * A command as prose cites it: from `sora-mc ` to the end of the text, or to a parenthesis, a
 * semicolon, a closing backtick or the end of its sentence (a full stop before a space) that follows
 * it; a quoted word (a seed or file name, as shellWord writes it) is taken whole, whatever it holds.
 */
const COMMAND = /sora-mc (?:'[^']*'|"[^"]*"|[^(;`'"])*?(?= \(|[;`]|\. |$)/g;

/**
 * A paragraph wrapped to `width` cells: the first line starts with `indent`, the others with
 * `hanging`. Commands (`sora-mc …`) are kept whole on one line, so a line holding a command
 * longer than the width overhangs rather than break it.
 */
export function wrapParagraph(text: string, width: number, indent = '', hanging = indent): string {
  return wrapGlued(text.replace(COMMAND, glue), width, indent, hanging);
}

/** Each line of `text` (lines as given) wrapped as a paragraph, continuation lines indented two more. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      return wrapParagraph(line.slice(indent.length), width, indent, `${indent}  `);
    })
    .join('\n');
}
