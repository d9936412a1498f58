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
 * scaling would not be exact there, and a slider that moves none of the bands drawn is not drawn either.
 * Each slider's readout is a Vega expression in the report's number style (`$2.44 an H100-hour`, `29%`),
 * which the page writes beside the slider; the MFU slider stops where the larger median MFU reaches 75%,
 * FlashAttention-3's best on an H100 (Shah et al. 2024, "up to 740 TFLOPs/s, 75% utilization").
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded, readerRange, usdRounded } from '../../src/format.js';
import type { InputKey } from '../../src/model/inputs.js';
import type { OutputKey } from '../../src/model/outputs.js';
import { percentile } from '../../src/result/percentile.js';
import type { Result } from '../../src/result/types.js';
import { outputBand } from '../bands.js';
import { outputLabel } from '../fleet-wording.js';
import { INPUT_LABELS } from '../input-labels.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { deepFrozen } from '../../src/frozen.js';

export const WHAT_IF_PARAMS = deepFrozen(['price', 'share', 'days', 'mfu'] as const);
export type WhatIfParam = (typeof WHAT_IF_PARAMS)[number];

/** The highest MFU the utilisation slider reaches: FlashAttention-3's best on an H100. */
export const MFU_CEILING = 0.75;

export interface WhatIfRow {
  row: string;
  /** The output the band is (the same as the headline's when nothing is moved). */
  output: OutputKey;
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
  const add = (output: OutputKey, base: [number, number, number], k: number, usesPrice: number, usesShare: number, usesDays: number) =>
    rows.push({ row: outputLabel(result, output), output, unit: result.outputs[output].unit, b10: base[0], b50: base[1], b90: base[2], k, usesPrice, usesShare, usesDays,
      reference: base[1] * k * defaults.price ** usesPrice * defaults.share ** usesShare / defaults.days ** usesDays / defaults.mfu });
  if (fixed(result, ['gpuPeakFlops'])) {
    const peak = i('gpuPeakFlops');
    add('trainH100s', q('trainFlops'), 1 / (peak * i('trainMfu') * 3600 * 24), 0, 0, 1);
    add('trainCostUsd', q('trainFlops'), 1 / (peak * i('trainMfu') * 3600), 1, 0, 0);
  }
  if (fixed(result, ['gpuPeakFlops', 'inferPeakFlops', 'servingGpuEfficiency', 'servingGpus', 'servingGpuLoss'])) {
    const peak = i('inferPeakFlops') > 0 ? i('inferPeakFlops') : i('gpuPeakFlops');
    const efficiency = i('servingGpuEfficiency') * Math.exp(-i('servingGpuLoss') * (i('servingGpus') - 1));
    const serving = peak * i('inferMfu') * efficiency * 3600;
    add('costPerVideoMinuteUsd', q('flopsPerVideoMinute'), 1 / serving, 1, 0, 0);
    if (fixed(result, ['tiktokMinutesPerDay', 'youtubeMinutesPerDay', 'candidatesPerVideo', 'peakToAverage', 'servingUtilization'])) {
      const uploads = (i('tiktokMinutesPerDay') + i('youtubeMinutesPerDay')) * i('candidatesPerVideo') * i('peakToAverage') / i('servingUtilization');
      add('inferenceH100sPeak', q('flopsPerVideoMinute'), uploads / (serving * 24), 0, 1, 0);
    }
  }
  return rows;
}

/** The sliders' starting values: the scenario's medians. */
export function whatIfDefaults(result: Result): Record<WhatIfParam, number> {
  const i = (key: InputKey) => result.scenario.inputs[key].p50;
  // Utilisation is a multiplier of the scenario's median training and inference MFU (1 = as sampled).
  // The AI share is the scenario's over both sites: AI minutes / all uploaded minutes at the medians.
  const share = (i('tiktokMinutesPerDay') * i('tiktokAiShare') + i('youtubeMinutesPerDay') * i('youtubeAiShare')) / (i('tiktokMinutesPerDay') + i('youtubeMinutesPerDay'));
  return { price: i('gpuHourPrice'), share, days: i('trainDays'), mfu: 1 };
}

