/**
 * SVG → PNG with resvg (@resvg/resvg-js), drawing text with the packaged DejaVu Sans only (no
 * system fonts), at twice the SVG's size so charts stay sharp in a memo. `renderPngAsync` runs in
 * libuv's thread pool, so several charts rasterise at once while the next SVG is drawn.
 */
import { renderAsync, Resvg } from '@resvg/resvg-js';
import { resvgOptions } from './resvg-options.js';

export const PNG_SCALE = 2;

export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

function options(scale: number) {
  return resvgOptions({ fitTo: { mode: 'zoom', value: scale }, background: 'white' });
}

/** Rasterises an SVG at `scale` times its size on a white background. */
export function rasterize(svg: string, scale = PNG_SCALE): Raster {
  const image = new Resvg(svg, options(scale)).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** The PNG bytes of an SVG, rasterised off the main thread. */
export async function renderPngAsync(svg: string, scale = PNG_SCALE): Promise<Uint8Array> {
  const image = await renderAsync(svg, options(scale));
  return new Uint8Array(image.asPng());
}
