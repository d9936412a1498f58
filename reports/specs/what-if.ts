/**
 * What-if controls: sliders (Vega-Lite params, bound to inputs in the page; nothing is fetched) for the
 * GPU price, the AI share of uploads, the run length and the utilisation, and the P10–P90 bands they
 * move, recomputed live where the model makes that exact: each band is the Result's percentiles of an
 * output the sliders do not touch (training compute, compute per video minute) times a constant.
 * (MFU below: the scenario's median training or inference MFU times the utilisation slider)
 *   training H100s        = trainFlops / (peak × MFU × 3600 × 24 × days)
 *   training cost         = trainFlops × price / (peak × MFU × 3600)
 *   cost per video minute = flopsPerVideoMinute × price / (inference peak × MFU × serving efficiency × 3600)
 *   peak inference fleet  = flopsPerVideoMinute × share × uploads × candidates × peak-to-average / serving
 *                           utilisation / (inference peak × MFU × serving efficiency × 3600 × 24)
 * A slider sets its input to one value for every sample (the price, share, run length and MFU stop being
 * uncertain); a band whose constant involves an input the scenario leaves uncertain is not drawn, since
 * scaling would not be exact there.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { InputKey } from '../../src/model/inputs.js';
import { percentile } from '../../src/result/percentile.js';
import type { Result } from '../../src/result/types.js';
import { chartConfig, COLORS, FONT_SIZE, WIDTH } from '../theme.js';
import { scenarioLine } from './subtitle.js';

export const WHAT_IF_PARAMS = ['price', 'share', 'days', 'mfu'] as const;

export interface WhatIfRow {
  row: string;
  unit: string;
  /** The untouched output's P10, P50 and P90. */
  b10: number;
  b50: number;
  b90: number;
  /** The constant: band = base × k × price^usesPrice × share^usesShare / days^usesDays / utilisation multiplier. */
  k: number;
  usesPrice: number;
  usesShare: number;
  usesDays: number;
  /** The band at the scenario's own values (its median price, share, run length and MFU), for the x scale. */
  reference: number;
}

function fixed(result: Result, keys: readonly InputKey[]): boolean {
  return keys.every((key) => result.scenario.inputs[key].p10 === result.scenario.inputs[key].p90);
}

/** The rows the sliders can move exactly in this scenario. */
export function whatIfRows(result: Result): WhatIfRow[] {
  const i = (key: InputKey) => result.scenario.inputs[key].p50;
  const q = (key: 'trainFlops' | 'flopsPerVideoMinute') => [0.1, 0.5, 0.9].map((p) => percentile(result.outputs[key], p).value) as [number, number, number];
  const rows: WhatIfRow[] = [];
  const defaults = whatIfDefaults(result);
  const add = (row: string, unit: string, base: [number, number, number], k: number, usesPrice: number, usesShare: number, usesDays: number) =>
    rows.push({ row, unit, b10: base[0], b50: base[1], b90: base[2], k, usesPrice, usesShare, usesDays,
      reference: base[1] * k * defaults.price ** usesPrice * defaults.share ** usesShare / defaults.days ** usesDays / defaults.mfu });
  if (fixed(result, ['gpuPeakFlops'])) {
    const peak = i('gpuPeakFlops');
    add('Training H100s', 'H100s', q('trainFlops'), 1 / (peak * i('trainMfu') * 3600 * 24), 0, 0, 1);
    add('Training cost', 'USD', q('trainFlops'), 1 / (peak * i('trainMfu') * 3600), 1, 0, 0);
  }
  if (fixed(result, ['gpuPeakFlops', 'inferPeakFlops', 'servingGpuEfficiency', 'servingGpus', 'servingGpuLoss'])) {
    const peak = i('inferPeakFlops') > 0 ? i('inferPeakFlops') : i('gpuPeakFlops');
    const efficiency = i('servingGpuEfficiency') * Math.exp(-i('servingGpuLoss') * (i('servingGpus') - 1));
    const serving = peak * i('inferMfu') * efficiency * 3600;
    add('Cost per video minute', 'USD/min', q('flopsPerVideoMinute'), 1 / serving, 1, 0, 0);
    if (fixed(result, ['tiktokMinutesPerDay', 'youtubeMinutesPerDay', 'candidatesPerVideo', 'peakToAverage', 'servingUtilization'])) {
      const uploads = (i('tiktokMinutesPerDay') + i('youtubeMinutesPerDay')) * i('candidatesPerVideo') * i('peakToAverage') / i('servingUtilization');
      add('Peak inference fleet', 'H100s', q('flopsPerVideoMinute'), uploads / (serving * 24), 0, 1, 0);
    }
  }
  return rows;
}

