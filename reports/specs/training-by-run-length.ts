/**
 * Chart 3b: H100s needed for training (P10–P90 band and median) against the length of the run,
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
import { chartConfig, COLORS, FONT_SIZE, HEIGHT, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { bandArea, bandEnds, medianLine } from './band-layers.js';
import { spreadLabels } from './label-lanes.js';
import { scenarioLine, span } from './subtitle.js';

/** Run lengths the band is drawn at: 1 to 6 months in tenths. */
export const RUN_MONTHS: readonly number[] = Array.from({ length: 51 }, (_, i) => 1 + i / 10);

export function trainingByRunLengthSpec(result: Result): TopLevelSpec {
  const rows = RUN_MONTHS.map((months) => ({ months, ...trainingBand(result, months) }));
  const f = (x: number) => formatRounded(x, 'H100s');
  const [one, three, six] = [1, 3, 6].map((m) => trainingBand(result, m)) as [ReturnType<typeof trainingBand>, ReturnType<typeof trainingBand>, ReturnType<typeof trainingBand>];
  const articlePoints = articleMarks('trainH100s').map((m) => ({ months: 1, value: m.value, label: m.label }));
  const fleets = publishedTrainingFleets().map((fleet) => ({ value: fleet.gpus, label: `${fleet.name}: ${fleet.gpus.toLocaleString('en-US')} ${fleet.gpu}s (published)` }));
  const plan = planAxis([0, one.p90, ...articlePoints.map((a) => a.value), ...fleets.map((x) => x.value)], false, HEIGHT, true);
  // The article's labels and the band's end labels sit side by side at one month: spread them together.
  const together = spreadLabels(plan, [...articlePoints, ...bandEnds(one, f).map((end) => ({ months: 1, ...end }))]);
  const article = together.slice(0, articlePoints.length);
  const ends = together.slice(articlePoints.length);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'How many H100s does training take, by the length of the run?',
      subtitle: [
        `P10–P90: ${span(one.p10, one.p90, f)} H100s for 1 month, ${span(three.p10, three.p90, f)} for 3, ${span(six.p10, six.p90, f)} for 6`,
        scenarioLine(result),
        'H100s = training H100-hours ÷ (months × 30 days × 24 h) · orange: the article · green: published',
      ],
    },
    width: WIDTH,
    height: HEIGHT,
    config: chartConfig(),
    layer: [
      bandArea(rows, { field: 'months', type: 'quantitative', scale: { domain: [1, 6], nice: false }, axis: { title: 'length of the training run (months of 30 days)', tickCount: 6, grid: true } }, { scale: scaleOf(plan), axis: axisOf(plan, 'H100s', 'H100s busy for the whole run') }),
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
            mark: { type: 'text', align: 'right', baseline: 'bottom', x: WIDTH, dx: -4, dy: -3, color: COLORS.published, fontSize: FONT_SIZE.mark },
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
