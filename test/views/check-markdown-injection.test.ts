/**
 * `check --markdown` escaped only the scenario name. The seed
 * (from the baseline file), the baseline's file name and the scenario path went into the
 * pull-request comment raw, so a baseline edited in a pull request could add an image (a tracking
 * pixel), a link, HTML or bold "✅ no drift" text to the comment of a failing check, or break out
 * of the file name's code span with a backtick.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand, baselineCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';

const EVIL = '![x](https://evil.invalid/t.png) <img src=x> [c](https://evil.invalid) **✅ no drift** `';

describe('check --markdown escapes every text that comes from a baseline file', () => {
  const scratch = scratchDir();

  it('a hostile seed and file name add no image, link, HTML or emphasis to the comment', async () => {
    const scenario = scratch.write('plain.yaml', 'name: plain\nextends: article\nsamples: 400\n');
    const out = join(scratch.dir, 'baselines');
    const made = await baselineCommand({ scenarios: [scenario], out, progress: false });
    expect(made.exitCode, made.stderr).toBe(0);
    const file = join(out, 'plain.json');
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { run: { seed: string } };
    baseline.run.seed = `1 ${EVIL}`;
    writeFileSync(file, JSON.stringify(baseline));
    const hostileFile = join(out, `p${EVIL.replace(/\//g, '-')}.json`);
    renameSync(file, hostileFile);

    const markdown = join(scratch.dir, 'comment.md');
    const outcome = await checkCommand({ targets: [out], markdown, progress: false });
    expect(outcome.exitCode).toBe(1); // the seed no longer gives the recorded numbers: drift, and the comment must say so
    const text = readFileSync(markdown, 'utf8');
    expect(text).toContain('evil.invalid'); // the texts are there, shown as written …
    expect(text).not.toMatch(/[^\\]!\[/); // … but no image,
    expect(text).not.toMatch(/[^\\]\]\(/); // no link,
    expect(text).not.toContain('<img'); // no HTML,
    expect(text).not.toMatch(/[^\\]\*\*✅/); // no bold verdict,
    // and no code span opened by a backtick of the file name: every backtick left is escaped.
    expect(text.replace(/\\`/g, '')).not.toContain('`');
  }, 60_000);
});
