/** resvg's options for charts: the packaged DejaVu Sans only, never system fonts. */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../theme.js';
import { chartFontFiles } from './fonts.js';

export function resvgOptions(extra: ResvgRenderOptions = {}): ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    logLevel: 'off',
    ...extra,
  };
}
