/**
 * The check report for the terminal: the headline and method (with the family-wise false-alarm
 * rate), one summary line per baseline, then for each baseline with something to say its tier,
 * likely cause, notes and a table of only the percentiles that moved.
 */
import { textTable } from '../views/table.js';
import type { CheckReport } from './report.js';
import { causeLines, headline, noteLines, ROW_HEAD, rowCells, seedLine, SUMMARY_HEAD, summaryCells, tierLine, display } from './describe.js';

export function checkText(report: CheckReport, cwd?: string): string {
  const lines = [`sora-mc check: ${headline(report)}`, `method: ${report.method.statistical}`, `        ${report.method.exact}`];
  const seed = seedLine(report);
  if (seed) lines.push(seed);
  lines.push(
    '',
    textTable(
      SUMMARY_HEAD,
      report.baselines.map((b) => summaryCells(b, report.family, cwd)),
      ['left', 'left', 'left', 'right', 'right'],
    ),
  );
  for (const b of report.baselines) {
    const cause = causeLines(b, cwd);
    const notes = noteLines(b);
    const moved = b.rows.filter((row) => row.verdict === 'moved');
    if (b.ok && cause.length === 0 && notes.length === 0) continue;
    lines.push('', `${b.scenario.name} (${display(b.file, cwd)}): ${b.ok ? 'holds' : `${moved.length} of ${b.compared} percentiles moved`}`);
    lines.push(`  ${tierLine(b)}`);
    for (const line of [...cause, ...notes]) lines.push(`  ${line}`);
    if (moved.length > 0) {
      const table = textTable(ROW_HEAD, moved.map((row) => rowCells(row, report.family)), ['left', 'left', 'right', 'right', 'right', 'right']);
      lines.push('', ...table.split('\n').map((line) => `  ${line}`));
    }
  }
  lines.push('', report.ok ? 'result: every percentile holds (exit 0)' : 'result: drift (exit 1)');
  return lines.join('\n');
}
