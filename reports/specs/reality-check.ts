/**
 * The reality check: for each published video model, the band the scenario predicts at that model's
 * own shape and measured setting (P5–P95, median) against the measured figure: inference GPU-seconds
 * for one clip above, training GPU-hours below. The data is a Backtest (src/calibration), computed
 * from the scenario the Result carries; nothing is resampled.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Backtest, BacktestRow, FigureKind } from '../../src/calibration/backtest.js';
import { summaryOf } from '../../src/calibration/backtest.js';
import { rounded } from '../../src/format.js';
import { chartConfig, COLORS, FONT_SIZE, WIDTH } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';

const UNIT: Record<FigureKind, string> = { inference: 'GPU-seconds', training: 'GPU-hours' };

function panel(result: Backtest, kind: FigureKind) {
  const rows: (BacktestRow & { measuredLabel: string })[] = result.rows
    .filter((r) => r.kind === kind)
    .map((r) => ({ ...r, measuredLabel: `${rounded(r.measured)}${r.thirdParty ? ' (third-party)' : ''}` }));
  const plan = planAxis(rows.flatMap((r) => [r.p5, r.p95, r.measured]), true, WIDTH);
  const y = { field: 'label', type: 'nominal' as const, sort: rows.map((r) => r.label), axis: { title: null, labelLimit: 420, labelFontSize: FONT_SIZE.axisLabel } };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: scaleOf(plan) });
  const s = summaryOf(result, result.scenario.stepCost, kind);
  const fit = s
    ? `${s.inside} of ${s.count} inside P5–P95; measured / predicted median: geometric mean ${s.geometricMean.toPrecision(3)}×, spread ×${rounded(s.geometricSpread, 3)}`
    : '';
  return {
    title: { text: kind === 'inference' ? 'Inference: GPU-seconds for one clip' : 'Training: GPU-hours of the whole run', subtitle: fit, anchor: 'start' as const, fontSize: FONT_SIZE.subtitle + 1 },
    width: WIDTH,
    height: { step: 28 },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rule' as const, color: COLORS.simulated, strokeWidth: 9, opacity: 0.35, strokeCap: 'round' as const },
        encoding: { y, x: { ...x('p5'), axis: axisOf(plan, UNIT[kind], `${UNIT[kind]}, log scale`) }, x2: { field: 'p95' } },
      },
      { mark: { type: 'tick' as const, color: COLORS.simulated, thickness: 3, size: 18 }, encoding: { y, x: x('p50') } },
      { mark: { type: 'point' as const, filled: true, size: 90, shape: 'diamond', color: COLORS.published }, encoding: { y, x: x('measured') } },
      {
        mark: { type: 'text' as const, align: 'left' as const, dx: 9, color: COLORS.published, fontSize: FONT_SIZE.mark },
        encoding: { y, x: x('measured'), text: { field: 'measuredLabel' } },
      },
    ],
  };
}

export function realityCheckSpec(result: Backtest): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Reality check: the model at published video models’ own shapes, against what they measured',
      subtitle: [
        `Scenario ${result.scenario.name}, ${result.scenario.stepCost} step cost; each model’s size, shape and measured setting pinned, the scenario’s other inputs (MFU, training budget, …) varied`,
        'Blue: predicted P5–P95 and median · green diamond: the published figure (third-party figures say so)',
      ],
    },
    config: chartConfig(),
    vconcat: [panel(result, 'inference'), panel(result, 'training')],
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}
