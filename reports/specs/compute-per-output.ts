/**
 * Inference compute per unit of output on a log scale, the article's comparison with its
 * uncertainty: a minute of Sora video (P10–P90 and median from the Result), a DiT-XL image (the
 * Result's `ditImageFlops`), and 1,000 tokens of Llama-2-70B and GPT-4 (fixed arithmetic,
 * 2 × active parameters per token). The article's printed figures are marked beside each.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import { TEXT_MODELS, textFlops, TOKENS_PER_UNIT } from '../../src/model/compute-per-output.js';
import type { Result } from '../../src/result/types.js';
import { articleFigure } from '../article-marks.js';
import { band, type Band } from '../bands.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { span } from './subtitle.js';

export interface UnitRow extends Band {
  unit: string;
  /** The article's printed figure for this unit. */
  article: number;
  articleText: string;
}

/** Inference FLOPs per unit of output, Sora's minute first. */
export function computePerOutputRows(result: Result): UnitRow[] {
  const fixed = (x: number): Band => ({ p10: x, p50: x, p90: x });
  const figure = (name: string) => articleFigure(`Per unit output: ${name}`);
  const sora = figure('Sora minute');
  const dit = figure('DiT-XL image');
  return [
    { unit: 'Sora: one minute of video', ...band(result.outputs.flopsPerVideoMinute), article: sora.printed, articleText: sora.printedText },
    { unit: 'DiT-XL/2: one 512² image', ...band(result.outputs.ditImageFlops), article: dit.printed, articleText: dit.printedText },
    ...TEXT_MODELS.map((model) => {
      const printed = figure(`${model.name} (1,000 tokens)`);
      return {
        unit: `${model.name}: ${TOKENS_PER_UNIT.toLocaleString('en-US')} tokens`,
        ...fixed(textFlops(model.activeParams)),
        article: printed.printed,
        articleText: printed.printedText,
      };
    }),
  ];
}

export function computePerOutputSpec(result: Result, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  const rows = computePerOutputRows(result).map((row) => ({ ...row, label: formatRounded(row.p50, 'FLOP') }));
  const layout = rowLayout(rows.map((r) => r.unit), wanted);
  const sora = rows[0]!;
  const gpt4 = rows.find((r) => r.unit.startsWith('GPT-4'))!;
  const ratio = (x: number) => formatRounded(x / gpt4.p50, '×');
  const plan = planAxis(rows.flatMap((r) => [r.p10, r.p90, r.article]), true, layout.width);
  // Narrow: the median is written with the row's name above the bar, not beside the dot.
  const axis = rowAxis('unit', rows.map((r) => r.unit), layout, { bar: 8, step: 44, labelLimit: 260, above: (unit) => `${unit}: ${rows.find((r) => r.unit === unit)!.label}` });
  const y = axis.y;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `A minute of Sora video takes about ${ratio(sora.p50)}× the inference compute of 1,000 GPT-4 tokens`,
      subtitle: [
        `${span(sora.p10, sora.p90, ratio)}× (P10–P90); the article’s figures give ${ratio(sora.article)}×`,
        'Blue: simulated P10–P90 and median · orange: the article’s printed figure',
      ],
    },
    width: layout.width,
    height: { step: axis.step },
    config: chartConfig(),
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: COLORS.simulated, strokeWidth: 8, opacity: 0.35, strokeCap: 'round' },
        encoding: {
          x: { field: 'p10', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, 'FLOP', 'inference compute (FLOP), log scale', layout) },
          x2: { field: 'p90' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 110, color: COLORS.simulated },
        encoding: {
          x: { field: 'p50', type: 'quantitative' },
          tooltip: [
            { field: 'unit', type: 'nominal' },
            { field: 'p10', type: 'quantitative', format: '.3~e', title: 'P10' },
            { field: 'p50', type: 'quantitative', format: '.3~e', title: 'P50' },
            { field: 'p90', type: 'quantitative', format: '.3~e', title: 'P90' },
            { field: 'articleText', type: 'nominal', title: 'article' },
          ],
        },
      },
      {
        mark: { type: 'tick', color: COLORS.article, thickness: 3, size: 16 },
        encoding: { x: { field: 'article', type: 'quantitative' } },
      },
      // Above and right of the dot, clear of the article's tick (8 px each side of the row).
      ...(layout.narrow
        ? []
        : [{
            mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 6, dy: -10, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const },
            encoding: { x: { field: 'p50', type: 'quantitative' as const }, text: { field: 'label' } },
          }]),
      ...axis.labels,
    ],
  };
}
