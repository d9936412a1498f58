/** Errors never quote more than a short, escaped excerpt of what they found. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoraError, show } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { checkCommand } from '../helpers/commands.js';
import { scratchDir } from '../helpers/scratch.js';
import { printedError as printed } from '../helpers/scenario-error.js';

const KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBdZXJ5IHNlY3JldCBrZXkgbWF0ZXJpYWwgZm9yIGEgdGVzdAAAAJgAAAAA',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('errors quote no more of a file than a short excerpt', () => {
  const scratch = scratchDir();

  it('show() cuts a long string to a short excerpt that says how long it was', () => {
    const text = show('x'.repeat(5000));
    expect(text.length).toBeLessThan(80);
    expect(text).toMatch(/\(5000 characters\)/);
  });

  it('extends: a private key (no scenario extension) is refused by its name, quoting none of it', () => {
    const key = scratch.write('id_ed25519', KEY);
    const text = printed(() => loadScenario(scratch.write('child.yaml', `extends: ${key}\n`)));
    expect(text).not.toMatch(/PRIVATE KEY|b3BlbnNz/);
  });

  it('extends: a private key renamed .yaml quotes at most a short excerpt', () => {
    scratch.write('key.yaml', KEY);
    const text = printed(() => loadScenario(scratch.write('child2.yaml', 'extends: ./key.yaml\n')));
    expect(text).not.toMatch(/b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ|QyNTUxOQ/);
  });

  it('extends: /etc/shadow quotes nothing of it', () => {
    const text = printed(() => loadScenario(scratch.write('shadow.yaml', 'extends: /etc/shadow\n')));
    expect(text).not.toMatch(/root:/);
  });

  it("a baseline's scenario.source.path: /etc/passwd quotes nothing of it", async () => {
    const baseline = JSON.parse(readFileSync(packagePath('baselines', 'article.json'), 'utf8'));
    baseline.scenario.source = { path: '/etc/passwd' };
    const file = join(scratch.dir, 'passwd-baseline.json');
    writeFileSync(file, JSON.stringify(baseline));
    const outcome = await checkCommand({ targets: [file], progress: false });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr + outcome.stdout).not.toMatch(/root:x:0/);
  });
});

describe('a self-referential alias in a wrongly typed field', () => {
  const scratch = scratchDir();

  it('show() renders circular values', () => {
    const value: unknown[] = [];
    value.push(value);
    expect(show(value)).toBe('["[Circular]"]');
  });

  it('description: &d [*d] is bad input (a SoraError naming the field), not a TypeError', () => {
    const text = printed(() => loadScenario(scratch.write('circular.yaml', 'description: &d [*d]\n')));
    expect(text).toMatch(/description/);
  });
});

describe('control characters in what an error found are escaped', () => {
  it('show() escapes ESC, U+202E and U+FFFE', () => {
    const text = show('a\u001b[2Jb\u202ec\ufffe');
    expect(text).not.toMatch(/[\u001b\u202e\ufffe]/);
    expect(text).toContain('\\u001b[2J');
  });

  it('describe() escapes every part', () => {
    const error = new SoraError('bad \u001b]0;title\u0007 name', { path: 'name\u001b', found: 'x\u202e' });
    expect(error.describe()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});
