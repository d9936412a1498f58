/**
 * Text to a width: display widths in terminal cells (string-width: a CJK character or an emoji
 * takes two) and word wrapping (wrap-ansi). Words are broken only where a caller allows it, and a
 * `sora-mc …` command inside a sentence is never split across lines, so it can be copied whole.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The cells `text` takes on its widest line. */
export function textWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));
}

/** The cells of the widest word of `text` (words are split at spaces and line ends only). */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]+/).map((word) => stringWidth(word)));
}

/**
 * `text` wrapped to `width` cells at spaces; `breakWords` also breaks a word longer than the
 * width (else it overhangs on a line of its own). Infinity leaves the text as it is.
 */
export function wrapCell(text: string, width: number, breakWords = false): string {
  if (!Number.isFinite(width) || textWidth(text) <= width) return text;
  return wrapAnsi(text, Math.max(1, width), { hard: breakWords, trim: true, wordWrap: true });
}

/** A space that wrapping must not break at: write it with glue(), wrapGlued() turns it back into a space. */
const GLUE = '\u0000';

/**
 * `text` with its spaces made unbreakable for wrapGlued. The glue is NUL, which no text sora-mc
 * prints holds (strings from files with control characters are refused, paths are escaped).
 */
export function glue(text: string): string {
  return text.replace(/ /g, GLUE);
}

/**
 * A paragraph wrapped to `width` cells at its breakable spaces: the first line starts with
 * `indent`, the others with `hanging`; a glued run longer than the room overhangs, unbroken.
 */
export function wrapGlued(text: string, width: number, indent = '', hanging = indent): string {
  const plain = (line: string) => line.replaceAll(GLUE, ' ');
  if (!Number.isFinite(width) || stringWidth(indent) + stringWidth(plain(text)) <= width) return `${indent}${plain(text)}`;
  // Greedy: each line takes words while they fit (a word alone on a line may overhang).
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const room = width - stringWidth(lines.length === 0 ? indent : hanging);
    const longer = line === '' ? plain(word) : `${line} ${plain(word)}`;
    if (line !== '' && stringWidth(longer) > room) {
      lines.push(line);
      line = plain(word);
    } else line = longer;
  }
  lines.push(line);
  return lines.map((l, i) => `${i === 0 ? indent : hanging}${l}`).join('\n');
}

/**
 * A command as prose cites it: from `sora-mc ` to the end of the text, or to a parenthesis, a
 * semicolon or a closing backtick that follows it.
 */
const COMMAND = /sora-mc [^(;`]*?(?= \(|[;`]|$)/g;

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
