import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateJob } from '../../src/commands/calibrate.js';
import { shippedCalibration } from '../../src/calibration/read.js';
import { packagePath } from '../../src/paths.js';
import { calibrateText } from '../../src/views/calibrate.js';
import { scratchDir } from '../helpers/scratch.js';
import { soraError } from '../helpers/scenario-error.js';

const scratch = scratchDir('sora-mc-calibrate-');
const shipped = readFileSync(packagePath('scenarios', 'calibrated.yaml'), 'utf8');

describe('sora-mc calibrate', () => {
  it('finds the shipped calibrated scenario holding the shipped set\'s fit (exit 0)', () => {
    const outcome = calibrateJob({ scenario: 'calibrated' });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.inputs.map((i) => [i.key, i.agrees])).toEqual([['inferMfu', true], ['servingGpuLoss', true], ['datasetMultiplier', true]]);
    expect(calibrateText(outcome)).toMatch(/result: every fitted input holds the range the set gives \(exit 0\)/);
  });

  it('says which fitted input a hand-edited scenario no longer holds (exit 1)', () => {
    const file = scratch.write('edited.yaml', shipped.replace(/p95: 0\.608/, 'p95: 0.7'));
    const outcome = calibrateJob({ scenario: file });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.inputs.filter((i) => !i.agrees).map((i) => i.key)).toEqual(['inferMfu']);
  });

  it('writes the scenario refitted as a new file, every other line as it was, and never over an existing file', () => {
    const edited = scratch.write('stale.yaml', shipped.replace(/p95: 0\.608/, 'p95: 0.7'));
    const out = join(scratch.dir, 'refitted.yaml');
    calibrateJob({ scenario: edited, out });
    expect(readFileSync(out, 'utf8')).toBe(shipped);
    expect(calibrateJob({ scenario: out }).exitCode).toBe(0);
    writeFileSync(out, 'mine\n');
    const error = soraError(() => calibrateJob({ scenario: edited, out }));
    expect(error.message).toBe('something is already there, and sora-mc never writes over it');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });

  it('checks only the inputs a scenario marks as fitted, and adds all three to one that marks none', () => {
    const file = scratch.write('own.yaml', 'extends: calibrated\nname: own\ninputs:\n  inferMfu: { dist: uniform, min: 0.2, max: 0.5 }\n');
    const outcome = calibrateJob({ scenario: file });
    // It inherits calibrated's fitted inputs; its own inferMfu, without basis: fitted, is its own judgement.
    expect(outcome.inputs.map((i) => [i.key, i.agrees])).toEqual([['servingGpuLoss', true], ['datasetMultiplier', true]]);
    const plain = scratch.write('plain.yaml', 'name: plain\nstepCost: transformer\ninputs:\n  trainMfu: { dist: uniform, min: 0.3, max: 0.5 }\n');
    const out = join(scratch.dir, 'plain-fitted.yaml');
    const first = calibrateJob({ scenario: plain, out });
    expect(first).toMatchObject({ marked: false, exitCode: 0 });
    expect(calibrateJob({ scenario: out })).toMatchObject({ marked: true, exitCode: 0 });
  });

  it('refuses a scenario the fit cannot read: the article step cost, or no training MFU', () => {
    const article = soraError(() => calibrateJob({ scenario: 'mission' }));
    expect(article.details.path).toBe('stepCost');
    const file = scratch.write('no-mfu.yaml', 'name: x\nstepCost: transformer\n');
    expect(soraError(() => calibrateJob({ scenario: file })).details.path).toBe('inputs.trainMfu');
  });

  it('refuses a calibration set too small to fit a range, with the count and the minimum', () => {
    const set = shippedCalibration();
    const small = { ...set, training: set.training.slice(0, 2) };
    const file = scratch.write('small.json', JSON.stringify(small));
    const error = soraError(() => calibrateJob({ scenario: 'calibrated', calibration: file }));
    expect(error.message).toBe('cannot fit datasetMultiplier from this calibration set');
    expect(error.details.found).toBe('training budget (samples seen, in DiT-XL runs) is measured for 2 models; a range needs at least 3');
  });
});
