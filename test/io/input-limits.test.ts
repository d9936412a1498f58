/** Limits on input: names, Markdown, exit codes, special files and sizes, terminal escapes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { readInputFile, MAX_INPUT_BYTES } from '../../src/io/read.js';
import { printable } from '../../src/io/printable.js';
import { packagePath } from '../../src/paths.js';
import { readBaseline } from '../../src/regress/read.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { baselineCommand, checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';
import { soraError } from '../helpers/scenario-error.js';

const CLI = packagePath('dist', 'cli', 'cli.js');

describe('long names are refused before they cost memory', () => {
  const scratch = scratchDir();

  it('a 100,000-character name is bad input naming the limit, before anything is sampled or drawn', () => {
    const file = scratch.write('long.json', JSON.stringify({ name: 'n'.repeat(100_000) }));
    const error = soraError(() => loadScenario(file));
    expect(error.details.path).toBe('name');
    expect(error.details.expected).toMatch(/at most 100 characters/);
  });

  it('a 1,000-character name too', () => {
    expect(soraError(() => loadScenario(scratch.write('k.json', JSON.stringify({ name: 'n'.repeat(1000) })))).details.path).toBe('name');
  });
});

describe('scenario text cannot inject Markdown into the pull-request comment', () => {
  const scratch = scratchDir();

  it("check --markdown escapes the scenario name: no added heading, link, image or HTML comment", async () => {
    const name = '### ✅ no drift [c](https://evil.invalid) ![x](https://evil.invalid/x.png) <!-- hide';
    const scenario = scratch.write('evil.yaml', `name: ${JSON.stringify(name)}\nextends: article\nsamples: 200\n`);
    const out = join(scratch.dir, 'baselines');
    const made = await baselineCommand({ scenarios: [scenario], out, progress: false });
    expect(made.exitCode, made.stderr).toBe(0);
    const markdown = join(scratch.dir, 'comment.md');
    const outcome = await checkCommand({ targets: [out], markdown, progress: false });
    expect(outcome.exitCode).toBe(0);
    const text = readFileSync(markdown, 'utf8');
    expect(text).not.toContain('<!--');
    expect(text).not.toMatch(/[^\\]\]\(https:\/\/evil/);
    // The only headings are the verdict and one per baseline section; the name's ### is escaped.
    expect(text.split('\n').filter((line) => /^#{1,6} /.test(line) && line.includes('evil'))).toEqual([]);
  }, 60_000);
});

describe('bad input exits 2, never 3', () => {
  const scratch = scratchDir();

  it('a YAML alias bomb is malformed YAML (a SoraError), not "Excessive alias count"', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    lines.push('description: *i');
    const error = soraError(() => loadScenario(scratch.write('bomb.yaml', `${lines.join('\n')}\n`)));
    expect(error.message).toMatch(/malformed YAML/);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001b[2Jb'],
    ['U+FFFE', 'a\ufffeb'],
    ['U+202E', 'a\u202eb'],
  ])('a name with %s is bad input, not "SVG data parsing failed"', (_label, name) => {
    const error = soraError(() => loadScenario(scratch.write(`ctl-${_label}.json`, JSON.stringify({ name }))));
    expect(error.details.path).toBe('name');
  });

  it('a name over 255 bytes is bad input, not ENAMETOOLONG', () => {
    expect(soraError(() => loadScenario(scratch.write('bytes.json', JSON.stringify({ name: 'é'.repeat(130) })))).details.path).toBe('name');
  });
});

describe('special files and oversized files are refused', () => {
  const scratch = scratchDir();

  it('a FIFO as the scenario is refused at once (no hang)', () => {
    const fifo = join(scratch.dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(soraError(() => loadScenario(fifo)).message).toMatch(/not a regular file/);
  });

  it('a FIFO in the baselines folder is refused at once (no hang)', async () => {
    const dir = join(scratch.dir, 'baselines');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const outcome = await checkCommand({ targets: [dir], progress: false });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/not a regular file/);
  });

  it('extends: /dev/zero reads nothing', () => {
    expect(() => loadScenario(scratch.write('zero.yaml', 'extends: /dev/zero\n'))).toThrow(SoraError);
    expect(soraError(() => readInputFile('/dev/zero', 'the scenario file')).message).toMatch(/not a regular file/);
  });

  it('a file over the size limit is refused, the error stating the limit', () => {
    const big = scratch.write('big.yaml', `description: "${'x'.repeat(MAX_INPUT_BYTES)}"\n`);
    const error = soraError(() => loadScenario(big));
    expect(error.message).toMatch(/too large/);
    expect(error.details.expected).toBe('at most 16.0 MB');
  });

  it('a 50 MB description cannot reach three files: descriptions are limited too', () => {
    const error = soraError(() => loadScenario(scratch.write('desc.yaml', `description: "${'x'.repeat(5000)}"\n`)));
    expect(error.details.path).toBe('description');
  });
});

describe('terminal escapes in names and seeds are refused or escaped', () => {
  it('a seed with control characters is refused, the error escaped', () => {
    const { status, stderr } = spawnSync(process.execPath, [CLI, 'run', 'article', '--samples', '100', '--seed', 'a\u001b[2J\u202e'], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).not.toMatch(/[\u001b\u202e]/);
  });

  it('printable() escapes ESC, OSC title sequences, U+202E and U+FFFE, and keeps JSON valid', () => {
    const text = 'x\u001b[2J\u001b]0;pwned\u0007\u202e\ufffe\u0085';
    const escaped = printable(JSON.stringify({ text }));
    expect(escaped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\ufffe]/);
    expect(JSON.parse(escaped).text).toBe(text);
  });
});

describe('file names, seeds and counts at their limits', () => {
  const scratch = scratchDir();

  it('multi-document YAML is bad input, not silently the first document', () => {
    expect(soraError(() => loadScenario(scratch.write('two.yaml', 'name: a\n---\nname: b\n'))).details.found).toMatch(/2 documents/);
  });

  it('a BOM in a baseline is accepted', () => {
    const text = readFileSync(packagePath('baselines', 'article.json'), 'utf8');
    const file = scratch.write('bom.json', `\uFEFF${text}`);
    expect(readBaseline(file).baseline.scenario.name).toBe('article');
  });

  it('seed 9007199254740993 in a scenario file is refused with a hint to quote it (it would be read as …992)', () => {
    const error = soraError(() => loadScenario(scratch.write('seed.yaml', 'seed: 9007199254740993\n')));
    expect(error.details.hint).toMatch(/"9007199254740993"/);
  });

  it('non-ASCII names and ".." do not share a file name', async () => {
    const { fileSafe } = await import('../../src/paths.js');
    expect(new Set([fileSafe('..'), fileSafe('日本'), fileSafe('中文'), fileSafe('_')]).size).toBe(4);
  });
});