/** The sliders that move at least one of `rows`: a slider that moves nothing is not drawn. */
export function whatIfSliders(rows: readonly WhatIfRow[]): WhatIfParam[] {
  if (rows.length === 0) return [];
  return WHAT_IF_PARAMS.filter((p) => p === 'mfu' || rows.some((r) => (p === 'price' ? r.usesPrice : p === 'share' ? r.usesShare : r.usesDays) !== 0));
}

/** The inputs each slider sets to one value for every sample. */
const PINNED: Record<WhatIfParam, readonly InputKey[]> = {
  price: ['gpuHourPrice'],
  share: ['tiktokAiShare', 'youtubeAiShare'],
  days: ['trainDays'],
  mfu: ['trainMfu', 'inferMfu'],
};

/** The inputs a row's band reads that a slider pins. */
function pinnedBy(row: WhatIfRow): InputKey[] {
  const keys: InputKey[] = [...PINNED.mfu.filter((k) => (row.output === 'trainH100s' || row.output === 'trainCostUsd' ? k === 'trainMfu' : k === 'inferMfu'))];
  if (row.usesPrice) keys.push(...PINNED.price);
  if (row.usesShare) keys.push(...PINNED.share);
  if (row.usesDays) keys.push(...PINNED.days);
  return keys;
}

/**
 * Whether the bands at the sliders' starting values are the headline's, in words: they are when every
 * input a slider pins is fixed in the scenario; otherwise the sliders hold those inputs at their
 * medians, which narrows the bands, and the sentence names the inputs and gives both bands.
 */
export function whatIfDefaultsNote(result: Result): string {
  const rows = whatIfRows(result);
  const d = whatIfDefaults(result);
  const differs = rows.flatMap((row) => {
    const uncertain = pinnedBy(row).filter((k) => result.scenario.inputs[k].p10 !== result.scenario.inputs[k].p90);
    if (uncertain.length === 0) return [];
    const f = row.k * d.price ** row.usesPrice * d.share ** row.usesShare / d.days ** row.usesDays / d.mfu;
    const head = outputBand(result, row.output);
    return [`${row.row} ${readerRange(row.b10 * f, row.b90 * f, row.unit)} here, ${readerRange(head.p10, head.p90, row.unit)} in the headline (${uncertain.map((k) => INPUT_LABELS[k]).join(', ')} held at the median)`];
  });
  if (differs.length === 0) return 'At their starting values the sliders reproduce the headline’s bands: every input they set is fixed in this scenario.';
  return `At their starting values the sliders hold the inputs they set at this scenario’s medians, where the headline lets them vary, so some bands are narrower than the headline’s: ${differs.join('; ')}.`;
}

/** The highest utilisation multiplier: the larger median MFU reaches MFU_CEILING (never below 1, the scenario as sampled). */
export function mfuMaxMultiplier(result: Result): number {
  const highest = Math.max(result.scenario.inputs.trainMfu.p50, result.scenario.inputs.inferMfu.p50);
  return Math.max(1, Math.floor((100 * MFU_CEILING) / highest) / 100);
}

