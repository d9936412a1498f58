/**
 * The distribution of one output as a histogram of the Result's bins, on a log axis where
 * the bins are log-spaced (the output spans more than two decades), with P10/P50/P90 rules, the article's figures and (for throughput and
 * cost) published models and prices marked for comparison.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatRounded, usdRounded } from '../../src/format.js';
import type { OutputKey } from '../../src/model/outputs.js';
import type { OutputStats, Result } from '../../src/result/types.js';
import { articleMarks } from '../article-marks.js';
import { band } from '../bands.js';
import { fleetIsAverage, outputLabel } from '../fleet-wording.js';
import { measuredCosts, measuredThroughputs, soraPrices } from '../reference.js';
import { distributionFinding } from '../findings.js';
import { DESKTOP, type ChartLayout } from '../layout.js';
import { chartConfig, COLORS, HEIGHT } from '../theme.js';
import { axisOf, planAxis, scaleOf } from './axis-plan.js';
import { percentileMarkerList, verticalMarkers, type Marker } from './markers.js';
import { labelWithUnit, rangeLine } from './subtitle.js';

export interface DisplayBin {
  x0: number;
  x1: number;
  /** Samples in the bin ÷ all samples. */
  share: number;
  /** Density along the drawn axis (per unit of x, or per decade on a log axis), the tallest bin = 1. */
  height: number;
}

/**
 * The histogram as drawn: each bar's height is its share of samples divided by its width on the
 * axis (so areas stay proportional to probability even when linear bins sit on a log axis),
 * scaled so the tallest bar is 1. A histogram of one value (all samples equal) draws one thin bar.
 */
export function displayBins(stats: OutputStats, logAxis: boolean): DisplayBin[] {
  const { bins } = stats.histogram;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return [];
  if (bins.length === 1 || bins.every((bin) => bin.x0 === bins[0]!.x0 && bin.x1 === bins[0]!.x1)) {
    const x = bins[0]!.x0;
    const half = Math.abs(x) * 0.01 || 0.5;
    return [{ x0: logAxis ? x / 1.02 : x - half, x1: logAxis ? x * 1.02 : x + half, share: 1, height: 1 }];
  }
  const width = (bin: { x0: number; x1: number }) => (logAxis ? Math.log10(bin.x1) - Math.log10(bin.x0) : bin.x1 - bin.x0);
  const drawn = bins.filter((bin) => width(bin) > 0);
  const densities = drawn.map((bin) => bin.count / total / width(bin));
  const tallest = Math.max(...densities);
  return drawn.map((bin, i) => ({ x0: bin.x0, x1: bin.x1, share: bin.count / total, height: densities[i]! / tallest }));
}

/** Published figures to mark on an output's distribution, in its unit. */
export function publishedMarkers(result: Result, key: OutputKey): Marker[] {
  if (key === 'videoMinutesPerGpuHour') {
    return measuredThroughputs().map((m) => ({ value: m.minutesPerGpuHour, label: `${m.name} ${formatRounded(m.minutesPerGpuHour, 'min')}`, kind: 'published' }));
  }
  if (key === 'costPerVideoMinuteUsd') {
    const price = result.scenario.inputs.gpuHourPrice.p50;
    // Costs from published timings are computed here (timing × this scenario's median GPU price): their labels say so.
    const computed = measuredCosts(price).map((p): Marker => ({ value: p.usdPerVideoMinute, label: `${p.label} ${usdRounded(p.usdPerVideoMinute)} (computed)`, kind: 'published' }));
    return [...computed, ...soraPrices().map((p): Marker => ({ value: p.usdPerVideoMinute, label: `${p.label} ${usdRounded(p.usdPerVideoMinute)}`, kind: 'published' }))];
  }
  return [];
}

/**
 * The reference values the axis stretches to include: on a log axis those within a decade of the bars,
 * on a linear one those up to half the bars' span beyond them. Others are drawn at the axis end with
 * an arrow (verticalMarkers), so one far-off price does not squeeze the distribution into a corner.
 */
export function nearReferences(bars: readonly DisplayBin[], markers: readonly Marker[], log: boolean): number[] {
  if (bars.length === 0) return markers.map((m) => m.value);
  const lo = Math.min(...bars.map((b) => b.x0));
  const hi = Math.max(...bars.map((b) => b.x1));
  const near = log ? (v: number) => v >= lo / 10 && v <= hi * 10 : (v: number) => v >= Math.min(0, lo) && v <= hi + (hi - lo) / 2;
  return markers.map((m) => m.value).filter(near);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The histogram of `key` with its percentiles and comparison marks. */
export function distributionSpec(result: Result, key: OutputKey, layout: ChartLayout = DESKTOP): TopLevelSpec {
  const stats = result.outputs[key];
  const b = band(stats);
  const height = layout.narrow ? 220 : HEIGHT;
  const article = articleMarks(key).map((m): Marker => ({ value: m.value, label: m.label, kind: 'article' }));
  const published = publishedMarkers(result, key);
  // The axis is logarithmic exactly when the Result's bins are log-spaced (outputs spanning more than two
  // decades), so bars are evenly spaced on either axis and no wide linear bin is stretched across a log axis.
  const log = stats.histogram.scale === 'log';
  const bars = displayBins(stats, log);
  const plan = planAxis([...bars.flatMap((bin) => [bin.x0, bin.x1]), ...nearReferences(bars, [...article, ...published], log)], log, layout.width, !log);
  const unitWords = stats.unit === 'USD/min' ? 'per minute' : stats.unit;
  const notes: string[] = [];
  if (article.length > 0) notes.push('orange: the article’s figures');
  if (published.length > 0) {
    notes.push(key === 'costPerVideoMinuteUsd'
      ? `green: published prices; “computed” (on wide screens): published GPU-seconds × ${usdRounded(result.scenario.inputs.gpuHourPrice.p50)} an H100-hour`
      : 'green: published single-GPU timings');
  }
  if (key === 'inferenceH100sPeak' && fleetIsAverage(result)) notes.push('peak-to-average, utilisation and candidates at 1: the average fleet');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: distributionFinding(result, key),
      subtitle: [rangeLine(b, stats.unit, unitWords), ...(notes.length > 0 ? [capitalise(notes.join(' · '))] : [])],
    },
    width: layout.width,
    height,
    config: chartConfig(),
    layer: [
      {
        data: { values: bars },
        mark: { type: 'rect', color: COLORS.simulated, opacity: 0.55 },
        encoding: {
          x: {
            field: 'x0',
            type: 'quantitative',
            scale: scaleOf(plan),
            axis: axisOf(plan, stats.unit, `${labelWithUnit(outputLabel(result, key), stats.unit)}${log ? ', log scale' : ''}`, layout),
          },
          x2: { field: 'x1' },
          y: { field: 'height', type: 'quantitative', scale: { domain: [0, 1.25] }, axis: { title: 'more likely ↑', labels: false, ticks: false, grid: false, domain: false } },
          y2: { datum: 0 },
          tooltip: [
            { field: 'x0', type: 'quantitative', title: 'from', format: ',.4~g' },
            { field: 'x1', type: 'quantitative', title: 'to', format: ',.4~g' },
            { field: 'share', type: 'quantitative', title: 'share of samples', format: '.2%' },
          ],
        },
      },
      // Narrow, the costs computed from published timings are left out (the throughput chart marks those timings): too many labels for a phone's width.
      ...verticalMarkers([...percentileMarkerList(b, stats.unit), ...article, ...(layout.narrow && key === 'costPerVideoMinuteUsd' ? published.filter((m) => !m.label.endsWith('(computed)')) : published)], plan, { layout }),
    ],
  };
}
