/**
 * `sora-mc report` and `sora-mc compare` as a user runs them: the compiled CLI in a child process
 * (`npm test` builds first), writing into a scratch folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const scratch = scratchDir('sora-mc-report-cli-');

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: scratch.dir });
}

describe('sora-mc report', () => {
  it('writes the report folder of a scenario file and prints the path to report.html; its name is escaped', () => {
    const file = scratch.write(
      'hostile.yaml',
      [
        'name: "<script>alert(1)</script>"',
        'description: "a </script> in the description & <b>bold</b>"',
        'extends: mission',
        'inputs:',
        '  soraParams:',
        '    dist: lognormal',
        '    p5: 10.0e+9',
        '    p95: 30.0e+9',
        '    source: "<img src=x onerror=alert(2)>"',
      ].join('\n'),
    );
    const out = join(scratch.dir, 'hostile-report');
    const { status, stdout, stderr } = run('report', file, '--samples', '20000', '--workers', '1', '--out', out);
    expect(stderr).not.toMatch(/warning/);
    expect(status).toBe(0);
    expect(stdout).toBe(`${join(out, 'report.html')}\n`);
    expect(stderr).toMatch(/^ {2}Training: [\d,]+–[\d,]+ H100s for a month/m);
    for (const name of ['report.html', 'result.json', 'percentiles.csv', 'summary.md']) expect(existsSync(join(out, name))).toBe(true);
    const charts = readdirSync(join(out, 'charts'));
    // 2 bridges, what-if, 5 distributions, 2 exceedance curves, 2 drivers, crossover, compute per output, 5 tornadoes, 5 Sobol charts, model size, reality check.
    expect(charts.filter((c) => c.endsWith('.png')).length).toBe(26);
    expect(charts.filter((c) => c.endsWith('.svg')).length).toBe(26);
    expect(charts.filter((c) => c.endsWith('.vl.json')).length).toBe(26);
    expect(charts).toContain('sobol-trainH100s.png');
    expect(charts).toContain('bridge-trainH100s.png');
    // The reality check (published models against the scenario's bands) is drawn as PNG too.
    expect(charts).toContain('reality-check.png');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.scenario.name).toBe('<script>alert(1)</script>');
    expect(result.run.samples).toBe(20000);
  }, 60_000);

  it('writes nothing and exits 2 when the scenario does not exist', () => {
    const out = join(scratch.dir, 'missing');
    const { status, stderr, stdout } = run('report', 'no-such-scenario', '--out', out);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no built-in scenario named "no-such-scenario"/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('sora-mc compare', () => {
  it('writes one comparison report for several scenarios and prints its path (--json)', () => {
    const out = join(scratch.dir, 'compare');
    const { status, stdout } = run('compare', 'article', 'mission', '--samples', '20000', '--workers', '1', '--out', out, '--json');
    expect(status).toBe(0);
    const written = JSON.parse(stdout);
    expect(written.report).toBe(join(out, 'report.html'));
    expect(written.warnings).toEqual([]);
    expect(readdirSync(join(out, 'results')).sort()).toEqual(['1-article.json', '2-mission.json']);
    const csv = readFileSync(join(out, 'percentiles.csv'), 'utf8');
    expect(csv).toMatch(/^article,trainH100s,/m);
    expect(csv).toMatch(/^mission,trainH100s,/m);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| Output | article | mission | Article |');
  }, 60_000);

  it('needs at least two scenarios', () => {
    const { status, stderr } = run('compare', 'mission', '--out', join(scratch.dir, 'one'));
    expect(status).toBe(2);
    expect(stderr).toMatch(/compare needs at least two scenarios/);
    expect(existsSync(join(scratch.dir, 'one'))).toBe(false);
  });
});
