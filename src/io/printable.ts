/**
 * Text made safe to print on a terminal (and to quote in an error): control characters (C0, DEL,
 * C1: ESC[2J, title sequences, carriage returns), bidirectional overrides and isolates (U+202E …),
 * zero-width marks, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF) and lone surrogates are written
 * as visible escapes (\u001b, \u202e); and a long text is cut to a short excerpt that says how long
 * the whole was, so an error never quotes more than a few words of what it found.
 */

/** Every character printable() escapes. */
// eslint-disable-next-line no-control-regex
export const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same characters plus tab and newline: text meant for one line. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE_ONE_LINE = new RegExp(`[\\t\\n]|${UNPRINTABLE.source}`, 'g');

/** \uXXXX: readable on a terminal, and the same character again when the text is JSON. */
function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every unprintable character escaped; tabs and newlines kept unless `oneLine`. */
export function printable(text: string, oneLine = false): string {
  return text.replace(oneLine ? UNPRINTABLE_ONE_LINE : UNPRINTABLE, escapeChar);
}

/** Whether `text` holds any character printable() would escape (tab and newline count when `oneLine`). */
export function hasUnprintable(text: string, oneLine = true): boolean {
  return new RegExp((oneLine ? UNPRINTABLE_ONE_LINE : UNPRINTABLE).source).test(text);
}

/** The longest excerpt of a found string an error quotes, in characters. */
export const EXCERPT_LENGTH = 40;

/** At most `max` characters of `text` (never splitting a surrogate pair), and whether it was cut. */
export function cut(text: string, max = EXCERPT_LENGTH): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const end = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return { text: text.slice(0, end), cut: true };
}

/** Writes `text` to a terminal stream (stdout, stderr) with every control sequence escaped. */
export function writeTerminal(stream: NodeJS.WritableStream, text: string): void {
  stream.write(printable(text));
}
