/**
 * Percentiles as CSV, one row per (scenario, output, statistic): every output's P1…P99 with its
 * confidence interval, then mean, sd, min and max. Full precision for machines; RFC 4180 quoting;
 * text that a spreadsheet would run as a formula (starting with = + - @) is prefixed with '.
 */
import type { Result } from '../src/result/types.js';
import { OUTPUT_KEYS } from '../src/model/outputs.js';
import { scenarioRowNames } from './scenario-names.js';
import { deepFrozen } from '../src/frozen.js';

export const CSV_HEADER = deepFrozen(['scenario', 'output', 'label', 'unit', 'statistic', 'value', 'ci_lower', 'ci_upper', 'ci_confidence'] as const);

/** One text field, quoted when it holds a comma, quote or line break, defused when it starts like a formula. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

/** The statistic name of a percentile: `P10`, `P2.5`. */
export function percentileName(p: number): string {
  return `P${Number((p * 100).toPrecision(10))}`;
}

/** The rows of one Result (no header); `scenario` names it in the first column (default: its scenario's name). */
export function percentileRows(result: Result, scenario = result.scenario.name): string[] {
  const lines: string[] = [];
  const confidence = result.method.confidence;
  for (const key of OUTPUT_KEYS) {
    const stats = result.outputs[key];
    const row = (statistic: string, value: number, lower: number | '' = '', upper: number | '' = '', level: number | '' = '') =>
      csvLine([scenario, key, stats.label, stats.unit, statistic, value, lower, upper, level]);
    for (const q of stats.percentiles) lines.push(row(percentileName(q.p), q.value, q.lower, q.upper, confidence));
    lines.push(row('mean', stats.mean), row('sd', stats.sd), row('min', stats.min), row('max', stats.max));
  }
  return lines;
}

/** The CSV of one or more Results, with a header line; scenarios named as everywhere in a comparison (scenario-names.ts). */
export function percentilesCsv(results: readonly Result[]): string {
  const names = scenarioRowNames(results);
  return [CSV_HEADER.join(','), ...results.flatMap((result, i) => percentileRows(result, names[i]))].join('\r\n') + '\r\n';
}
