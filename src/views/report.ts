/**
 * What `sora-mc report` and `sora-mc compare` print: the path of report.html alone on stdout (so
 * `open "$(sora-mc report)"` works), the headline sentences and any chart warnings on stderr for
 * the person watching, or one JSON document with --json.
 */
import { headlines } from '../../reports/headline.js';
import type { Result } from '../result/types.js';

export interface WrittenReport {
  dir: string;
  html: string;
  files: string[];
  warnings: string[];
}

/** The stderr text: each scenario's headline sentences, then warnings. */
export function reportNotes(results: readonly Result[], written: WrittenReport): string {
  const blocks = results.map((result) => [results.length > 1 ? `${result.scenario.name}:` : '', ...headlines(result).map((h) => `  ${h.sentence}`)].filter(Boolean).join('\n'));
  const warnings = written.warnings.map((w) => `warning: chart ${w}`);
  return [...blocks, ...warnings, `${written.files.length} files written to ${written.dir}`].join('\n\n');
}

/** The --json document. */
export function reportJson(written: WrittenReport) {
  return { report: written.html, dir: written.dir, files: written.files, warnings: written.warnings };
}
