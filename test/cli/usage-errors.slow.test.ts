import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A misspelt command or flag: one error line first (naming the nearest valid name), where to read
// more, exit 2 — never the whole --help printed before the error.
describe('an unknown command or flag', () => {
  it('`sora-mc runn`: the first line of stderr is the error and names `run`; exit 2; at most 3 lines', () => {
    const { status, stderr, stdout } = runCli(['runn']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain('`run`');
    expect(lines[0]).toContain('runn');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(stderr).toContain('sora-mc --help');
    expect(stdout).toBe('');
  });

  it('`sora-mc run --sample 1000`: names `--samples` on the first line; exit 2; at most 3 lines', () => {
    const { status, stderr } = runCli(['run', '--sample', '1000']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain('`--samples`');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(stderr).toContain('sora-mc run --help');
    expect(stderr).not.toContain('Options:');
  });

  it('`sora-mc run --samples 1e3 -- mission`: "--" is refused, not read as running the default scenario', () => {
    const { status, stderr, stdout } = runCli(['run', '--samples', '1e3', '--', 'mission']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: .*"--"/);
    expect(lines[0]).toContain('./-');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(stdout).toBe('');
  });

  it('a flag of another command is named with the command it was given to, and no help is dumped', () => {
    const { status, stderr } = runCli(['inputs', '--fresh-seed']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: .*--fresh-seed/);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(stderr).not.toContain('Commands:');
  });

  it('a name far from every command gets no guess, and the commands are listed instead', () => {
    const { status, stderr } = runCli(['xyzzy']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: .*xyzzy/);
    expect(stderr).not.toContain('did you mean');
    expect(stderr).toContain('report');
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('no command: one error line, the commands, exit 2', () => {
    const { status, stderr } = runCli([]);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('a bad value for a choice keeps one error line (and no help dump)', () => {
    const { status, stderr } = runCli(['schema', 'sceanrio']);
    const lines = stderr.trimEnd().split('\n');
    expect(status).toBe(2);
    expect(lines[0]).toMatch(/^error: .*sceanrio/);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(stderr).not.toContain('Options:');
  });

  it('control characters in a misspelt name are escaped, not sent to the terminal', () => {
    const { status, stderr } = runCli(['run\u001b[2J']);
    expect(status).toBe(2);
    expect(stderr).not.toContain('\u001b');
  });
});
