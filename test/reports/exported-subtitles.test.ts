/**
 * A chart's files (PNG, SVG, Vega-Lite) carry its subtitle and source line under the title. A source
 * line of 200 characters drawn on one line made the PNG three times as wide as its chart, the chart
 * squeezed into the left third of a slide: every line is cut to the chart's width between words.
 */
import { describe, expect, it } from 'vitest';
import { specSubtitle } from '../../reports/charts.js';
import { withSource } from '../../reports/html/page.js';
import { labelWidth } from '../../reports/specs/text-width.js';
import { FONT_SIZE, WIDTH } from '../../reports/theme.js';
import { chartsOf, simulated } from './fixtures.js';

const LIMIT = WIDTH + 160;

describe("an exported chart's subtitle", () => {
  it('has no line wider than the chart, and keeps every word of the subtitle and source in order', async () => {
    for (const chart of chartsOf(await simulated('calibrated'))) {
      const lines = specSubtitle(withSource(chart.spec, chart.source));
      const wide = lines.filter((line) => labelWidth(line, FONT_SIZE.subtitle) > LIMIT && /\s/.test(line));
      expect(wide, chart.id).toEqual([]);
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      expect(lines.flatMap(words), chart.id).toEqual([...specSubtitle(chart.spec), chart.source].flatMap(words));
    }
  });
});
