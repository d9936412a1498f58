/**
 * The crossover. Cumulative inference compute against minutes of video generated (its
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
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { bandArea, medianLine } from './band-layers.js';
import { type Marker, verticalMarkers } from './markers.js';
import { span } from './subtitle.js';

/** The minutes axis: from a decade below the smallest value of interest to a decade above the largest. */
export function minutesRange(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  return [10 ** Math.floor(Math.log10(Math.min(...positive)) - 1), 10 ** Math.ceil(Math.log10(Math.max(...positive)) + 1)];
}

/** `, about a day of TikTok and YouTube uploads` or '': the median crossover against a day of uploads. */
function versusUploads(result: Result, minutes: number): string {
  const inputs = result.scenario.inputs;
  const day = inputs.tiktokMinutesPerDay.p50 + inputs.youtubeMinutesPerDay.p50;
  const share = minutes / day;
  if (share >= 0.5 && share <= 2) return ', about one day of TikTok and YouTube uploads';
  if (share > 2) return `, ${formatRounded(share, '×')} days of TikTok and YouTube uploads`;
  return share >= 0.01 ? `, ${Math.round(share * 100)}% of one day of TikTok and YouTube uploads` : ', a small fraction of one day of TikTok and YouTube uploads';
}

export function crossoverSpec(result: Result, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const height = layout.narrow ? 240 : HEIGHT;
  const crossover = outputBand(result, 'crossoverMinutes');
  const training = outputBand(result, 'trainFlops');
  const inputs = result.scenario.inputs;
  const uploads: Marker[] = [
    { value: inputs.tiktokMinutesPerDay.p50, label: `TikTok uploads a day: ${formatRounded(inputs.tiktokMinutesPerDay.p50, 'min')} min`, short: `TikTok a day ${formatRounded(inputs.tiktokMinutesPerDay.p50, 'min')}`, kind: 'reference' },
    { value: inputs.youtubeMinutesPerDay.p50, label: `YouTube uploads a day: ${formatRounded(inputs.youtubeMinutesPerDay.p50, 'min')} min`, short: `YouTube a day ${formatRounded(inputs.youtubeMinutesPerDay.p50, 'min')}`, kind: 'reference' },
  ];
  // The article's crossover figures: rules labelled in the lanes with the uploads, a diamond where each meets the article's training compute.
  const articleRules: Marker[] = articleMarks('crossoverMinutes').map((m) => ({ value: m.value, label: m.label, short: `article ${m.text}`, kind: 'article' }));
  const [lo, hi] = minutesRange([crossover.p10, crossover.p90, ...uploads.map((u) => u.value)]);
  const decades = Math.round(Math.log10(hi / lo));
  const minutes = Array.from({ length: decades + 1 }, (_, i) => lo * 10 ** i);
  const inference = minutes.map((m) => ({ minutes: m, ...inferenceComputeBand(result, m) }));
  const trainingRows = [lo, hi].map((m) => ({ minutes: m, ...training }));
  const articleTrain = articleMarks('trainFlops');
  const article = articleMarks('crossoverMinutes').map((m, i) => ({ minutes: m.value, flops: articleTrain[i]?.value ?? training.p50, label: m.label }));
  const flops = [inference[0]!.p10, inference.at(-1)!.p90, training.p10, training.p90];
  const xPlan = { log: true, domain: [lo, hi] as [number, number], length: layout.width };
  const yPlan = planAxis(flops, true, height);
  const f = (x: number) => formatRounded(x, 'min');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Inference has used as much compute as training after ${span(crossover.p10, crossover.p90, f)} minutes of video${versusUploads(result, crossover.p50)}`,
      subtitle: [
        `Median ${f(crossover.p50)} minutes (P10–P90 ${span(crossover.p10, crossover.p90, f)}); training ${span(training.p10, training.p90, (x) => formatRounded(x, 'FLOP'))} FLOP`,
        'Blue: inference compute, P10–P90 · purple: training compute, P10–P90 · orange: the article · grey: one day of uploads',
      ],
    },
    width: layout.width,
    height,
    config: chartConfig(),
    layer: [
      bandArea(trainingRows, { field: 'minutes', type: 'quantitative', scale: scaleOf(xPlan), axis: axisOf(xPlan, 'min', 'minutes of video generated, log scale', layout) }, { scale: scaleOf(yPlan), axis: axisOf(yPlan, 'FLOP', 'compute (FLOP), log scale', layout) }, COLORS.simulatedAlt),
      {
        data: { values: trainingRows },
        mark: { type: 'line', color: COLORS.simulatedAlt, strokeWidth: 2 },
        encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'p50', type: 'quantitative' } },
      },
      // At the left end, where no upload or article rule runs; a narrow chart has no room for them (the subtitle names the colours).
      ...(layout.narrow ? [] : [{
        // At the left end, where no upload or article rule runs.
        data: { values: [{ minutes: lo, p50: training.p50, label: `training, median ${formatRounded(training.p50, 'FLOP')} FLOP` }] },
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 6, dy: -4, color: COLORS.simulatedAlt, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const },
        encoding: { x: { field: 'minutes', type: 'quantitative' as const }, y: { field: 'p50', type: 'quantitative' as const }, text: { field: 'label' } },
      }]),
      bandArea(inference, { field: 'minutes', type: 'quantitative' }, {}),
      medianLine(inference, { field: 'minutes', format: ',.0f', title: 'minutes' }, '.2~e', 'FLOP'),
      ...(layout.narrow ? [] : [{
        data: { values: [{ minutes: lo, p50: inference[0]!.p50, label: 'inference, median' }] },
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 6, dy: -6, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const },
        encoding: { x: { field: 'minutes', type: 'quantitative' as const }, y: { field: 'p50', type: 'quantitative' as const }, text: { field: 'label' } },
      }]),
      ...verticalMarkers([...uploads, ...articleRules], xPlan, { layout }),
      {
        data: { values: article },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: COLORS.article },
        encoding: { x: { field: 'minutes', type: 'quantitative' }, y: { field: 'flops', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal' }] },
      },
    ],
  };
}
