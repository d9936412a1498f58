import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';

// `sora-mc bridge` as a user runs it: the compiled CLI in a child process (npm test builds first).
const CLI = packagePath('dist', 'cli', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'bridge', ...args, '--workers', '1'], { encoding: 'utf8' });

describe('sora-mc bridge', () => {
  it('prints each bridge from the article to the simulated median, with the order, and exits 0', () => {
    const { status, stdout } = run('mission', '--samples', '20000');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Training H100s \(H100s\): 4,211 → /m);
    expect(stdout).toMatch(/^Cost per video minute \(USD\/min\): /m);
    expect(stdout).toMatch(/model size\s+soraParams\s+×0\.855/);
    expect(stdout).toMatch(/^Order: DiT-XL reference figures → MACs → FLOPs → model size/m);
  });

  it('--json gives the bridges; their factors multiply to the median', () => {
    const { status, stdout } = run('evidence-2025', '--samples', '20000', '--json');
    expect(status).toBe(0);
    const bridges = JSON.parse(stdout) as { output: string; start: number; end: number; steps: { factor: number }[] }[];
    expect(bridges.map((b) => b.output)).toEqual(['trainH100s', 'costPerVideoMinuteUsd']);
    for (const b of bridges) expect(Math.abs(b.steps.reduce((x, s) => x * s.factor, b.start) / b.end - 1)).toBeLessThan(1e-9);
  });

  it('exits 2 with one error on an unknown scenario', () => {
    const { status, stderr } = run('no-such-scenario');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
