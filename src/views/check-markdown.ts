/**
 * The check report as Markdown for a pull-request comment: a verdict heading, one table row per
 * baseline, the likely cause and the moved percentiles of each drifting baseline, and the method
 * with its family-wise false-alarm rate. Moved rows are capped per baseline so the comment stays
 * under GitHub's size limit; the JSON report has every row.
 */
import { escapeMarkdown } from '../../reports/markdown.js';
import { display } from '../paths.js';
import type { CheckReport } from '../regress/report.js';
import { baselineSections, headline, ROW_HEAD, rowCells, seedLine, SUMMARY_HEAD, summaryCells } from './check-words.js';

/** Moved rows listed per baseline in a comment. */
export const MARKDOWN_ROW_LIMIT = 60;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;');
}

function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/**
 * The report with every scenario name escaped for Markdown (reports/markdown.ts), so a name cannot
 * add a heading, a link, an image or an HTML comment to the comment. Pipes are left to cell().
 */
function escapedNames(report: CheckReport): CheckReport {
  const name = (text: string) => escapeMarkdown(text).replace(/\\\|/g, '|');
  return { ...report, baselines: report.baselines.map((b) => ({ ...b, scenario: { ...b.scenario, name: name(b.scenario.name) } })) };
}

export function checkMarkdown(unescaped: CheckReport, cwd?: string): string {
  const report = escapedNames(unescaped);
  const lines = [`### sora-mc check: ${report.ok ? '✅' : '❌'} ${headline(report)}`, ''];
  lines.push(
    ...table(
      SUMMARY_HEAD.map((h, i) => (i === 0 ? 'status' : h)),
      report.baselines.map((b) => {
        const cells = summaryCells(b, report.family, cwd);
        cells[0] = b.ok ? '✅ ok' : '❌ drift';
        cells[7] = `\`${cells[7]}\``;
        return cells;
      }),
      [3, 4],
    ),
  );
  for (const { b, verdict, tier, cause, notes, moved } of baselineSections(report, cwd)) {
    lines.push('', `#### ${b.scenario.name}: ${verdict}`, '', `- ${tier}`);
    for (const line of cause) lines.push(line.startsWith('  ') ? `  - ${line.trim()}` : `- **${line}**`);
    for (const line of notes) lines.push(`- ${line}`);
    if (moved.length > 0) {
      lines.push('', ...table(ROW_HEAD, moved.slice(0, MARKDOWN_ROW_LIMIT).map((row) => rowCells(row, report.family)), [2, 3, 4, 5]));
      if (moved.length > MARKDOWN_ROW_LIMIT) {
        lines.push('', `… and ${moved.length - MARKDOWN_ROW_LIMIT} more moved percentiles in \`${display(b.file, cwd)}\` (run with --json for all).`);
      }
    }
  }
  const seed = seedLine(report);
  lines.push('', '<details><summary>Method</summary>', '', `- ${report.method.statistical}`, `- ${report.method.exact}`);
  if (seed) lines.push(`- ${seed}`);
  lines.push(`- ${report.tool}`, '', '</details>', '');
  return lines.join('\n');
}
