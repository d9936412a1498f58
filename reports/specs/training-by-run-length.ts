/**
 * H100s needed for training (P10–P90 band and median) against the length of the run,
 * 1 to 6 months. Exact: for a run of m months the H100s are the Result's `trainGpuHours`
 * percentiles ÷ (m × 30 × 24). The article's one-month figures and Movie Gen's published training
 * fleet are marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { trainingBand } from '../bands.js';
import { publishedTrainingFleets } from '../reference.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT } from '../theme.js';
import { axisOf, planAxis, scaleOf, valueAtPixel, pixelOf, wrappedTitle, type AxisPlan } from './axis-plan.js';
import { bandArea, bandEnds, medianLine } from './band-layers.js';
import { spreadLabels } from './label-lanes.js';
import { span } from './subtitle.js';

/** Run lengths the band is drawn at: 1 to 6 months in tenths. */
/** The value `pixels` above `value` on a planned axis. */
function valueAbove(plan: AxisPlan, value: number, pixels: number): number {
  return valueAtPixel(plan, pixelOf(plan, value) + pixels);
}

export const RUN_MONTHS: readonly number[] = Array.from({ length: 51 }, (_, i) => 1 + i / 10);

export function trainingByRunLengthSpec(result: Result, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const height = layout.narrow ? 240 : HEIGHT;
  const rows = RUN_MONTHS.map((months) => ({ months, ...trainingBand(result, months) }));
  const f = (x: number) => formatRounded(x, 'H100s');
  const [one, three, six] = [1, 3, 6].map((m) => trainingBand(result, m)) as [ReturnType<typeof trainingBand>, ReturnType<typeof trainingBand>, ReturnType<typeof trainingBand>];
  const articlePoints = articleMarks('trainH100s').map((m) => ({ months: 1, value: m.value, label: m.label }));
  const fleets = publishedTrainingFleets().map((fleet) => ({
    value: fleet.gpus,
    label: layout.narrow ? `${fleet.name.replace(/^Meta /, '')}: ${fleet.gpus.toLocaleString('en-US')} ${fleet.gpu}s` : `${fleet.name}: ${fleet.gpus.toLocaleString('en-US')} ${fleet.gpu}s (published)`,
  }));
  const plan = planAxis([0, one.p90, ...articlePoints.map((a) => a.value), ...fleets.map((x) => x.value)], false, height, true);
  // The article's labels and the band's end labels sit side by side at one month: spread them together,
  // off the published fleets' rules (each rule's own label sits just above it, at the right).
  const together = spreadLabels(plan, [...articlePoints, ...bandEnds(one, f).map((end) => ({ months: 1, ...end }))], fleets.flatMap((x) => [0, 8, FONT_SIZE.mark + 4].map((up) => valueAbove(plan, x.value, up))));
  const article = together.slice(0, articlePoints.length);
  const ends = together.slice(articlePoints.length);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `A longer run needs fewer H100s: ${span(one.p10, one.p90, f)} for one month, ${span(six.p10, six.p90, f)} for six`,
      subtitle: [
        `P10–P90: ${span(three.p10, three.p90, f)} H100s for three months`,
        'H100s = training H100-hours ÷ (months × 30 days × 24 h) · orange: the article · green: published',
      ],
    },
    width: layout.width,
    height,
    config: chartConfig(),
    layer: [
      bandArea(rows, { field: 'months', type: 'quantitative', scale: { domain: [1, 6], nice: false }, axis: { title: wrappedTitle('length of the training run (months of 30 days)', layout.width, layout), tickCount: 6, grid: true } }, { scale: scaleOf(plan), axis: axisOf(plan, 'H100s', 'H100s busy for the whole run', layout) }),
      medianLine(rows, { field: 'months', format: '.1f', title: 'months' }, ',.0f'),
      {
        data: { values: ends },
        mark: { type: 'text', align: 'left', dx: 8, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
        encoding: { x: { field: 'months', type: 'quantitative' }, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: fleets },
        layer: [
          { mark: { type: 'rule', color: COLORS.published, strokeDash: [1, 3], strokeWidth: 2 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'right', baseline: 'bottom', x: layout.width, dx: -4, dy: -3, color: COLORS.published, fontSize: FONT_SIZE.mark },
            encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values: article },
        layer: [
          { mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: COLORS.article }, encoding: { x: { field: 'months', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', dx: 8, color: COLORS.article, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
            encoding: { x: { field: 'months', type: 'quantitative' }, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
