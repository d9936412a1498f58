/**
 * Trimming a chart's empty right and bottom margins. Vega's headless renderer cannot measure text,
 * so it estimates titles wider than they are and sizes the SVG for the estimate; resvg, which
 * draws the text with the real font, gives the true extent of what is drawn, and the SVG is cut
 * to it (plus a margin). Only ever shrinks.
 */
import { Resvg } from '@resvg/resvg-js';
import { resvgOptions } from './resvg-options.js';

const ROOT = /^<svg\b[^>]*?\swidth="([\d.]+)"\s+height="([\d.]+)"\s+viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>/;
const BACKGROUND = /^<rect width="([\d.]+)" height="([\d.]+)" fill="[^"]*"\/>/;

/** The SVG cut to what it draws, keeping `margin` pixels right and below. */
export function trimSvg(svg: string, margin = 14): string {
  const root = ROOT.exec(svg);
  if (!root) return svg;
  const rest = svg.slice(root[0].length);
  const background = BACKGROUND.exec(rest);
  const drawn = background ? root[0] + rest.slice(background[0].length) : svg;
  const box = new Resvg(drawn, resvgOptions()).getBBox();
  if (!box) return svg;
  const width = Number(root[1]);
  const height = Number(root[2]);
  const newWidth = Math.min(width, Math.ceil(box.x + box.width + margin));
  const newHeight = Math.min(height, Math.ceil(box.y + box.height + margin));
  if (newWidth === width && newHeight === height) return svg;
  const newRoot = root[0]
    .replace(`width="${root[1]}"`, `width="${newWidth}"`)
    .replace(`height="${root[2]}"`, `height="${newHeight}"`)
    .replace(`viewBox="0 0 ${root[3]} ${root[4]}"`, `viewBox="0 0 ${newWidth} ${newHeight}"`);
  const newRest = background ? rest.replace(background[0], background[0].replace(`width="${background[1]}"`, `width="${newWidth}"`).replace(`height="${background[2]}"`, `height="${newHeight}"`)) : rest;
  return newRoot + newRest;
}
