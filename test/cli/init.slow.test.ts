import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

// The bar of `init`: `sora-mc init my.yaml && sora-mc run my.yaml --samples 1e4` works; running
// init again refuses (exit 2) and leaves the file as it was.
describe('sora-mc init, then run', () => {
  const project = scratchDir('sora-mc-init-cli-');

  it('writes a scenario that runs, and refuses to write it again', () => {
    const init = runCli(['init', 'my.yaml'], {}, project.dir);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('run it with: sora-mc run my.yaml');
    const written = readFileSync(join(project.dir, 'my.yaml'), 'utf8');

    const run = runCli(['run', 'my.yaml', '--samples', '1e4', '--workers', '1'], {}, project.dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // init starts from the best estimate, calibrated, and keeps its seed.
    expect(run.stdout.split('\n')[0]).toMatch(/^my: 10,000 samples, seed 2026/);

    const again = runCli(['init', 'my.yaml', '--from', 'article'], {}, project.dir);
    expect(again.status).toBe(2);
    expect(again.stderr.split('\n')[0]).toMatch(/^error: my\.yaml: something is already there, and sora-mc never writes over it$/);
    expect(readFileSync(join(project.dir, 'my.yaml'), 'utf8')).toBe(written);
  });

  it('writes scenario.yaml by default, with --json saying what it wrote', () => {
    const init = runCli(['init', '--from', 'evidence-2025', '--json'], {}, project.dir);
    expect(init.status).toBe(0);
    const done = JSON.parse(init.stdout) as { file: string; origin: string; inputs: string[] };
    expect(done.file).toBe('scenario.yaml');
    expect(done.origin).toBe('builtin:evidence-2025');
    expect(readFileSync(join(project.dir, 'scenario.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
  });
});
