import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';

// The compiled CLI (npm test builds first).
function run(...args: string[]) {
  return spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), ...args], { encoding: 'utf8' });
}

describe('sora-mc sensitivity (compiled CLI)', () => {
  it('prints the indices as JSON, inputs in catalogue order, for every headline output', () => {
    const { status, stdout } = run('sensitivity', 'mission', '--samples', '1024', '--seed', '3', '--json');
    expect(status).toBe(0);
    const analysis = JSON.parse(stdout);
    expect(analysis.inputs).toEqual(['soraParams', 'datasetMultiplier', 'temporalCompression', 'trainMfu', 'inferMfu']);
    expect(analysis.outputs.map((o: { output: string }) => o.output)).toEqual(['trainH100s', 'crossoverMinutes', 'videoMinutesPerGpuHour', 'costPerVideoMinuteUsd', 'inferenceH100sPeak']);
    expect(analysis.outputs[0].scale).toBe('log');
    expect(analysis.seed).toBe('3');
  });

  it.each([
    [['sensitivity', 'mission', '--samples', 'many'], /--samples/],
    [['sensitivity', 'mission', '--samples', '10'], /between 64 and/],
    [['sensitivity', 'no-such'], /no built-in scenario/],
  ])('rejects %j with exit 2 and no stack trace', (args, message) => {
    const { status, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
