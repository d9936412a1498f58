import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';

// The CLI as a user runs it: the compiled entry point in a child process (npm test builds first).
const CLI = packagePath('dist', 'src', 'cli.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('sora-mc (compiled CLI)', () => {
  it('reproduce prints the article figures beside the computed ones', () => {
    const { status, stdout } = run('reproduce');
    expect(status).toBe(0);
    expect(stdout).toMatch(/H100s for one month\s+conservative\s+4,211\s+4211\.3/);
    expect(stdout).toMatch(/10,528/);
    expect(stdout).toMatch(/89k does not follow/);
  });

  it('reproduce --json is machine-readable', () => {
    const rows = JSON.parse(execFileSync(process.execPath, [CLI, 'reproduce', '--json'], { encoding: 'utf8' }));
    expect(rows.length).toBeGreaterThan(15);
    expect(rows[0]).toHaveProperty('agreement');
  });

  it('inputs lists the catalogue, as text and JSON', () => {
    expect(run('inputs').stdout).toMatch(/soraParams\s+params\s+20\.3B/);
    const inputs = JSON.parse(run('inputs', '--json').stdout);
    expect(inputs.find((i: { key: string }) => i.key === 'trainMfu').evidence.low).toBe(0.32);
  });

  it.each([['bogus'], ['inputs', '--nope'], []])('rejects %j with usage and exit 2, no stack trace', (...args) => {
    const { status, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(/Commands:|Options:/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('answers --version and --help', () => {
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run('--help').stdout).toMatch(/reproduce/);
  });
});
