import { chartSource } from '../../reports/chart-source.js';
import { withSource } from '../../reports/html/page.js';
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../reports/charts.js';
import { drawChart } from '../../reports/render/chart.js';
import { trimSvg } from '../../reports/render/crop.js';
import { rasterize, PNG_SCALE } from '../../reports/render/png.js';
import { renderSvg } from '../../reports/render/svg.js';
import { distributionSpec } from '../../reports/specs/distribution.js';
import { simulated } from './fixtures.js';

const mission = await simulated('mission');

/** Pixels of a region darker than light grey (text, rules, bars), and the region's luminance variance. */
function ink(raster: ReturnType<typeof rasterize>, x0: number, y0: number, x1: number, y1: number) {
  let dark = 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * raster.width + x) * 4;
      const lum = 0.2126 * raster.pixels[i]! + 0.7152 * raster.pixels[i + 1]! + 0.0722 * raster.pixels[i + 2]!;
      if (lum < 160) dark++;
      sum += lum;
      sumSq += lum * lum;
      n++;
    }
  }
  const mean = sum / n;
  return { dark, variance: sumSq / n - mean * mean };
}

describe('rendering a chart', () => {
  it('draws an SVG with the title, subtitle and axis title as text', async () => {
    const { svg, warnings } = await renderSvg(withSource(distributionSpec(mission, 'trainH100s'), chartSource(mission)));
    expect(warnings).toEqual([]);
    expect(svg).toContain('Training most likely took');
    expect(svg).toContain('Training H100s');
    expect(svg).not.toContain('Training H100s (H100s)');
    expect(svg).toContain('sora-mc simulation of mission');
    expect(svg).toContain('font-family="DejaVu Sans');
  });

  it('rasterises to a PNG whose title and axis labels are drawn (not blank)', async () => {
    const drawing = await drawChart(distributionSpec(mission, 'trainH100s'));
    const [svg, png] = [drawing.svg, await drawing.png];
    expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const raster = rasterize(svg);
    // The title is bold text along the top: dark pixels, varied luminance.
    const title = ink(raster, 0, 0, Math.min(raster.width, 700 * PNG_SCALE), 40 * PNG_SCALE);
    expect(title.dark).toBeGreaterThan(2000);
    expect(title.variance).toBeGreaterThan(500);
    // The x-axis labels and title sit in the bottom 50 px.
    const axis = ink(raster, 0, raster.height - 50 * PNG_SCALE, raster.width, raster.height);
    expect(axis.dark).toBeGreaterThan(1000);
  });

  it('trims the empty margin Vega leaves when it cannot measure text', async () => {
    const { svg } = await renderSvg(distributionSpec(mission, 'crossoverMinutes'));
    const trimmed = trimSvg(svg);
    const width = (s: string) => Number(/width="([\d.]+)"/.exec(s)![1]);
    expect(width(trimmed)).toBeLessThanOrEqual(width(svg));
    expect(width(trimmed)).toBeGreaterThan(640);
    expect(trimSvg(trimmed)).toBe(trimmed);
  });

  it('every chart of a report draws without a warning, for each built-in scenario', async () => {
    for (const scenario of ['mission', 'article', 'evidence-2025']) {
      const result = await simulated(scenario);
      for (const chart of reportCharts(result)) {
        const { warnings, svg } = await renderSvg(chart.spec);
        expect({ chart: chart.id, scenario, warnings }).toEqual({ chart: chart.id, scenario, warnings: [] });
        expect(svg).toMatch(/class="mark-/);
      }
    }
  }, 60_000);
});
