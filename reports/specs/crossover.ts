/**
 * Chart 4: the crossover. Cumulative inference compute against minutes of video generated (its
 * P10–P90 band: minutes × the Result's `flopsPerVideoMinute` percentiles) beside the training
 * compute band (`trainFlops` percentiles); where they meet, inference has cost as much as training.
 * TikTok's and YouTube's daily upload volumes (the scenario's medians) and the article's crossover
 * points are marked. Both axes are logarithmic.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { inferenceComputeBand, outputBand } from '../bands.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { bandArea, medianLine } from './band-layers.js';
import { type Marker, verticalMarkers } from './markers.js';
import { scenarioLine, span } from './subtitle.js';

/** The minutes axis: from a decade below the smallest value of interest to a decade above the largest. */
export function minutesRange(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  return [10 ** Math.floor(Math.log10(Math.min(...positive)) - 1), 10 ** Math.ceil(Math.log10(Math.max(...positive)) + 1)];
}

export function crossoverSpec(result: Result): TopLevelSpec {
  const crossover = outputBand(result, 'crossoverMinutes');
  const training = outputBand(result, 'trainFlops');
  const inputs = result.scenario.inputs;
  const uploads: Marker[] = [
    { value: inputs.tiktokMinutesPerDay.p50, label: `TikTok uploads a day: ${formatRounded(inputs.tiktokMinutesPerDay.p50, 'min')} min`, kind: 'reference' },
    { value: inputs.youtubeMinutesPerDay.p50, label: `YouTube uploads a day: ${formatRounded(inputs.youtubeMinutesPerDay.p50, 'min')} min`, kind: 'reference' },
  ];
  const [lo, hi] = minutesRange([crossover.p10, crossover.p90, ...uploads.map((u) => u.value)]);
  const decades = Math.round(Math.log10(hi / lo));
  const minutes = Array.from({ length: decades + 1 }, (_, i) => lo * 10 ** i);
  const inference = minutes.map((m) => ({ minutes: m, ...inferenceComputeBand(result, m) }));
  const trainingRows = [lo, hi].map((m) => ({ minutes: m, ...training }));
  const articleTrain = articleMarks('trainFlops');
  const article = articleMarks('crossoverMinutes').map((m, i) => ({ minutes: m.value, flops: articleTrain[i]?.value ?? training.p50, label: m.label }));
  const flops = [inference[0]!.p10, inference.at(-1)!.p90, training.p10, training.p90];
  const xPlan = { log: true, domain: [lo, hi] as [number, number], length: WIDTH };
  const yPlan = planAxis(flops, true, HEIGHT);
  const f = (x: number) => formatRounded(x, 'min');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'After how many minutes of video has inference cost as much compute as training?',
      subtitle: [
        `Crossover after ${span(crossover.p10, crossover.p90, f)} minutes (P10–P90), median ${f(crossover.p50)}; training ${span(training.p10, training.p90, (x) => formatRounded(x, 'FLOP'))} FLOP`,
        scenarioLine(result),
        'Blue: inference compute, P10–P90 · purple: training compute, P10–P90 · orange: the article',
      ],
    },
    width: WIDTH,
    height: HEIGHT,
    config: chartConfig(),
    layer: [
      bandArea(trainingRows, { field: 'minutes', type: 'quantitative', scale: scaleOf(xPlan), axis: axisOf(xPlan, 'min', 'minutes of video generated, log scale') }, { scale: scaleOf(yPlan), axis: axisOf(yPlan, 'FLOP', 'compute (FLOP), log scale') }, COLORS.simulatedAlt),
      {
        data: { values: trainingRows },
        mark: { type: 'line', color: COLORS.simulatedAlt, strokeWidth: 2 },
        encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'p50', type: 'quantitative' } },
      },
      {
        data: { values: [{ minutes: hi, p50: training.p50, label: `training, median ${formatRounded(training.p50, 'FLOP')} FLOP` }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -4, color: COLORS.simulatedAlt, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
        encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'p50', type: 'quantitative' }, text: { field: 'label' } },
      },
      bandArea(inference, { field: 'minutes', type: 'quantitative' }, {}),
      medianLine(inference, { field: 'minutes', format: ',.0f', title: 'minutes' }, '.2~e', 'FLOP'),
      {
        data: { values: [{ minutes: hi, p50: inference.at(-1)!.p50, label: 'inference, median' }] },
        mark: { type: 'text', align: 'right', baseline: 'top', dx: -6, dy: 6, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
        encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'p50', type: 'quantitative' }, text: { field: 'label' } },
      },
      ...verticalMarkers(uploads, xPlan, HEIGHT),
      {
        data: { values: article },
        layer: [
          { mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: COLORS.article }, encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'flops', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'right', dx: -8, color: COLORS.article, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
            encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'flops', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
