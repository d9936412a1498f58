/**
 * The precision trace of a run to precision (`--precision`, Result.run.precision;
 * src/simulate/precision.ts): for each batch, the widest 95% interval half-width among the headline
 * P10/P50/P90, relative to its percentile, against the batch's sample count (log scale: batches double).
 * The target is a dashed rule; the batch the run stopped at is marked and labelled, met or not.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OUTPUTS, type OutputKey } from '../../src/model/outputs.js';
import type { PrecisionTrace, Result } from '../../src/result/types.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, FONT_SIZE } from '../theme.js';

const pct = (x: number) => `±${(x * 100).toPrecision(2)}%`;

export interface PrecisionRow {
  batch: number;
  samples: number;
  width: number;
  /** `Training P90 ±0.62%`. */
  label: string;
  met: boolean;
  last: boolean;
}

export function precisionRows(trace: PrecisionTrace): PrecisionRow[] {
  return trace.trace.map((b, i) => ({
    batch: i + 1,
    samples: b.samples,
    width: b.worst.relativeHalfWidth,
    label: `${OUTPUTS[b.worst.output as OutputKey]?.label ?? b.worst.output} P${Math.round(b.worst.p * 100)} ${pct(b.worst.relativeHalfWidth)}`,
    met: b.met,
    last: i === trace.trace.length - 1,
  }));
}

export function precisionSpec(result: Result, trace: PrecisionTrace, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const rows = precisionRows(trace);
  const last = rows.at(-1)!;
  const x = { field: 'samples', type: 'quantitative' as const, scale: { type: 'log' as const, base: 2, nice: false, domain: [rows[0]!.samples / 1.5, last.samples * 1.5] }, axis: { title: 'Samples (log scale; each batch doubles)', format: layout.narrow ? '~s' : ',', values: rows.map((r) => r.samples), labelOverlap: 'greedy' as const } };
  const highest = Math.max(trace.target, ...rows.map((r) => r.width));
  const y = { field: 'width', type: 'quantitative' as const, scale: { domain: [0, highest * 1.2], nice: false }, axis: { title: 'Widest interval, ±', format: '.1%', tickCount: 5 } };
  const stopped = trace.met ? `Stopped at batch ${last.batch}: ${last.samples.toLocaleString('en-US')} samples, target met` : `NOT MET: stopped at --max-samples ${last.samples.toLocaleString('en-US')}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: trace.met
        ? `${last.samples.toLocaleString('en-US')} samples pinned every headline P10, P50 and P90 to within ${pct(trace.target)}`
        : `The target of ${pct(trace.target)} was NOT met: the run stopped at ${last.samples.toLocaleString('en-US')} samples`,
      subtitle: [
        `Target: every headline P10, P50 and P90 known to within ${pct(trace.target)} (95% interval) · ${stopped}`,
        `Each point: the widest interval among the headline percentiles at that batch, and which one · ${result.scenario.name}`,
      ],
    },
    width: layout.width,
    height: 220,
    config: chartConfig(),
    layer: [
      {
        data: { values: [{ target: trace.target, label: `target ${pct(trace.target)}` }] },
        layer: [
          { mark: { type: 'rule', color: COLORS.article, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { field: 'target', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'left', baseline: 'bottom', x: 4, dy: -3, color: COLORS.article, fontSize: FONT_SIZE.mark }, encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
      {
        data: { values: rows },
        layer: [
          { mark: { type: 'line', color: COLORS.simulated, point: false }, encoding: { x, y } },
          {
            mark: { type: 'point', filled: true, color: COLORS.simulated },
            encoding: {
              x,
              y,
              size: { condition: { test: 'datum.last', value: 160 }, value: 50 },
              shape: { condition: { test: 'datum.last', value: 'diamond' }, value: 'circle' },
              tooltip: [
                { field: 'batch', type: 'quantitative', title: 'batch' },
                { field: 'samples', type: 'quantitative', title: 'samples', format: ',' },
                { field: 'label', type: 'nominal', title: 'widest interval' },
              ],
            },
          },
          {
            transform: [{ filter: 'datum.last' }],
            // Below and left of the last point: the line arrives from the upper left, the target rule runs through it.
            mark: { type: 'text', align: 'right', baseline: 'top', dx: -6, dy: 12, color: COLORS.text, fontSize: FONT_SIZE.mark },
            encoding: { x, y, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
