/**
 * The font files charts are drawn with: DejaVu Sans from the npm package `dejavu-fonts-ttf`, so a
 * PNG has the same text on every machine and needs no system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];

/** Paths of the DejaVu Sans faces the charts use (regular, bold, oblique). */
export function chartFontFiles(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return FACES.map((face) => join(root, 'ttf', face));
}
