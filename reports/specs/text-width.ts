/**
 * How wide a chart text will be, estimated before it is drawn (the headless renderer cannot measure
 * text), and lists cut into lines no wider than a chart.
 */
import { FONT_SIZE, WIDTH } from '../theme.js';

/** Estimated width in pixels of a label in the chart font (DejaVu Sans averages ~0.62 em; bold a little more). */
export function labelWidth(text: string, fontSize: number = FONT_SIZE.mark, bold = false): number {
  return text.length * fontSize * (bold ? 0.66 : 0.6);
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