export function whatIfSpec(result: Result, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  const rows = whatIfRows(result);
  const layout = rowLayout(rows.map((r) => r.row), wanted);
  const d = whatIfDefaults(result);
  const sliders = whatIfSliders(rows);
  const trainMfu = result.scenario.inputs.trainMfu.p50;
  const inferMfu = result.scenario.inputs.inferMfu.p50;
  // A slider not drawn stays at the scenario's value (its exponent is 0 in every row anyway).
  const value = (p: WhatIfParam) => (sliders.includes(p) ? p : String(p === 'share' ? d.share * 100 : d[p]));
  const factor = `datum.k * pow(${value('price')}, datum.usesPrice) * pow(${value('share')} / 100, datum.usesShare) / pow(${value('days')}, datum.usesDays) / ${value('mfu')}`;
  const axis = rowAxis('row', rows.map((r) => r.row), layout, { bar: 12, step: 34 });
  const y = axis.y;
  // Each band is drawn relative to its value at the scenario's own settings, so one log axis holds them all.
  const money = "(datum.unit === 'H100s' ? '' : '$') + (datum.VALUE >= 1e5 ? replace(format(datum.VALUE, '.3~s'), 'G', 'B') : datum.VALUE >= 100 ? format(datum.VALUE, ',.0f') : format(datum.VALUE, '.3~r'))";
  const label = `${money.replace(/VALUE/g, 'p10')} + '–' + ${money.replace(/VALUE/g, 'p90')} + ' (median ' + ${money.replace(/VALUE/g, 'p50')} + ')'`;
  const slider: Record<WhatIfParam, object> = {
    price: { name: 'price', value: d.price, bind: { input: 'range', min: 0.5, max: 8, step: 0.05, name: 'GPU price ' } },
    share: { name: 'share', value: Math.round(d.share * 100), bind: { input: 'range', min: 1, max: 100, step: 1, name: 'AI share of uploads ' } },
    days: { name: 'days', value: d.days, bind: { input: 'range', min: 7, max: 180, step: 1, name: 'Training run ' } },
    mfu: { name: 'mfu', value: d.mfu, bind: { input: 'range', min: 0.25, max: mfuMaxMultiplier(result), step: 0.01, name: 'Utilisation (MFU) ' } },
  };
  // The readout the page writes beside each slider, in the report's number style.
  const readout: Record<WhatIfParam, string> = {
    price: "'$' + format(price, '.2f') + ' an H100-hour'",
    share: "format(share, 'd') + '%'",
    days: "format(days, 'd') + ' days'",
    mfu: `'×' + format(mfu, '.2f') + ': MFU ' + format(${trainMfu} * mfu, '.0%') + ' training, ' + format(${inferMfu} * mfu, '.0%') + ' serving'`,
  };
  const moved = sliders.filter((p) => p !== 'mfu').map((p) => ({ price: 'the price', share: 'the AI share', days: 'the run length' })[p as 'price' | 'share' | 'days']);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `What if ${[...moved, 'the utilisation'].join(', ').replace(/, ([^,]*)$/, ' or $1')} were different? The ${rows.length === 1 ? 'band moves' : `${countWord(rows.length)} bands move`} as you slide`,
      subtitle: [
        'Move the sliders under the chart: each bar is the P10–P90 band (dot: median) at those values, relative to this scenario as sampled',
        'Exact: each band is the Result’s percentiles of training compute or compute per minute times a constant',
      ],
    },
    params: [...sliders.map((p) => slider[p]), ...sliders.map((p) => ({ name: `${p}_text`, expr: readout[p] }))] as TopLevelSpec['params'],
    width: layout.width,
    height: { step: axis.step + (layout.narrow ? 12 : 0) },
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
      // Narrow: the row's name and its band on two lines above the bar (the axis draws no names).
      { calculate: layout.narrow ? '[datum.row, datum.label]' : 'datum.label', as: 'text' },
    ],
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 12, opacity: 0.35, color: COLORS.simulated, clip: true },
        encoding: {
          y,
          x: { field: 'r10', type: 'quantitative', scale: { type: 'log', domain: [0.02, 50], nice: false }, axis: { title: '× this scenario’s median (log scale)', values: layout.narrow ? [0.1, 1, 10] : [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20], labelExpr: "'×' + datum.value", grid: true } },
          x2: { field: 'r90' },
        },
      },
      { mark: { type: 'point', filled: true, size: 80, color: COLORS.simulated, clip: true }, encoding: { y, x: { field: 'r50', type: 'quantitative' } } },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: layout.narrow ? -9 - (FONT_SIZE.mark + 3) : -9, x: 0, lineHeight: FONT_SIZE.mark + 3, fontSize: FONT_SIZE.mark, color: COLORS.text },
        encoding: { y, text: { field: 'text' } },
      },
    ],
  };
}

function countWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four'][n] ?? String(n);
}
