/**
 * The peak inference fleet (P10–P90 band and median) against the share of TikTok's and
 * YouTube's uploaded minutes that is AI-generated, 0–100%. Exact: the fleet at share s is s times
 * the Result's `inferenceH100sPeakAllAi` percentiles. The article's ~720k and the scenario's own
 * share are marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded, percent } from '../../src/format.js';
import { articleValues } from '../../src/model/inputs.js';
import type { Result } from '../../src/result/types.js';
import { articleFigure } from '../article-marks.js';
import { outputBand, peakFleetBand } from '../bands.js';
import { fleetWords } from '../fleet-wording.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT } from '../theme.js';
import { axisOf, planAxis, scaleOf, wrappedTitle } from './axis-plan.js';
import { bandArea, bandEnds, medianLine } from './band-layers.js';
import { spreadLabels } from './label-lanes.js';
import { span } from './subtitle.js';
import { labelWidth } from './text-width.js';

/** Shares the band is drawn at: 0%, 5%, …, 100%. */
export const AI_SHARES: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

interface Uploads {
  tiktokMinutesPerDay: number;
  youtubeMinutesPerDay: number;
  tiktokAiShare: number;
  youtubeAiShare: number;
}

/** The AI-generated share of all uploaded minutes, TikTok and YouTube together. */
export function overallAiShare(u: Uploads): number {
  const total = u.tiktokMinutesPerDay + u.youtubeMinutesPerDay;
  return (u.tiktokMinutesPerDay * u.tiktokAiShare + u.youtubeMinutesPerDay * u.youtubeAiShare) / total;
}

/** The scenario's overall AI share of uploaded minutes, at its inputs' medians. */
export function scenarioAiShare(result: Result): number {
  const i = result.scenario.inputs;
  return overallAiShare({
    tiktokMinutesPerDay: i.tiktokMinutesPerDay.p50,
    youtubeMinutesPerDay: i.youtubeMinutesPerDay.p50,
    tiktokAiShare: i.tiktokAiShare.p50,
    youtubeAiShare: i.youtubeAiShare.p50,
  });
}

/** The article's overall AI share: 50% of TikTok's 17M minutes and 15% of YouTube's 43M (≈ 25%). */
export function articleAiShare(): number {
  return overallAiShare(articleValues());
}

export function fleetByAiShareSpec(result: Result, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const height = layout.narrow ? 240 : HEIGHT;
  const rows = AI_SHARES.map((share) => ({ share, ...peakFleetBand(result, share) }));
  const all = outputBand(result, 'inferenceH100sPeakAllAi');
  const share = scenarioAiShare(result);
  const articleShare = articleAiShare();
  const peak = articleFigure('Inference fleet, peak');
  const average = articleFigure('Inference fleet, average');
  const plan = planAxis([0, all.p90, peak.printed], false, height, true);
  const f = (x: number) => formatRounded(x, 'H100s');
  const articlePoints = [
    { share: articleShare, value: average.printed, label: layout.narrow ? `${average.printedText} average` : `article ${average.printedText} average` },
    { share: articleShare, value: peak.printed, label: layout.narrow ? `${peak.printedText} at peak` : `article ${peak.printedText} at peak` },
  ];
  // The labels run right of the article's diamonds, and start past the "this scenario" rule when it lies in their way.
  const pixel = (x: number) => x * layout.width;
  const widest = Math.max(...articlePoints.map((a) => labelWidth(a.label, FONT_SIZE.mark, true)));
  const inTheWay = pixel(share) >= pixel(articleShare) && pixel(share) <= pixel(articleShare) + 8 + widest;
  const labelShare = inTheWay ? share + 6 / layout.width : articleShare + 8 / layout.width;
  const article = spreadLabels(plan, articlePoints).map((a) => ({ ...a, labelShare }));
  const ends = spreadLabels(plan, bandEnds(all, f).map((end) => ({ share: 1, ...end })));
  const here = peakFleetBand(result, share);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `The serving fleet grows in step with the AI share of uploads: ${span(here.p10, here.p90, f)} H100s at this scenario’s ${percent(share)}`,
      subtitle: [
        `At 100% AI: ${span(all.p10, all.p90, f)} H100s (P10–P90)`,
        `Band: P10–P90 of the fleet ${fleetWords(result).short}, exactly proportional to the share · orange diamonds: the article’s fleet`,
      ],
    },
    width: layout.width,
    height,
    config: chartConfig(),
    layer: [
      bandArea(
        rows,
        {
          field: 'share',
          type: 'quantitative',
          scale: { domain: [0, 1], nice: false },
          axis: { title: wrappedTitle('AI-generated share of TikTok and YouTube uploads (minutes)', layout.width, layout), format: '.0%', tickCount: layout.narrow ? 5 : 10, grid: true },
        },
        { scale: scaleOf(plan), axis: axisOf(plan, 'H100s', `H100s ${fleetWords(result).short}`) },
      ),
      medianLine(rows, { field: 'share', format: '.0%', title: 'AI share' }, ',.0f'),
      {
        data: { values: [{ share, label: layout.narrow ? `this scenario ${percent(share)}` : `this scenario: ${percent(share)} AI` }] },
        layer: [
          { mark: { type: 'rule', color: COLORS.reference, strokeDash: [6, 3] }, encoding: { x: { field: 'share', type: 'quantitative' }, y: { value: -4 }, y2: { value: height } } },
          {
            // Left of its rule where it fits, else right of it.
            // Above the plot, clear of the band's labels: left of its rule where it fits, else right of it.
            mark: labelWidth(layout.narrow ? `this scenario ${percent(share)}` : `this scenario: ${percent(share)} AI`) + 6 <= pixel(share)
              ? { type: 'text', align: 'right', baseline: 'bottom', dx: -4, y: -4, color: COLORS.muted, fontSize: FONT_SIZE.mark }
              : { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: -4, color: COLORS.muted, fontSize: FONT_SIZE.mark },
            encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values: ends },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -3, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
        encoding: { x: { field: 'share', type: 'quantitative' }, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: article },
        layer: [
          { mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: COLORS.article }, encoding: { x: { field: 'share', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', color: COLORS.article, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
            encoding: { x: { field: 'labelShare', type: 'quantitative' }, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
