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

/**
 * Every text of the comment is escaped for Markdown (reports/markdown.ts) where it is placed: names,
 * seeds, file names and paths come from baseline files a pull request may edit, so none of them
 * can add a heading, a link, an image, HTML, emphasis or a code span. Only the structure below
 * (headings, lists, tables, bold causes, the details block) is Markdown.
 */
const md = escapeMarkdown;

function cell(text: string): string {
  return md(text);
}

function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

export function checkMarkdown(report: CheckReport, cwd?: string): string {
  const lines = [`### sora-mc check: ${report.ok ? '✅' : '❌'} ${md(headline(report))}`, ''];
  lines.push(
    ...table(
      SUMMARY_HEAD.map((h, i) => (i === 0 ? 'status' : h)),
      report.baselines.map((b) => {
        const cells = summaryCells(b, report.family, cwd);
        cells[0] = b.ok ? '✅ ok' : '❌ drift';
        return cells;
      }),
      [3, 4],
    ),
  );
  for (const { b, verdict, tier, cause, notes, moved } of baselineSections(report, cwd)) {
    lines.push('', `#### ${md(b.scenario.name)}: ${md(verdict)}`, '', `- ${md(tier)}`);
    for (const line of cause) lines.push(line.startsWith('  ') ? `  - ${md(line.trim())}` : `- **${md(line)}**`);
    for (const line of notes) lines.push(`- ${md(line)}`);
    if (moved.length > 0) {
      lines.push('', ...table(ROW_HEAD, moved.slice(0, MARKDOWN_ROW_LIMIT).map((row) => rowCells(row, report.family)), [2, 3, 4, 5]));
      if (moved.length > MARKDOWN_ROW_LIMIT) {
        lines.push('', `… and ${moved.length - MARKDOWN_ROW_LIMIT} more moved percentiles in ${md(display(b.file, cwd))} (run with --json for all).`);
      }
    }
  }
  const seed = seedLine(report);
  lines.push('', '<details><summary>Method</summary>', '', `- ${md(report.method.statistical)}`, `- ${md(report.method.exact)}`);
  if (seed) lines.push(`- ${md(seed)}`);
  lines.push(`- ${md(report.tool)}`, '', '</details>', '');
  return lines.join('\n');
}
