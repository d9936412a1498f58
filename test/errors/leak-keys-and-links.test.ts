/**
 * What errors quote:
 * - a key is quoted whole in the error's path and message: a 5,000-character unknown parameter
 *   printed 5 KB (the rule is a short excerpt; a key is what a wrongly read file shows first);
 * - a scenario `x.yaml` (or a baseline `x.json`) that is a symbolic link to a private file passed
 *   the name check and was parsed: `run x.yaml` with x.yaml → /etc/shadow printed root's line.
 */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { readBaseline } from '../../src/regress/read.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';
import { printedError as printed } from '../helpers/scenario-error.js';

const CLI = packagePath('dist', 'cli', 'cli.js');
const SECRET = 'secretvalue0123456789abcdefghijklmnopqrstuvwxyz';

describe('an error quotes at most a short excerpt of a key', () => {
  const scratch = scratchDir();

  it('a 5,000-character parameter name prints a few hundred characters, not 5,000', () => {
    const file = scratch.write('long-key.json', JSON.stringify({ name: 'x', inputs: { fps: { dist: 'pert', min: 1, mode: 2, max: 3, ['q'.repeat(5000)]: 1 } } }));
    const text = printed(() => loadScenario(file));
    expect(text).toMatch(/pert has no parameter/);
    expect(text.length).toBeLessThan(700);
  });

  it('the CLI prints the same short error', () => {
    const file = scratch.write('long-key-2.json', JSON.stringify({ name: 'x', inputs: { fps: { dist: 'pert', min: 1, mode: 2, max: 3, ['q'.repeat(5000)]: 1 } } }));
    const { status, stderr } = spawnSync(process.execPath, [CLI, 'run', file, '--samples', '100', '--out', join(scratch.dir, 'out')], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr.length).toBeLessThan(900);
  });
});

describe('a scenario or baseline name that links to another kind of file is refused before it is read', () => {
  const scratch = scratchDir();
  const secret = scratch.write('private.txt', `${SECRET}: x\n`);

  it('x.yaml → a private file: refused, and no part of the file is printed', () => {
    const link = join(scratch.dir, 'x.yaml');
    symlinkSync(secret, link);
    const text = printed(() => loadScenario(link));
    expect(text).not.toContain(SECRET.slice(0, 10));
    expect(text).toMatch(/private\.txt/);
  });

  it('extends: a .yaml link to a private file: refused the same way', () => {
    symlinkSync(secret, join(scratch.dir, 'base.yaml'));
    const file = scratch.write('child.yaml', 'name: child\nextends: base.yaml\n');
    expect(printed(() => loadScenario(file))).not.toContain(SECRET.slice(0, 10));
  });

  it('a baseline x.json → a private file: refused, nothing of it printed', () => {
    const link = join(scratch.dir, 'x.json');
    symlinkSync(secret, link);
    const text = printed(() => readBaseline(link));
    expect(text).not.toContain(SECRET.slice(0, 10));
    expect(text).toMatch(/private\.txt/);
  });

  it('a link to another scenario file is still read', () => {
    const real = scratch.write('real.yml', 'name: linked\nextends: article\n');
    const link = join(scratch.dir, 'linked.yaml');
    symlinkSync(real, link);
    expect(loadScenario(link).resolved.name).toBe('linked');
  });
});

describe('backtest --calibration reads only a .json file', () => {
  const scratch = scratchDir();

  it('--calibration /etc/shadow-like: refused by its name, nothing of it printed', async () => {
    const { readCalibration } = await import('../../src/calibration/read.js');
    const secret = scratch.write('shadow', `root:${SECRET}:20228:0:99999:7:::\n`);
    const text = printed(() => readCalibration(secret));
    expect(text).not.toContain(SECRET.slice(0, 5));
    expect(text).toMatch(/\.json/);
  });
});
