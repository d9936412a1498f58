/**
 * The chance that the GPU cost of a minute of video exceeds X, with Sora 2's API list prices and the
 * analyst's cost estimate marked and the chance of exceeding each written in its label ("$6.00: 61%
 * above"). A list price includes the provider's margin: where the curve is high at a price, the
 * scenario says serving at that price would lose money on GPU time alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import { usdRounded } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import { exceedance } from '../bands.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chanceAbove, chanceWords } from '../price-exceedance.js';
import { cheapestListPrice, soraPrices } from '../reference.js';
import { chartConfig, COLORS, HEIGHT } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { verticalMarkers, type Marker } from './markers.js';

/** The chart's title: whether the GPU cost of a minute is likely above or below the cheapest list price. */
export function listPriceFinding(result: Result): string {
  const price = cheapestListPrice();
  const p = chanceAbove(result.outputs.costPerVideoMinuteUsd, price.usdPerVideoMinute);
  const at = `Sora 2’s ${usdRounded(price.usdPerVideoMinute)} list price (${chanceWords(p)} chance above)`;
  if (p >= 0.6) return `The GPU cost of a minute is likely above ${at}`;
  if (p <= 0.4) return `The GPU cost of a minute is likely below ${at}`;
  return `The GPU cost of a minute is as likely above as below ${at}`;
}

export function costExceedanceSpec(result: Result, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const stats = result.outputs.costPerVideoMinuteUsd;
  const curve = exceedance(stats);
  const log = stats.histogram.scale === 'log';
  const prices = soraPrices();
  const xs = curve.map((p) => p.x);
  const plan = planAxis([...xs, ...prices.map((p) => p.usdPerVideoMinute).filter((v) => v <= Math.max(...xs) * 1.5)], log, layout.width, !log);
  const markers: Marker[] = prices.map((p) => {
    const chance = chanceWords(chanceAbove(stats, p.usdPerVideoMinute));
    return { value: p.usdPerVideoMinute, label: `${p.label} ${usdRounded(p.usdPerVideoMinute)}: ${chance} above`, short: `${usdRounded(p.usdPerVideoMinute)}: ${chance} above`, kind: 'published' };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: listPriceFinding(result),
      subtitle: [
        `The chance that the simulated GPU cost of a minute exceeds each price, at ${usdRounded(result.scenario.inputs.gpuHourPrice.p50)} an H100-hour (median)`,
        `Green: Sora 2’s API list prices, which include OpenAI’s margin, and an analyst’s cost estimate${layout.narrow ? ' (labels: price, chance above)' : ''}`,
      ],
    },
    width: layout.width,
    height: layout.narrow ? 220 : HEIGHT,
    config: chartConfig(),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2.5, color: COLORS.simulated, interpolate: 'linear' },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, 'USD/min', `GPU cost per minute of video (USD)${log ? ', log scale' : ''}`, layout) },
          y: { field: 'probability', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'chance the cost is higher', format: '.0%', tickCount: 5 } },
          tooltip: [
            { field: 'x', type: 'quantitative', title: 'cost above (USD/min)', format: '$,.2f' },
            { field: 'probability', type: 'quantitative', title: 'chance', format: '.1%' },
          ],
        },
      },
      ...verticalMarkers(markers, plan, { layout }),
    ],
  };
}
