// User text in Markdown (summary.md, check --markdown, backtest --markdown) neither notifies anyone nor
// carries a clickable link: GitHub turns `@org/team` into a team mention, `#12` into an issue reference,
// and bare `https://…`, `www.…` and e-mail addresses into links; escapeMarkdown breaks each with an
// invisible U+200D, so the comment shows the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, reportMarkdown } from '../../reports/markdown.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';
import { simulated } from './fixtures.js';

const NAME = '@org/team @me https://evil.example/x www.evil.example me@evil.example #12';

/** What GitHub would turn into a mention, a reference or a link. */
function linkable(text: string): string[] {
  return [
    ...text.matchAll(/(?<![\w/])@[A-Za-z0-9][\w-]*(\/[\w-]+)?/g),
    ...text.matchAll(/\b(?:https?|ftp):\/\//gi),
    ...text.matchAll(/\bwww\./gi),
    ...text.matchAll(/[\w.+-]@[\w-]+\.[\w.]+/g),
    ...text.matchAll(/(?<![\w&])#\d/g),
  ].map((m) => m[0]);
}

describe('Markdown from user text', () => {
  it('escapeMarkdown breaks mentions, issue references and autolinks, and shows the same characters', () => {
    const out = escapeMarkdown(NAME);
    expect(linkable(NAME).length).toBeGreaterThan(5);
    expect(linkable(out)).toEqual([]);
    expect(out.replace(/\u200d/g, '').replace(/\\/g, '')).toBe(NAME);
    expect(escapeMarkdown('4 @ 0.4 MFU, price $2 #1 choice')).not.toMatch(/@\u200d /);
  });

  it('summary.md (reportMarkdown) of a scenario named so: nothing linkable from the name', async () => {
    const mission = await simulated('mission');
    const md = reportMarkdown({ ...mission, scenario: { ...mission.scenario, name: NAME, description: NAME } });
    expect(linkable(md)).toEqual([]);
  });

  it('check --markdown of a baseline named so: nothing linkable', async () => {
    const scratch = scratchDir();
    const scenario = scratch.write('named.yaml', `name: ${JSON.stringify(NAME)}\nextends: article\nsamples: 400\n`);
    const out = join(scratch.dir, 'baselines');
    const made = await baselineCommand({ scenarios: [scenario], out, progress: false });
    expect(made.exitCode, made.stderr).toBe(0);
    const markdown = join(scratch.dir, 'comment.md');
    const outcome = await checkCommand({ targets: [out], markdown, progress: false });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    const text = readFileSync(markdown, 'utf8');
    expect(text).toContain('org/team');
    expect(linkable(text)).toEqual([]);
  }, 60_000);
});
