import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasScript, linesWiderThan, progressFrames, runCli, runInTerminal, type CliRun } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';

// Every table command fits 60, 80 and 100 columns, piped (COLUMNS) and in a pseudo-terminal of that
// width (the width from the terminal itself). The commands are run small (few samples, one
// worker): the layout does not depend on the sample count.
const scratch = scratchDir('sora-mc-widths-');
const WIDTHS = [60, 80, 100];
const SCENARIO = `name: drifting\nseed: 3\nsamples: 2000\ninputs:\n  soraParams: "10B to 30B"\n  trainMfu: { dist: pert, min: 0.3, mode: 0.4, max: 0.55, source: "a long source that a narrow table has to wrap" }\n`;

let baselines: string;
let drifted: string;

beforeAll(() => {
  // Two baselines for check: one that holds, and one whose scenario then moves (a table of moved percentiles).
  const holds = join(scratch.dir, 'holds');
  expect(runCli(['baseline', 'mission', '--samples', '2000', '--workers', '1', '--out', holds]).status).toBe(0);
  baselines = holds;
  const moves = join(scratch.dir, 'moves');
  const scenario = join(scratch.dir, 'drifting.yaml');
  writeFileSync(scenario, SCENARIO);
  expect(runCli(['baseline', scenario, '--workers', '1', '--out', moves]).status).toBe(0);
  writeFileSync(scenario, SCENARIO.replace('"10B to 30B"', '"40B to 90B"'));
  drifted = moves;
});

const COMMANDS: [string, () => string[], number][] = [
  ['inputs', () => ['inputs'], 0],
  ['scenarios', () => ['scenarios'], 0],
  ['reproduce', () => ['reproduce'], 0],
  ['run', () => ['run', 'mission', '--samples', '4096', '--workers', '1', '--out', join(scratch.dir, 'run')], 0],
  ['backtest', () => ['backtest', '--samples', '200'], 0],
  ['calibrate', () => ['calibrate'], 0],
  ['bridge', () => ['bridge', '--samples', '4096', '--workers', '1'], 0],
  ['sensitivity', () => ['sensitivity', '--samples', '256'], 0],
  ['check (holds)', () => ['check', baselines, '--workers', '1'], 0],
  ['check (drift)', () => ['check', drifted, '--workers', '1'], 1],
];

/**
 * Every line fits, but for a line that is one `sora-mc …` command alone: prose keeps a command
 * whole so that it can be copied, and a long path can make it wider than the terminal.
 */
function fits(run: CliRun, width: number, status: number): void {
  expect(run.status, run.stderr).toBe(status);
  expect(run.stdout.length).toBeGreaterThan(0);
  expect(linesWiderThan(run.stdout, width).filter((line) => !/^\s*sora-mc \S/.test(line))).toEqual([]);
}

describe.each(COMMANDS)('sora-mc %s', (_name, args, status) => {
  it.each(WIDTHS)('fits COLUMNS=%i, piped', (width) => {
    fits(runCli(args(), { COLUMNS: String(width) }), width, status);
  });

  it.runIf(hasScript()).each(WIDTHS)('fits a terminal %i columns wide (the progress bar too)', (width) => {
    const shown = runInTerminal(args(), width);
    const { frames, text } = progressFrames(shown.stdout);
    fits({ ...shown, stdout: text }, width, status);
    expect(text).not.toContain('\u001b');
    expect(linesWiderThan(frames.join('\n'), width)).toEqual([]);
  });
});

describe('--json is the machine interface', () => {
  it('prints the same document at any width', () => {
    const narrow = runCli(['inputs', '--json'], { COLUMNS: '40' }).stdout;
    const wide = runCli(['inputs', '--json', '--wide']).stdout;
    expect(narrow).toBe(wide);
    expect(JSON.parse(narrow)).toHaveLength(INPUT_KEYS.length);
  });
});
