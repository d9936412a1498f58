/**
 * The chance that the GPU cost of a minute of video exceeds X, with Sora 2's API list prices and the
 * analyst's cost estimate marked and the chance of exceeding each written in its label ("chance that GPU
 * cost per minute exceeds Sora 2's $6"). A list price includes the provider's margin: where the curve
 * is high at a price, the scenario says serving at that price would lose money on GPU time alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import { usdRounded } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import { exceedance } from '../bands.js';
import { chanceAbove, chanceWords } from '../price-exceedance.js';
import { soraPrices } from '../reference.js';
import { chartConfig, COLORS, HEIGHT, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { verticalMarkers, type Marker } from './markers.js';
import { scenarioLine } from './subtitle.js';

export function costExceedanceSpec(result: Result): TopLevelSpec {
  const stats = result.outputs.costPerVideoMinuteUsd;
  const curve = exceedance(stats);
  const log = stats.histogram.scale === 'log';
  const prices = soraPrices();
  const xs = curve.map((p) => p.x);
  const plan = planAxis([...xs, ...prices.map((p) => p.usdPerVideoMinute).filter((v) => v <= Math.max(...xs) * 1.5)], log, WIDTH, !log);
  const markers: Marker[] = prices.map((p) => ({
    value: p.usdPerVideoMinute,
    label: `${p.label} ${usdRounded(p.usdPerVideoMinute)}: ${chanceWords(chanceAbove(stats, p.usdPerVideoMinute))} above`,
    kind: 'published',
  }));
  const cheapest = prices.filter((p) => p.label.includes('API')).sort((a, b) => a.usdPerVideoMinute - b.usdPerVideoMinute)[0];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'How likely is the GPU cost of a minute above what Sora 2 charges?',
      subtitle: [
        cheapest
          ? `Chance that the GPU cost per minute exceeds Sora 2’s ${usdRounded(cheapest.usdPerVideoMinute)} list price: ${chanceWords(chanceAbove(stats, cheapest.usdPerVideoMinute))}`
          : 'The chance that the GPU cost per minute exceeds each price',
        scenarioLine(result),
        `Computed from the cost histogram at ${usdRounded(result.scenario.inputs.gpuHourPrice.p50)} an H100-hour (median) · green: list prices, which include a margin`,
      ],
    },
    width: WIDTH,
    height: HEIGHT,
    config: chartConfig(),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2.5, color: COLORS.simulated, interpolate: 'linear' },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, 'USD/min', `GPU cost per minute of video (USD)${log ? ', log scale' : ''}`) },
          y: { field: 'probability', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'chance the cost is higher', format: '.0%', tickCount: 5 } },
          tooltip: [
            { field: 'x', type: 'quantitative', title: 'cost above (USD/min)', format: '$,.2f' },
            { field: 'probability', type: 'quantitative', title: 'chance', format: '.1%' },
          ],
        },
      },
      ...verticalMarkers(markers, plan),
    ],
  };
}
