import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';
import { scratchDir } from './helpers/scratch.js';

// The CLI as a user runs it: the compiled entry point in a child process (npm test builds first).
const CLI = packagePath('dist', 'cli', 'cli.js');

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

describe('sora-mc run (compiled CLI)', () => {
  const scratch = scratchDir();

  it('prints P10/P50/P90 of the headline outputs and writes the Result', () => {
    const out = join(scratch.dir, 'run');
    const { status, stdout } = run('run', 'article', '--samples', '2e4', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Training H100s \(30-day run\)\s+4,211\s+10,528\s+10,528/);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.run.samples).toBe(20_000);
    expect(result.outputs.trainH100s.percentiles).toHaveLength(10);
  });

  it("leaves a report's own result.json alone: in a report folder it writes run/result.json and says so", () => {
    const out = join(scratch.dir, 'report-folder');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'report.html'), '<!doctype html>');
    writeFileSync(join(out, 'result.json'), '{"the report":"drew this"}\n');
    const { status, stdout } = run('run', 'article', '--samples', '5000', '--out', out);
    expect(status).toBe(0);
    expect(readFileSync(join(out, 'result.json'), 'utf8')).toBe('{"the report":"drew this"}\n');
    expect(JSON.parse(readFileSync(join(out, 'run', 'result.json'), 'utf8')).run.samples).toBe(5000);
    expect(stdout).toContain(`Result written to ${join(out, 'run', 'result.json')} (the folder holds a report`);
  });

  it('--json prints the Result itself', () => {
    const { status, stdout } = run('run', 'mission', '--samples', '5000', '--seed', 'x', '--json', '--out', join(scratch.dir, 'j'));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).run.seed).toBe('x');
  });

  it('lists the built-in scenarios', () => {
    expect(run('scenarios').stdout).toMatch(/mission[\s\S]*evidence-2025|evidence-2025[\s\S]*mission/);
  });

  it.each([
    [['run', 'mission', '--samples', '-5'], /samples[\s\S]*positive/],
    [['run', 'no-such-scenario'], /no built-in scenario named "no-such-scenario"/],
    [['run', 'mission', '--samples', '1e16'], /samples: too many samples[\s\S]*at most 2\^53/],
    [['run', 'mission', '--memory', '1MB'], /memory: the memory budget cannot hold the streaming summaries[\s\S]*found:\s+1 MB/],
    [['run', 'mission', '--memory', 'lots'], /memory: the memory budget must be a size/],
  ])('rejects %j with a clear error, exit 2, and writes nothing', (args, message) => {
    const out = join(scratch.dir, `bad-${args.join('-')}`);
    const { status, stderr } = run(...args, '--out', out);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('names the file and path of a bad scenario value', () => {
    const file = scratch.write('bad.yaml', 'inputs:\n  trainMfu: { dist: lognormal, p5: 0.3, p95: 0.5 }\n');
    const { status, stderr } = run('run', file, '--out', join(scratch.dir, 'never'));
    expect(status).toBe(2);
    expect(stderr).toContain(`${file}: inputs.trainMfu`);
    expect(stderr).toMatch(/hint: .*truncate/);
  });
});

describe('sora-mc baseline and check (compiled CLI)', () => {
  const scratch = scratchDir();

  it('exit 0 when a fresh baseline holds, 1 when its scenario drifts, 2 for a broken baseline', () => {
    const scenario = scratch.write('team.yaml', 'name: team\nsamples: 20000\ninputs:\n  soraParams: "10e9 to 30e9"\n');
    const out = join(scratch.dir, 'baselines');
    expect(run('baseline', scenario, '--out', out).status).toBe(0);
    const held = run('check', out);
    expect(held.status).toBe(0);
    expect(held.stdout).toMatch(/no drift/);

    writeFileSync(scenario, 'name: team\nsamples: 20000\ninputs:\n  soraParams: "12e9 to 36e9"\n');
    const drifted = run('check', out, '--markdown', join(scratch.dir, 'drift.md'));
    expect(drifted.status).toBe(1);
    expect(drifted.stdout).toMatch(/soraParams/);
    expect(readFileSync(join(scratch.dir, 'drift.md'), 'utf8')).toMatch(/\|/);

    const broken = scratch.write('broken.json', '{"format": "sora-mc/baseline", "formatVersion": 1');
    const bad = run('check', broken);
    expect(bad.status).toBe(2);
    expect(bad.stderr + bad.stdout).toContain('broken.json');
  });
});

describe('bad input found late (compiled CLI)', () => {
  const scratch = scratchDir();

  it('a scenario whose outputs can be infinite: exit 2, the outputs named, nothing written', () => {
    const file = scratch.write('no-ai.yaml', 'inputs:\n  tiktokAiShare: 0\n  youtubeAiShare: 0\n');
    const out = join(scratch.dir, 'no-ai');
    const { status, stderr } = run('run', file, '--samples', '3000', '--out', out);
    expect(status).toBe(2);
    expect(stderr).toMatch(/crossoverDays not finite in up to 3,000 of 3,000 samples/);
    expect(existsSync(out)).toBe(false);
  });

  it('an output folder holding another tool’s file: exit 2 naming it, left as it was', () => {
    const out = join(scratch.dir, 'blocked');
    mkdirSync(out);
    writeFileSync(join(out, 'charts'), 'a file where the charts folder should go');
    const { status, stderr } = run('report', 'article', '--samples', '3000', '--out', out);
    expect(status).toBe(2);
    expect(stderr).toMatch(/not a sora-mc report folder[\s\S]*blocked/);
    expect(readdirSync(out)).toEqual(['charts']);
  });

  it('an empty --out, and a scenario named ".." stays inside out/', () => {
    expect(run('run', 'article', '--samples', '2000', '--out', '').status).toBe(2);
    const cwd = join(scratch.dir, 'cwd');
    mkdirSync(cwd);
    const file = scratch.write('dots.yaml', 'name: ".."\n');
    const { status } = spawnSync(process.execPath, [CLI, 'run', file, '--samples', '2000'], { cwd, encoding: 'utf8' });
    expect(status).toBe(0);
    expect(readdirSync(cwd)).toEqual(['out']);
    expect(readdirSync(join(cwd, 'out'))).toEqual([expect.stringMatching(/^_-[0-9a-f]{8}$/)]);
  });

  it('strict JSON for .json files, and YAML tags it does not know are errors', () => {
    expect(run('run', scratch.write('comma.json', '{"samples": 100,}')).stderr).toMatch(/malformed JSON/);
    const tagged = run('run', scratch.write('tag.yaml', 'inputs:\n  trainMfu: !!js/function "x"\n'));
    expect(tagged.status).toBe(2);
    expect(tagged.stderr).toMatch(/^error: .*malformed YAML/);
  });
});
