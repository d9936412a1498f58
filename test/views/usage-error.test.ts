import { describe, expect, it } from 'vitest';
import { NAME_A_COMMAND, usageErrorText } from '../../src/views/usage-error.js';

const TOP = { commands: ['run', 'report', 'reproduce', 'check'], flags: ['help', 'version'] };
const RUN = { commands: [], command: 'run', flags: ['help', 'version', 'samples', 'seed', 'json', 'fresh-seed'] };

describe('usageErrorText', () => {
  it('an unknown command: the nearest commands on the first line, then where to read more', () => {
    expect(usageErrorText('Unknown argument: runn', ['runn'], TOP)).toBe('error: unknown command "runn": did you mean `run`?\nrun `sora-mc --help` for usage');
  });

  it('an unknown flag: the nearest flags of that command, with their dashes', () => {
    const text = usageErrorText('Unknown arguments: fresh-sed, freshSed', ['run', '--fresh-sed'], RUN);
    expect(text.split('\n')[0]).toBe('error: unknown option "--fresh-sed" for `sora-mc run`: did you mean `--fresh-seed`?');
    expect(text.split('\n')[1]).toBe('run `sora-mc run --help` for usage');
  });

  it('knows a flag written --name=value, --no-name or as a short flag', () => {
    expect(usageErrorText('Unknown argument: sample', ['run', '--sample=5'], RUN)).toContain('"--sample"');
    expect(usageErrorText('Unknown argument: jsn', ['run', '--no-jsn'], RUN)).toContain('did you mean `--json`?');
    expect(usageErrorText('Unknown argument: x', ['run', '-x'], RUN)).toContain('unknown option "-x"');
  });

  it('an extra word after a command is an unexpected argument, not an unknown command', () => {
    expect(usageErrorText('Unknown argument: b', ['run', 'a', 'b'], RUN).split('\n')[0]).toBe('error: unexpected argument "b" for `sora-mc run`');
  });

  it('several unknowns: the first is named, the others counted', () => {
    expect(usageErrorText('Unknown arguments: sample, x', ['run', '--sample', '-x'], RUN).split('\n')[0]).toContain('(and 1 more: "-x")');
  });

  it('no command: the commands on one line', () => {
    expect(usageErrorText(NAME_A_COMMAND, [], TOP).split('\n')[0]).toBe('error: name a command: run, report, reproduce, check');
  });

  it("any other complaint of the parser on one line, a choice's nearest value guessed", () => {
    const message = 'Invalid values:\n  Argument: kind, Given: "sceanrio", Choices: "scenario", "result", "baseline"';
    const [first, ...rest] = usageErrorText(message, ['schema', 'sceanrio'], { commands: [], command: 'schema', flags: [] }).split('\n');
    expect(first).toBe('error: Invalid values: Argument: kind, Given: "sceanrio", Choices: "scenario", "result", "baseline": did you mean `scenario`?');
    expect(rest).toEqual(['run `sora-mc schema --help` for usage']);
  });

  it('escapes what the user typed', () => {
    expect(usageErrorText('Unknown argument: a\u001b[2Jb', ['a\u001b[2Jb'], TOP)).not.toContain('\u001b');
    expect(usageErrorText('Invalid values:\n Given: "\u0007"', [], TOP)).not.toContain('\u0007');
  });

  it('never prints more than three lines', () => {
    for (const [message, argv] of [['Unknown argument: zzz', ['zzz']], ['Unknown arguments: a, b, c', ['--a', '--b', '--c']], [NAME_A_COMMAND, []]] as const) {
      expect(usageErrorText(message, argv, TOP).split('\n').length).toBeLessThanOrEqual(3);
    }
  });
});
