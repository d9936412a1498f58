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
  it('with no scenario writes the best estimate’s report with mission beside it, and prints its headline first', () => {
    const out = join(scratch.dir, 'best');
    const { status, stdout, stderr } = run('report', '--samples', '20000', '--workers', '1', '--out', out);
    expect(status, stderr).toBe(0);
    expect(stdout).toBe(`${join(out, 'report.html')}\n`);
    const lines = stderr.split('\n');
    expect(lines[0]).toMatch(/^Best estimate: calibrated is the best estimate because .* held|^Best estimate: calibrated is the best estimate because .*without its own figures/);
    const headline = lines.filter((line) => line.startsWith('  '));
    expect(headline).toHaveLength(5);
    for (const line of headline) expect(line).toMatch(/Mission: \S+–\S+ \(P10–P90\)\.$/);
    expect(headline[0]).toMatch(/^  Training: .*the article said 4,211–10,528/);
    expect(headline[3]).toMatch(/chance it is above Sora 2's cheapest list price, \$6\.00 a minute/);
    expect(existsSync(join(out, 'mission-result.json'))).toBe(true);
    const mission = JSON.parse(readFileSync(join(out, 'mission-result.json'), 'utf8')) as { scenario: { name: string }; run: { samples: number } };
    expect(mission.scenario.name).toBe('mission');
    expect(mission.run.samples).toBe(20000);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<table class="answer-table">');
    expect(html.indexOf('id="answer"')).toBeLessThan(html.indexOf('id="figure-reality-check"'));
    expect(html.indexOf('id="figure-reality-check"')).toBeLessThan(html.indexOf('id="figure-distribution-trainH100s"'));
  }, 120_000);

  it('of mission is a single-scenario report that names the best estimate and samples nothing beside', () => {
    const out = join(scratch.dir, 'mission');
    const { status, stderr } = run('report', 'mission', '--samples', '20000', '--workers', '1', '--out', out);
    expect(status, stderr).toBe(0);
    expect(stderr).not.toMatch(/Best estimate|Mission:/);
    expect(existsSync(join(out, 'mission-result.json'))).toBe(false);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<table class="answer-table">');
    expect(html).toMatch(/best estimate<\/a> is the <a class="term" href="#g-calibrated">calibrated<\/a> scenario/);
  }, 120_000);

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
    // Every chart the page draws has its three files (2 bridges, what-if, 5 distributions, 2 exceedance curves, 2 drivers,
    // crossover, compute per output, the sensitivity charts of each group of outputs, model size, reality check).
    const drawn = (readFileSync(join(out, 'report.html'), 'utf8').match(/<div class="chart" id="chart-/g) ?? []).length;
    expect(drawn).toBeGreaterThan(18);
    expect(charts.filter((c) => c.endsWith('.png')).length).toBe(drawn);
    expect(charts.filter((c) => c.endsWith('.svg')).length).toBe(drawn);
    expect(charts.filter((c) => c.endsWith('.vl.json')).length).toBe(drawn);
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
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| Output | article | mission | Article’s figure |');
  }, 60_000);

  it('needs at least two scenarios', () => {
    const { status, stderr } = run('compare', 'mission', '--out', join(scratch.dir, 'one'));
    expect(status).toBe(2);
    expect(stderr).toMatch(/compare needs at least two scenarios/);
    expect(existsSync(join(scratch.dir, 'one'))).toBe(false);
  });
});
