/**
 * Chart 2: the exceedance curve, the probability that more than X H100s are needed, for training
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
import { runLengthWords } from '../headline.js';
import { exceedanceAccuracy } from '../method.js';
import { chartConfig, COLORS, FONT_SIZE, HEIGHT, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { scenarioLine } from './subtitle.js';

interface Series {
  key: OutputKey;
  name: string;
  color: string;
}

/** The probability that more than X H100s are needed, for training and for serving at peak. */
export function exceedanceSpec(result: Result): TopLevelSpec {
  const series: Series[] = [
    { key: 'trainH100s', name: `Training (H100s for ${runLengthWords(result)})`, color: COLORS.simulatedAlt },
    { key: 'inferenceH100sPeak', name: 'Inference fleet at peak', color: COLORS.simulated },
  ];
  const p80 = (key: OutputKey) => percentile(result.outputs[key], 0.8).value;
  const curve = series.flatMap((s) => exceedance(result.outputs[s.key]).map((point) => ({ series: s.name, ...point })));
  const marks = series.flatMap((s) => {
    const b = band(result.outputs[s.key]);
    return [
      { series: s.name, x: b.p10, probability: 0.9, label: `90%: > ${formatRounded(b.p10, 'H100s')}` },
      { series: s.name, x: b.p50, probability: 0.5, label: `50%: > ${formatRounded(b.p50, 'H100s')}` },
      { series: s.name, x: p80(s.key), probability: 0.2, label: `20%: > ${formatRounded(p80(s.key), 'H100s')}` },
      { series: s.name, x: b.p90, probability: 0.1, label: `10%: > ${formatRounded(b.p90, 'H100s')}` },
    ];
  });
  const xs = curve.map((p) => p.x);
  const plan = planAxis(xs, wantsLogAxis(xs), WIDTH);
  const color = { field: 'series', type: 'nominal' as const, scale: { domain: series.map((s) => s.name), range: series.map((s) => s.color) }, legend: { title: null } };
  const train = band(result.outputs.trainH100s);
  const fleet = band(result.outputs.inferenceH100sPeak);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'How likely is it that more than X H100s are needed?',
      subtitle: [
        `1 in 10 chance of more than ${formatRounded(train.p90, 'H100s')} H100s for training, more than ${formatRounded(fleet.p90, 'H100s')} to serve at peak`,
        scenarioLine(result),
        `Read from the histogram’s cumulative counts: ${exceedanceAccuracy(result.run)}, straight lines between`,
      ],
    },
    width: WIDTH,
    height: HEIGHT,
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
          x: { field: 'x', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, 'H100s', `H100s needed${plan.log ? ', log scale' : ''}`) },
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
        data: { values: marks },
        mark: { type: 'text', align: 'left', dx: 7, dy: -8, fontSize: FONT_SIZE.mark, fontWeight: 'bold' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'probability', type: 'quantitative' }, text: { field: 'label' }, color },
      },
    ],
  };
}
