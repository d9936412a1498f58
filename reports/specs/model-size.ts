/**
 * How big Sora is assumed to be (the scenario's `soraParams`: P10–P90 and median) beside
 * the published sizes of open and disclosed video diffusion transformers, and the article's 20B.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import { INPUTS } from '../../src/model/inputs.js';
import type { Result } from '../../src/result/types.js';
import { publishedModels } from '../reference.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { span } from './subtitle.js';

export const SORA_ROW = 'Sora (this scenario)';

export function modelSizeSpec(result: Result, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  const sora = result.scenario.inputs.soraParams;
  const article = INPUTS.soraParams.article;
  const f = (x: number) => formatRounded(x, 'params');
  const models = publishedModels().map((m) => ({ row: `${m.name} (${m.date})`, params: m.params, label: f(m.params) }));
  const rows = [SORA_ROW, ...[...models].reverse().map((m) => m.row)];
  const layout = rowLayout(rows, wanted);
  const plan = planAxis([sora.p10, sora.p90, article, ...models.map((m) => m.params)], true, layout.width);
  const x = (field: string) => ({ field, type: 'quantitative' as const });
  const range = sora.p10 === sora.p90 ? `fixed at ${f(sora.p50)}` : `P10–P90 ${span(sora.p10, sora.p90, f)}, median ${f(sora.p50)}`;
  // Narrow: each row's size is written with its name above it, not beside the point.
  const axis = rowAxis('row', rows, layout, { bar: 10, step: 30, labelLimit: 300, above: (row) => (row === SORA_ROW ? `${row}: ${range}; article ${f(article)}` : `${row}: ${models.find((m) => m.row === row)!.label}`) });
  const y = axis.y;
  const largest = Math.max(...models.map((m) => m.params));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `The scenario assumes Sora has ${sora.p10 === sora.p90 ? f(sora.p50) : span(sora.p10, sora.p90, f)} parameters; the largest published video model has ${f(largest)}`,
      subtitle: [
        `Assumed parameters: ${range}; the article: ${f(article)} (30× DiT-XL)`,
        'Blue: the scenario’s assumption · orange: the article · green: published parameter counts',
      ],
    },
    width: layout.width,
    height: { step: axis.step },
    config: chartConfig(),
    layer: [
      {
        data: { values: [{ row: SORA_ROW, ...sora }] },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.simulated, strokeWidth: 10, opacity: 0.35, strokeCap: 'round' },
            encoding: { y, x: { ...x('p10'), scale: scaleOf(plan), axis: axisOf(plan, 'params', 'parameters, log scale', layout) }, x2: { field: 'p90' } },
          },
          { mark: { type: 'point', filled: true, size: 110, color: COLORS.simulated }, encoding: { y, x: x('p50') } },
        ],
      },
      {
        data: { values: [{ row: SORA_ROW, params: article, label: `article ${f(article)}` }] },
        layer: [
          { mark: { type: 'tick', color: COLORS.article, thickness: 3, size: 14 }, encoding: { y, x: x('params') } },
          ...(layout.narrow ? [] : [{ mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 4, dy: -8, color: COLORS.article, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const }, encoding: { y, x: x('params'), text: { field: 'label' } } }]),
        ],
      },
      {
        data: { values: models },
        layer: [
          { mark: { type: 'point', filled: true, size: 90, color: COLORS.published, shape: 'square' }, encoding: { y, x: x('params') } },
          ...(layout.narrow ? [] : [{ mark: { type: 'text' as const, align: 'left' as const, dx: 8, color: COLORS.published, fontSize: FONT_SIZE.mark }, encoding: { y, x: x('params'), text: { field: 'label' } } }]),
        ],
      },
      ...axis.labels,
    ],
  };
}
