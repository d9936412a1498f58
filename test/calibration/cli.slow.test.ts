import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import shipped from '../../src/calibration/calibration.json' with { type: 'json' };
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

// `sora-mc backtest` as a user runs it: the compiled CLI in a child process (npm test builds first).
const CLI = packagePath('dist', 'cli', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'backtest', ...args], { encoding: 'utf8' });

describe('sora-mc backtest', () => {
  const scratch = scratchDir('backtest-cli-');
  it('prints the table and the fit, and exits 0 (it reports, it does not gate)', () => {
    const { status, stdout } = run('--wide'); // whole summary lines, unwrapped
    expect(status).toBe(0);
    expect(stdout).toMatch(/Backtest of calibrated/);
    expect(stdout).toMatch(/transformer step cost, inference, in sample: \d+ of \d+ inside P5–P95, measured \/ predicted geometric mean/);
    expect(stdout).toMatch(/transformer step cost, inference, held out: \d+ of \d+ inside P5–P95/);
    expect(stdout).toMatch(/article step cost, inference/);
    // mission fits badly but is still a report, not a failure
    expect(run('mission').status).toBe(0);
  });

  it('--json gives one row per published figure with unique labels', () => {
    const result = JSON.parse(run('--json').stdout);
    expect(result.rows).toHaveLength(shipped.inference.length + shipped.training.length);
    const labels = result.rows.map((r: { kind: string; label: string }) => `${r.kind}:${r.label}`);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('--markdown prints a Markdown table', () => {
    const { status, stdout } = run('--markdown');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\| figure \| model \|/m);
  });

  it('exits 2 naming the input when the scenario lacks one the backtest needs', () => {
    const { status, stderr } = run('article');
    expect(status).toBe(2);
    expect(stderr).toMatch(/inputs\.inferMfu: the backtest needs inferMfu and trainMfu/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the file and path of a calibration entry without a source', () => {
    const data = structuredClone(shipped) as { training: { measured: { source?: string } }[] };
    delete data.training[0]!.measured.source;
    const file = scratch.write('calibration.json', JSON.stringify(data));
    const { status, stderr } = run('--calibration', file);
    expect(status).toBe(2);
    expect(stderr).toContain(`${file}: training.0.measured.source: missing field training.0.measured.source`);
    expect(stderr).toMatch(/expected: .*every number in the calibration set needs one/);
  });
});
