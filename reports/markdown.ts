/**
 * Markdown summaries for pull-request comments: the headline sentences, a P10/P50/P90 table and a
 * one-line method note. Every text is escaped for GitHub Markdown (including `$`, which GitHub
 * would read as math, and `<`, which it would read as HTML).
 */
import { formatRounded, readerRange } from '../src/format.js';
import { HEADLINE_OUTPUTS } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';
import { articleMarks } from './article-marks.js';
import { band } from './bands.js';
import { percentile } from '../src/result/percentile.js';
import { headlines } from './headline.js';
import { scenarioRowNames } from './scenario-names.js';
import { labelWithUnit } from './specs/subtitle.js';
import { twoCases } from './cases.js';
import { comparedLabel, outputLabel } from './fleet-wording.js';

/** An invisible character that breaks GitHub's mention, reference and autolink patterns and leaves the text as it reads. */
const ZWJ = '\u200d';

/**
 * Text that Markdown shows as written, inert: specials backslash-escaped, `<`, `>`, `&` as entities, one
 * line; and nothing GitHub would act on, though the text reads the same: a zero-width joiner after `@`
 * before a name (a mention of `@user` or `@org/team` notifies them; e-mail autolinks), after `#` before a
 * digit (an issue reference), inside `://` and after `www` (bare-URL autolinks). Every text from a user's
 * file reaches Markdown through here (summary.md, check --markdown, backtest --markdown).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|$~#]/g, (c) => `\\${c}`)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`);
}

function methodNote(result: Result): string {
  const { tool, run, scenario } = result;
  return escapeMarkdown(
    `${tool.name} ${tool.version} · ${run.samples.toLocaleString('en-US')} samples · seed ${run.seed} · ${run.generator.name} ${run.generator.version} · ${scenario.stepCost} step cost · assumptions sha256 ${scenario.hash.slice(0, 12)}`,
  );
}

/** The summary of one Result (with mission's P10–P90 beside each output when given: the best estimate's summary). */
export function reportMarkdown(result: Result, mission?: Result): string {
  const { scenario } = result;
  const rows = HEADLINE_OUTPUTS.map((key) => {
    const stats = result.outputs[key];
    const b = band(stats);
    const f = (x: number) => formatRounded(x, stats.unit);
    const article = articleMarks(key).map((m) => m.text).join(' / ') || '—';
    const cases = twoCases(stats);
    const p50 = cases ? cases.map((c) => f(c.value)).join(' or ') : f(b.p50);
    const beside = mission ? [readerRange(band(mission.outputs[key]).p10, band(mission.outputs[key]).p90, stats.unit)] : [];
    return `| ${[outputLabel(result, key), f(b.p10), p50, f(percentile(stats, 0.8).value), f(b.p90), stats.unit, ...beside, article].map(escapeMarkdown).join(' | ')} |`;
  });
  return [
    mission ? `### Sora compute, the best estimate: ${escapeMarkdown(scenario.name)}` : `### Sora compute: ${escapeMarkdown(scenario.name)}`,
    '',
    escapeMarkdown(scenario.description),
    '',
    ...headlines(result).map((h) => `- **${escapeMarkdown(h.lead)}:** ${escapeMarkdown(h.text)}`),
    '',
    `| Output | P10 | P50 | P80 | P90 | Unit |${mission ? ' mission P10–P90 |' : ''} Article’s figure |`,
    `|---|--:|--:|--:|--:|---|${mission ? '--:|' : ''}--:|`,
    ...rows,
    '',
    `<sub>${methodNote(result)}</sub>`,
    '',
  ].join('\n');
}

/** The summary of several Results side by side. */
export function compareMarkdown(results: readonly Result[]): string {
  const names = scenarioRowNames(results);
  const rows = HEADLINE_OUTPUTS.map((key) => {
    const { unit } = results[0]!.outputs[key];
    const label = comparedLabel(results, key);
    const cells = results.map((r) => {
      const b = band(r.outputs[key]);
      const f = (x: number) => formatRounded(x, unit);
      const cases = twoCases(r.outputs[key]);
      if (cases) return `${cases.map((c) => f(c.value)).join(' or ')} (two cases)`;
      return `${readerRange(b.p10, b.p90, unit)} (${f(b.p50)})`;
    });
    const article = articleMarks(key).map((m) => m.text).join(' / ') || '—';
    return `| ${[labelWithUnit(label, unit), ...cells, article].map(escapeMarkdown).join(' | ')} |`;
  });
  return [
    `### Sora compute: ${names.map(escapeMarkdown).join(' vs ')}`,
    '',
    'P10–P90 (median) of each headline output:',
    '',
    `| Output | ${names.map(escapeMarkdown).join(' | ')} | Article’s figure |`,
    `|---|${names.map(() => '--:').join('|')}|--:|`,
    ...rows,
    '',
    ...results.map((r, i) => `<sub>${escapeMarkdown(names[i]!)}: ${methodNote(r)}</sub><br>`),
    '',
  ].join('\n');
}
