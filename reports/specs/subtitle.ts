/** The words of a chart's subtitle lines: the P10–P90 range, a span of two values, an axis title with its unit, what a chart was drawn from. */
import { formatRounded, readerRange } from '../../src/format.js';
import type { Result } from '../../src/result/types.js';
import type { Band } from '../bands.js';

/** `Scenario mission · 20,000 samples · seed 2024 · article step cost`: what a chart was drawn from. */
export function scenarioLine(result: Result): string {
  const { scenario, run } = result;
  return `Scenario ${scenario.name} · ${run.samples.toLocaleString('en-US')} samples · seed ${run.seed} · ${scenario.stepCost} step cost`;
}

/** `lo–hi` as `f` writes them, or one value when both read the same (`124k`, not `124k–124k`). */
export function span(lo: number, hi: number, f: (x: number) => string): string {
  const [a, b] = [f(lo), f(hi)];
  return a === b ? a : `${a}–${b}`;
}

/** `P10–P90: 10,600–41,300 H100s · median 20,800`. */
export function rangeLine(b: Band, unit: string, unitWords = unit): string {
  const f = (x: number) => formatRounded(x, unit);
  if (f(b.p10) === f(b.p90)) return `P10 = P50 = P90 = ${f(b.p50)} ${unitWords}`;
  return `P10–P90: ${readerRange(b.p10, b.p90, unit)} ${unitWords} · median ${f(b.p50)}`;
}

/** `Cost per video minute (USD/min)`, but `Training H100s`, not `Training H100s (H100s)`: the unit once. */
export function labelWithUnit(label: string, unit: string): string {
  return label.toLowerCase().includes(unit.toLowerCase()) ? label : `${label} (${unit})`;
}