/** The sliders' starting values: the scenario's medians. */
export function whatIfDefaults(result: Result): Record<(typeof WHAT_IF_PARAMS)[number], number> {
  const i = (key: InputKey) => result.scenario.inputs[key].p50;
  // Utilisation is a multiplier of the scenario's median training and inference MFU (1 = as sampled).
  // The AI share is the scenario's over both sites: AI minutes / all uploaded minutes at the medians.
  const share = (i('tiktokMinutesPerDay') * i('tiktokAiShare') + i('youtubeMinutesPerDay') * i('youtubeAiShare')) / (i('tiktokMinutesPerDay') + i('youtubeMinutesPerDay'));
  return { price: i('gpuHourPrice'), share, days: i('trainDays'), mfu: 1 };
}

export function whatIfSpec(result: Result): TopLevelSpec {
  const rows = whatIfRows(result);
  const d = whatIfDefaults(result);
  // MFU cannot pass 1: the multiplier stops where the larger of the two median MFUs reaches it.
  const mfuMax = Math.floor(100 / Math.max(result.scenario.inputs.trainMfu.p50, result.scenario.inputs.inferMfu.p50)) / 100;
  const factor = 'datum.k * pow(price, datum.usesPrice) * pow(share, datum.usesShare) / pow(days, datum.usesDays) / mfu';
  const y = { field: 'row', type: 'nominal' as const, sort: rows.map((r) => r.row), axis: { title: null, labelLimit: 0, labelFontSize: FONT_SIZE.axisLabel } };
  // Each band is drawn relative to its value at the scenario's own settings, so one log axis holds them all.
  const money = "(datum.unit === 'H100s' ? '' : '$') + (datum.VALUE >= 1e5 ? replace(format(datum.VALUE, '.3~s'), 'G', 'B') : datum.VALUE >= 100 ? format(datum.VALUE, ',.0f') : format(datum.VALUE, '.3~r'))";
  const label = `${money.replace(/VALUE/g, 'p10')} + '–' + ${money.replace(/VALUE/g, 'p90')} + ' (median ' + ${money.replace(/VALUE/g, 'p50')} + ')'`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'What if the price, the AI share, the run length or the utilisation were different?',
      subtitle: [
        'Move the sliders under the chart: each bar is the P10–P90 band (dot: median) at those values, relative to this scenario as sampled',
        scenarioLine(result),
        'Exact: each band is the Result’s percentiles of training compute or compute per minute times a constant',
      ],
    },
    params: [
      { name: 'price', value: d.price, bind: { input: 'range', min: 0.5, max: 8, step: 0.05, name: 'GPU price ($ per H100-hour) ' } },
      { name: 'share', value: d.share, bind: { input: 'range', min: 0.01, max: 1, step: 0.01, name: 'AI share of uploads ' } },
      { name: 'days', value: d.days, bind: { input: 'range', min: 7, max: 180, step: 1, name: 'training run (days) ' } },
      { name: 'mfu', value: d.mfu, bind: { input: 'range', min: 0.25, max: mfuMax, step: 0.01, name: 'utilisation, × the scenario’s median MFU (training and serving) ' } },
    ],
    width: WIDTH,
    height: { step: 34 },
    config: chartConfig(),
    data: { values: rows },
    transform: [
      { calculate: `datum.b10 * ${factor}`, as: 'p10' },
      { calculate: `datum.b50 * ${factor}`, as: 'p50' },
      { calculate: `datum.b90 * ${factor}`, as: 'p90' },
      { calculate: 'datum.p10 / datum.reference', as: 'r10' },
      { calculate: 'datum.p50 / datum.reference', as: 'r50' },
      { calculate: 'datum.p90 / datum.reference', as: 'r90' },
      { calculate: label, as: 'label' },
    ],
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 12, opacity: 0.35, color: COLORS.simulated, clip: true },
        encoding: {
          y,
          x: { field: 'r10', type: 'quantitative', scale: { type: 'log', domain: [0.02, 50], nice: false }, axis: { title: '× this scenario’s median (log scale)', values: [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20], labelExpr: "'×' + datum.value", grid: true } },
          x2: { field: 'r90' },
        },
      },
      { mark: { type: 'point', filled: true, size: 80, color: COLORS.simulated, clip: true }, encoding: { y, x: { field: 'r50', type: 'quantitative' } } },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -9, x: 0, fontSize: FONT_SIZE.mark, color: COLORS.text },
        encoding: { y, text: { field: 'label' } },
      },
    ],
  };
}
