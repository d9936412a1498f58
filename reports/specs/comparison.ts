/**
 * Scenario comparison: one headline output's P10, P50 and P90 for several scenarios side by side,
 * a row per scenario (range bar P10–P90, the median as a dot, each labelled), with the article's
 * figures marked. A log axis where the scenarios span decades.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded } from '../../src/format.js';
import type { OutputKey } from '../../src/model/outputs.js';
import type { Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { twoCases } from '../cases.js';
import { wantsLogAxis } from '../axis.js';
import { band } from '../bands.js';
import { comparedLabel, comparedName } from '../fleet-wording.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { rowAxis, rowLayout } from './row-labels.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import type { Marker } from './markers.js';
import { span, labelWithUnit } from './subtitle.js';
import { scenarioRowNames } from '../scenario-names.js';

export function comparisonSpec(results: readonly Result[], key: OutputKey, wanted: ChartLayout = DESKTOP): TopLevelSpec {
  if (results.length === 0) throw new RangeError('a comparison needs at least one Result');
  const { unit } = results[0]!.outputs[key];
  const label = comparedLabel(results, key);
  const f = (x: number) => formatRounded(x, unit);
  const names = scenarioRowNames(results);
  const layout = rowLayout(names, wanted);
  const rows = results.map((result, i) => {
    const b = band(result.outputs[key]);
    const cases = twoCases(result.outputs[key]);
    // Two cases (the article's): both written where the median would be, since a median would pick one.
    return { scenario: names[i]!, ...b, range: cases ? 'two cases' : span(b.p10, b.p90, f), median: cases ? cases.map((c) => f(c.value)).join(' or ') : f(b.p50) };
  });
  const article: Marker[] = articleMarks(key).map((m) => ({ value: m.value, label: `article ${m.text}`, kind: 'article' }));
  const values = [...rows.flatMap((r) => [r.p10, r.p90]), ...article.map((m) => m.value)];
  const plan = planAxis(values, wantsLogAxis(values), layout.width);
  // Narrow: each scenario's name, range and median above its bar, the article's figures as a tick in every row.
  const axis = rowAxis('scenario', names, layout, { bar: 10, step: 46, above: (name) => { const r = rows[names.indexOf(name)]!; return `${name}: ${r.range}, median ${r.median}`; } });
  const height = layout.narrow ? rows.length * axis.step : Math.max(3, rows.length) * 46;
  const y = axis.y;
  // The article's figures as a tick in every row (a rule across the chart would run through the labels).
  const articleTicks = rows.flatMap((r) => article.map((m) => ({ scenario: r.scenario, value: m.value, label: m.label })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${comparedName(results, key)}: median ${rows.map((r) => `${r.median} in ${r.scenario}`).join(', ')}`,
      subtitle: [
        rows.map((r) => `${r.scenario}: ${r.range}`).join(' · '),
        `Bar: P10–P90 · dot: median${article.length > 0 ? ` · orange ticks: the article’s ${article.map((m) => m.label.replace(/^article /, '')).join(' and ')}` : ''} · ${unit}`,
      ],
    },
    width: layout.width,
    height,
    config: chartConfig(),
    layer: [
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.simulated, strokeWidth: 10, opacity: 0.35, strokeCap: 'round' },
            encoding: {
              y,
              x: { field: 'p10', type: 'quantitative', scale: scaleOf(plan), axis: axisOf(plan, unit, `${labelWithUnit(label, unit)}${plan.log ? ', log scale' : ''}`, layout) },
              x2: { field: 'p90' },
              tooltip: [
                { field: 'scenario', type: 'nominal' },
                { field: 'p10', type: 'quantitative', title: 'P10', format: ',.4~g' },
                { field: 'p50', type: 'quantitative', title: 'P50', format: ',.4~g' },
                { field: 'p90', type: 'quantitative', title: 'P90', format: ',.4~g' },
              ],
            },
          },
          { mark: { type: 'point', filled: true, size: 110, color: COLORS.simulated }, encoding: { y, x: { field: 'p50', type: 'quantitative' } } },
          ...(layout.narrow
            ? []
            : [
                {
                  mark: { type: 'text' as const, baseline: 'bottom' as const, dy: -9, color: COLORS.simulated, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const },
                  encoding: { y, x: { field: 'p50', type: 'quantitative' as const }, text: { field: 'median' } },
                },
                {
                  mark: { type: 'text' as const, baseline: 'top' as const, dy: 9, color: COLORS.muted, fontSize: FONT_SIZE.mark },
                  encoding: { y, x: { field: 'p50', type: 'quantitative' as const }, text: { field: 'range' } },
                },
              ]),
        ],
      },
      ...(articleTicks.length > 0
        ? [{ data: { values: articleTicks }, mark: { type: 'tick' as const, color: COLORS.article, thickness: 2.5, size: 14 }, encoding: { y, x: { field: 'value', type: 'quantitative' as const }, tooltip: [{ field: 'label', type: 'nominal' as const }] } }]
        : []),
      ...axis.labels,
    ],
  };
}
