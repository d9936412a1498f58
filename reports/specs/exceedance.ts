/**
 * The exceedance curve, the probability that more than X H100s are needed, for training
 * and for the peak inference fleet, read off the Result's histogram cumulative counts (exact at the
 * bin edges). P10/P50/P80/P90 are marked on each curve: the P90 is where the curve crosses 10%, the P80 20%.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import type { OutputKey } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import { wantsLogAxis } from '../axis.js';
import { band, exceedance } from '../bands.js';
import { percentile } from '../../src/result/percentile.js';
import { fleetWords } from '../fleet-wording.js';
import { runLengthWords } from '../headline.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { exceedanceAccuracy } from '../method.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT } from '../theme.js';
import { axisOf, pixelOf, planAxis, scaleOf } from './axis-plan.js';
import { labelWidth } from './text-width.js';

interface Series {
  key: OutputKey;
  name: string;
  color: string;
}

/** The probability that more than X H100s are needed, for training and for serving (at peak, or on average when the scenario's fleet is the average one). */
export function exceedanceSpec(result: Result, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const fleet = fleetWords(result).short;
  const series: Series[] = [
    { key: 'trainH100s', name: `Training (H100s for ${runLengthWords(result)})`, color: COLORS.simulatedAlt },
    { key: 'inferenceH100sPeak', name: `Inference fleet ${fleet}`, color: COLORS.simulated },
  ];
  const p80 = (key: OutputKey) => percentile(result.outputs[key], 0.8).value;
  const curve = series.flatMap((s) => exceedance(result.outputs[s.key]).map((point) => ({ series: s.name, ...point })));
  // Narrow: the median and the 1-in-10 only, so the labels of two curves keep clear of each other.
  const marks = series.flatMap((s) => {
    const b = band(result.outputs[s.key]);
    const all = [
      { series: s.name, x: b.p10, probability: 0.9, label: `90%: > ${formatRounded(b.p10, 'H100s')}` },
      { series: s.name, x: b.p50, probability: 0.5, label: `50%: > ${formatRounded(b.p50, 'H100s')}` },
      { series: s.name, x: p80(s.key), probability: 0.2, label: `20%: > ${formatRounded(p80(s.key), 'H100s')}` },
      { series: s.name, x: b.p90, probability: 0.1, label: `10%: > ${formatRounded(b.p90, 'H100s')}` },
    ];
    return layout.narrow ? all.filter((m) => m.probability === 0.5 || m.probability === 0.1) : all;
  });
  const xs = curve.map((p) => p.x);
  const plan = planAxis(xs, wantsLogAxis(xs), layout.width);
  // A label runs right of its point, or left where it would run past the plot's end.
  // A label runs right of its point, or left where it would run past the plot's end; the training curve's
  // labels sit above their points, the fleet's below, so labels of the two curves at one probability never meet.
  const sided = marks.map((m) => ({
    ...m,
    side: pixelOf(plan, m.x) + 8 + labelWidth(m.label, FONT_SIZE.mark, true) > plan.length ? 'left' : 'right',
    below: m.series === series[1]!.name,
  }));
  const color = { field: 'series', type: 'nominal' as const, scale: { domain: series.map((s) => s.name), range: series.map((s) => s.color) }, legend: { title: null, ...(layout.narrow ? { direction: 'vertical' as const } : {}) } };
  const train = band(result.outputs.trainH100s);
  const serving = band(result.outputs.inferenceH100sPeak);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `A 1-in-10 chance that training needs more than ${formatRounded(train.p90, 'H100s')} H100s, and serving more than ${formatRounded(serving.p90, 'H100s')}`,
      subtitle: [
        `The probability of needing more than X H100s: for training (${runLengthWords(result)}) and to serve ${fleet}`,
        `Read from the histogram’s cumulative counts: ${exceedanceAccuracy(result.run)}, straight lines between`,
      ],
    },
    width: layout.width,
    height: layout.narrow ? 240 : HEIGHT,
    config: chartConfig(),
    layer: [
      {
        data: { values: [0.9, 0.5, 0.2, 0.1].map((p) => ({ p })) },
        mark: { type: 'rule', color: COLORS.reference, strokeDash: [3, 3], opacity: 0.6 },
        encoding: { y: { field: 'p', type: 'quantitative' } },
      },
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2.5, interpolate: 'linear' },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, 'H100s', `H100s needed${plan.log ? ', log scale' : ''}`, layout) },
          y: { field: 'probability', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'probability of needing more', format: '.0%', tickCount: 5 } },
          color,
          tooltip: [
            { field: 'series', type: 'nominal', title: 'what' },
            { field: 'x', type: 'quantitative', title: 'more than', format: ',.0f' },
            { field: 'probability', type: 'quantitative', title: 'probability', format: '.1%' },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 55 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'probability', type: 'quantitative' }, color },
      },
      {
        data: { values: sided },
        // Beside its point, above or below, clear of the dashed probability rule through it.
        mark: {
          type: 'text',
          align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
          baseline: { expr: "datum.below ? 'top' : 'bottom'" },
          dx: { expr: "datum.side === 'left' ? -6 : 6" },
          dy: { expr: 'datum.below ? 6 : -4' },
          fontSize: FONT_SIZE.mark,
          fontWeight: 'bold',
        },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'probability', type: 'quantitative' }, text: { field: 'label' }, color },
      },
    ],
  };
}
