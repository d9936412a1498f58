/**
 * How wide a chart text will be, estimated before it is drawn (the headless renderer cannot measure
 * text), and lists cut into lines no wider than a chart.
 */
import { FONT_SIZE, WIDTH } from '../theme.js';

/** Advance widths of DejaVu Sans by kind of character, in em (wide letters, capitals, digits, narrow marks, the rest). */
function charEm(c: string): number {
  if ('MWmw@%'.includes(c)) return 0.92;
  if (/[A-Z]/.test(c)) return 0.72;
  if (/[0-9$]/.test(c)) return 0.64;
  if (' .,:;\'|!ilj()[]'.includes(c)) return 0.34;
  return 0.61;
}

/** Estimated width in pixels of a label in the chart font (DejaVu Sans; bold about 10% wider), on the generous side. */
export function labelWidth(text: string, fontSize: number = FONT_SIZE.mark, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * fontSize * (bold ? 1.1 : 1);
}

/**
 * A subtitle's list (`Left out: a, b, c`) cut into lines no wider than `maxWidth` pixels, so a long
 * list does not widen the chart (which a phone then scales down until its text cannot be read).
 */
export function listLines(lead: string, items: readonly string[], maxWidth = WIDTH + 160): string[] {
  const lines: string[] = [];
  let line = lead;
  items.forEach((item, i) => {
    const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
    const next = line === lead || line === '' ? `${line}${piece}` : `${line} ${piece}`;
    if (line !== lead && line !== '' && labelWidth(next, FONT_SIZE.subtitle) > maxWidth) {
      lines.push(line);
      line = piece;
    } else line = next;
  });
  return [...lines, line];
}

/**
 * `text` cut between words into lines no wider than `maxWidth` pixels (a word wider than that keeps a
 * line of its own), for labels a narrow chart draws on several lines.
 */
export function wrapWords(text: string, maxWidth: number, fontSize: number = FONT_SIZE.mark, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && labelWidth(next, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}
