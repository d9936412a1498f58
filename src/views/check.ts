/**
 * The check report for the terminal: the headline and method (with the family-wise false-alarm
 * rate), one summary line per baseline, then for each baseline with something to say its tier,
 * likely cause, notes and a table of only the percentiles that moved.
 */
import { toJson } from '../io/json.js';
import { display } from '../paths.js';
import { CHECK_FORMAT, type CheckOutcome, type CheckReport } from '../regress/report.js';
import { badInputPrinted, type Printed } from './printed.js';
import { textTable } from './table.js';
import { baselineSections, headline, ROW_HEAD, rowCells, seedLine, SUMMARY_HEAD, summaryCells } from './check-words.js';

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
  for (const { b, verdict, tier, cause, notes, moved } of baselineSections(report, cwd)) {
    lines.push('', `${b.scenario.name} (${display(b.file, cwd)}): ${verdict}`, `  ${tier}`);
    for (const line of [...cause, ...notes]) lines.push(`  ${line}`);
    if (moved.length > 0) {
      const table = textTable(ROW_HEAD, moved.map((row) => rowCells(row, report.family)), ['left', 'left', 'right', 'right', 'right', 'right']);
      lines.push('', ...table.split('\n').map((line) => `  ${line}`));
    }
  }
  lines.push('', report.ok ? 'result: every percentile holds (exit 0)' : 'result: drift (exit 1)');
  return lines.join('\n');
}

/** What `sora-mc check` prints: the report as text (or JSON), or the bad input. */
export function checkPrinted(outcome: CheckOutcome, json: boolean | undefined): Printed {
  if (!outcome.report) return badInputPrinted(outcome.errors, json, CHECK_FORMAT);
  return {
    stdout: json ? toJson(outcome.report) : `${checkText(outcome.report)}\n`,
    stderr: outcome.markdownFile ? `Markdown report written to ${outcome.markdownFile}\n` : '',
  };
}
