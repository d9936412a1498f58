/**
 * The reality check: for each published video model, the band the scenario predicts at that model's
 * own shape and measured setting (P5–P95, median) against the measured figure: inference GPU-seconds
 * for one clip above, training GPU-hours below. The data is a Backtest (src/calibration), computed
 * from the scenario the Result carries; nothing is resampled.
 *
 * Where the scenario's ranges are fitted from the same measurements, the band it is checked against in
 * sample is not a prediction: each figure's held-out band (its model's figures left out of the fit) is
 * drawn under the in-sample one, and the title quotes the held-out count. A figure measured on another
 * GPU than the scenario's is drawn in grey and not counted (the scenario's MFU is for its own GPU).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Backtest, BacktestRow, FigureKind, RatioSummary } from '../../src/calibration/backtest.js';
import { summaryOf } from '../../src/calibration/backtest.js';
import { rounded } from '../../src/format.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { rowAxis, rowLayout } from './row-labels.js';

const UNIT: Record<FigureKind, string> = { inference: 'GPU-seconds', training: 'GPU-hours' };

/** `26 of 26 inside P5–P95, measured / predicted 0.99×`. */
export function fitWords(s: RatioSummary): string {
  return `${s.inside} of ${s.count} inside P5–P95, measured / predicted ${s.geometricMean.toPrecision(2)}×`;
}

/** The reality check's finding, for the title: held out where the ranges are fitted, as they stand otherwise. */
export function realityFinding(result: Backtest): string {
  const name = result.scenario.name;
  const own = summaryOf(result, result.scenario.stepCost, 'inference');
  const held = summaryOf(result, result.scenario.stepCost, 'inference', 'held-out');
  if (held && own) return `Held out, ${name}’s P5–P95 holds ${held.inside} of ${held.count} published inference timings (${own.inside} of ${own.count} in sample)`;
  if (!own) return `${name} against published video models`;
  const ratio = own.geometricMean;
  const off = ratio > 1.5 || ratio < 1 / 1.5 ? `: measured GPU-seconds are ${rounded(ratio, 2)}× its prediction` : '';
  return `${name}’s P5–P95 holds ${own.inside} of ${own.count} published inference timings${off}`;
}

