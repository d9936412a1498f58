/**
 * The check report for the terminal: the headline and method (with the family-wise false-alarm
 * rate), one summary line per baseline, then for each baseline with something to say its tier,
 * likely cause, notes and a table of only the percentiles that moved.
 */
import { toJson } from '../io/json.js';
import { display } from '../paths.js';
import { CHECK_FORMAT, type CheckOutcome, type CheckReport } from '../regress/report.js';
import { badInputPrinted, type Printed } from './printed.js';
import { textTable, type Column } from './table.js';
import { wrapParagraph } from './wrap.js';
import { baselineSections, headline, ROW_HEAD, rowCells, seedLine, SUMMARY_HEAD, summaryCells } from './check-words.js';

/** Columns of the summary (one line per baseline) and of the moved percentiles: text wraps at spaces, numbers never. */
const SUMMARY_COLUMNS: Column[] = SUMMARY_HEAD.map((head, i) => ({ head, align: i === 3 || i === 4 ? 'right' : 'left' }));
const ROW_COLUMNS: Column[] = ROW_HEAD.map((head, i) => ({ head, align: i >= 2 && i <= 5 ? 'right' : 'left' }));

/** Indent of the lines under a baseline's heading. */
const INDENT = '  ';

export function checkText(report: CheckReport, cwd?: string, width = Infinity): string {
  const paragraph = (text: string, indent = '', hanging = `${indent}  `) => wrapParagraph(text, width, indent, hanging);
  const lines = [
    paragraph(`sora-mc check: ${headline(report)}`),
    paragraph(`method: ${report.method.statistical}`, '', '        '),
    paragraph(report.method.exact, '        ', '        '),
  ];
  const seed = seedLine(report);
  if (seed) lines.push(paragraph(seed));
  lines.push('', textTable(SUMMARY_COLUMNS, report.baselines.map((b) => summaryCells(b, report.family, cwd)), width));
  for (const { b, verdict, tier, cause, notes, moved } of baselineSections(report, cwd)) {
    lines.push('', paragraph(`${b.scenario.name} (${display(b.file, cwd)}): ${verdict}`), paragraph(tier, INDENT));
    // Cause lines that are indented already (one per changed input) keep their deeper indent.
    for (const line of [...cause, ...notes]) lines.push(line.startsWith(' ') ? paragraph(line.trimStart(), `${INDENT}  `) : paragraph(line, INDENT));
    if (moved.length > 0) {
      const table = textTable(ROW_COLUMNS, moved.map((row) => rowCells(row, report.family)), width - INDENT.length);
      lines.push('', ...table.split('\n').map((line) => (line === '' ? '' : `${INDENT}${line}`)));
    }
  }
  lines.push('', report.ok ? 'result: every percentile holds (exit 0)' : 'result: drift (exit 1)');
  return lines.join('\n');
}

/** What `sora-mc check` prints: the report as text (or JSON), or the bad input. */
export function checkPrinted(outcome: CheckOutcome, json: boolean | undefined, width = Infinity): Printed {
  if (!outcome.report) return badInputPrinted(outcome.errors, json, CHECK_FORMAT);
  return {
    stdout: json ? toJson(outcome.report) : `${checkText(outcome.report, undefined, width)}\n`,
    stderr: outcome.markdownFile ? `Markdown report written to ${outcome.markdownFile}\n` : '',
  };
}
