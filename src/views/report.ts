/**
 * What `sora-mc report` and `sora-mc compare` print: the path of report.html alone on stdout (so
 * `open "$(sora-mc report)"` works), the headline sentences and any chart warnings on stderr for
 * the person watching, or one JSON document with --json.
 */
import { headline, headlines } from '../../reports/headline.js';
import { outputBand } from '../../reports/bands.js';
import { readerRange } from '../format.js';
import { HEADLINE_OUTPUTS } from '../model/outputs.js';
import type { Result } from '../result/types.js';

export interface WrittenReport {
  dir: string;
  html: string;
  files: string[];
  warnings: string[];
}

/**
 * The best estimate's headline sentences, each with mission's band after the article's figure, under
 * a line saying which scenario this is and why it is the one to read.
 */
export function bestEstimateNotes(result: Result, mission: Result, why: string): string {
  const lines = HEADLINE_OUTPUTS.map((key) => {
    const b = outputBand(mission, key);
    const { unit } = mission.outputs[key];
    return `  ${headline(result, key).sentence} Mission: ${readerRange(b.p10, b.p90, unit)} (P10–P90).`;
  });
  return [`Best estimate: ${why}`, ...lines].join('\n');
}

/** The stderr text: each scenario's headline sentences (the best estimate's with mission beside, when given), then warnings. */
export function reportNotes(results: readonly Result[], written: WrittenReport, best?: { mission: Result; why: string }): string {
  const blocks = best && results.length === 1
    ? [bestEstimateNotes(results[0]!, best.mission, best.why)]
    : results.map((result) => [results.length > 1 ? `${result.scenario.name}:` : '', ...headlines(result).map((h) => `  ${h.sentence}`)].filter(Boolean).join('\n'));
  const warnings = written.warnings.map((w) => `warning: chart ${w}`);
  return [...blocks, ...warnings, `${written.files.length} files written to ${written.dir}`].join('\n\n');
}

/** The --json document. */
export function reportJson(written: WrittenReport) {
  return { report: written.html, dir: written.dir, files: written.files, warnings: written.warnings };
}