function panel(result: Backtest, kind: FigureKind, wanted: ChartLayout) {
  const rows = result.rows.filter((r) => r.kind === kind);
  // Both panels share the width the longer names leave.
  const layout = rowLayout(result.rows.map((r) => r.label), wanted);
  const heldRows = rows.flatMap((r) => ('unavailable' in r.heldOut || r.heldOut === undefined || !needsHeldOut(result) ? [] : [{ label: r.label, p5: r.heldOut.p5, p50: r.heldOut.p50, p95: r.heldOut.p95 }]));
  const values = rows.map((r) => ({
    ...r,
    measuredLabel: `${rounded(r.measured)}${r.thirdParty ? ' (third-party)' : ''}${r.counted ? '' : ', not counted'}`,
    colour: r.counted ? COLORS.published : COLORS.reference,
    right: Math.max(r.p95, r.measured, ...heldRows.filter((h) => h.label === r.label).map((h) => h.p95)),
  }));
  const plan = planAxis([...rows.flatMap((r) => [r.p5, r.p95, r.measured]), ...heldRows.flatMap((h) => [h.p5, h.p95])], true, layout.width);
  // Room on the right for the measured figure written after each row's band (desktop).
  const [lo, hi] = plan.domain;
  const wide = layout.narrow ? plan : { ...plan, domain: [lo, hi * (hi / lo) ** 0.35] as [number, number] };
  const axis = rowAxis('label', rows.map((r) => r.label), layout, {
    bar: heldRows.length > 0 ? 16 : 9,
    step: heldRows.length > 0 ? 30 : 28,
    labelLimit: 420,
    above: (label) => `${label}: ${values.find((v) => v.label === label)!.measuredLabel} measured`,
  });
  const y = axis.y;
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: scaleOf(wide) });
  const own = summaryOf(result, result.scenario.stepCost, kind);
  const held = summaryOf(result, result.scenario.stepCost, kind, 'held-out');
  const offset = heldRows.length > 0 ? 4 : 0;
  return {
    title: { text: kind === 'inference' ? 'Inference: GPU-seconds for one clip' : 'Training: GPU-hours of the whole run', anchor: 'start' as const, fontSize: FONT_SIZE.subtitle + 1 },
    width: layout.width,
    height: { step: axis.step },
    layer: [
      {
        data: { values },
        mark: { type: 'rule' as const, color: COLORS.simulated, strokeWidth: 8, opacity: 0.35, strokeCap: 'butt' as const, yOffset: -offset },
        encoding: { y, x: { ...x('p5'), axis: axisOf(wide, UNIT[kind], `${UNIT[kind]}, log scale`, layout) }, x2: { field: 'p95' } },
      },
      { data: { values }, mark: { type: 'tick' as const, color: COLORS.simulated, thickness: 2, size: 10, yOffset: -offset }, encoding: { y, x: x('p50') } },
      ...(heldRows.length > 0
        ? [
            { data: { values: heldRows }, mark: { type: 'rule' as const, color: COLORS.simulatedAlt, strokeWidth: 4, opacity: 0.8, strokeCap: 'butt' as const, yOffset: offset + 1 }, encoding: { y, x: x('p5'), x2: { field: 'p95' } } },
          ]
        : []),
      {
        data: { values },
        mark: { type: 'point' as const, filled: true, size: 80, shape: 'diamond' },
        encoding: { y, x: x('measured'), color: { field: 'colour', type: 'nominal' as const, scale: null }, tooltip: [{ field: 'label', type: 'nominal' as const }, { field: 'measuredLabel', type: 'nominal' as const, title: 'measured' }, { field: 'source', type: 'nominal' as const }] },
      },
      ...(layout.narrow
        ? []
        : [{
            // After the row's band and diamond, never over them.
            data: { values },
            mark: { type: 'text' as const, align: 'left' as const, dx: 9, fontSize: FONT_SIZE.mark },
            encoding: { y, x: x('right'), text: { field: 'measuredLabel' }, color: { field: 'colour', type: 'nominal' as const, scale: null } },
          }]),
      ...axis.labels,
    ],
  };
}

/** Whether held-out bands are drawn: only where the scenario's ranges are this set's fit. */
function needsHeldOut(result: Backtest): boolean {
  return result.rangesFrom === 'this set';
}

/** The panel's fit line, for the page under the chart (a narrow chart does not draw it). */
export function realityFitLines(result: Backtest): string[] {
  return (['inference', 'training'] as const).flatMap((kind) => {
    const own = summaryOf(result, result.scenario.stepCost, kind);
    const held = summaryOf(result, result.scenario.stepCost, kind, 'held-out');
    if (!own) return [];
    const unavailable = held && held.unavailable > 0 ? ` (${held.unavailable} cannot be refitted without their own model: no held-out band)` : '';
    return [`${kind === 'inference' ? 'Inference' : 'Training'}: ${needsHeldOut(result) ? 'in sample' : 'as the scenario stands'} ${fitWords(own)}${held ? `; held out ${fitWords(held)}${unavailable}` : ''}`];
  });
}

export function realityCheckSpec(result: Backtest, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const fitted = needsHeldOut(result);
  const notCounted = result.rows.filter((r) => !r.counted).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: realityFinding(result),
      subtitle: [
        `Each model’s size, shape and measured setting pinned, ${result.scenario.name}’s other inputs (MFU, training budget, …) varied · ${result.scenario.stepCost} step cost`,
        `Blue: predicted P5–P95 and median${fitted ? ' with the ranges as fitted from every model (in sample)' : ''}${fitted ? ' · purple: P5–P95 with the ranges refitted without that model (held out)' : ''} · green diamond: the published figure`,
        ...(notCounted > 0 ? [`Grey diamond: measured on another GPU, shown but not counted (${notCounted} figure${notCounted === 1 ? '' : 's'})`] : []),
        ...(fitted ? [] : [`${result.scenario.name}’s ranges are not fitted from these figures: the bands are its own, as it stands`]),
        ...realityFitLines(result),
      ],
    },
    config: chartConfig(),
    vconcat: [panel(result, 'inference', layout), panel(result, 'training', layout)],
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

export type { BacktestRow };
