import { describe, expect, it } from 'vitest';
import { directRun } from '../../src/cli/direct-run.js';
import { commandLine } from '../../src/cli/yargs-main.js';
import type { RunArgs } from '../../src/cli/run-command.js';

/** What the yargs command line hands `run`'s handler for `argv` (its own extra keys — `_`, `$0`, kebab-case twins — dropped). */
async function viaYargs(argv: string[]): Promise<Record<string, unknown>> {
  let seen: RunArgs | undefined;
  await commandLine(argv, async (args) => {
    seen = args;
  }).parseAsync();
  const { _, $0, 'max-samples': _kebab, ...args } = seen as RunArgs & Record<string, unknown>;
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}

describe("reading a plain `run` without yargs", () => {
  it.each([
    ['run'],
    ['run', 'mission'],
    ['run', 'evidence-2025', '--samples', '1e3'],
    ['run', '--samples=1e3', '--seed', '7', 'article', '--json'],
    ['run', '--json', 'my.yaml', '--out', 'out/x', '--workers', '2'],
    ['run', '--no-json', '--wide', '--no-color'],
    ['run', '--color', '--json=false', '--memory', '512MB', '--method', 'lhs'],
    ['run', '--precision', '0.5%', '--max-samples', '1e6'],
  ])('hands the handler what yargs does: %j', async (...argv) => {
    expect(directRun(argv)).toEqual(await viaYargs(argv));
  });

  it.each([
    ['report'],
    ['run', '--help'],
    ['run', '--version'],
    ['run', '--sample', '1000'],
    ['run', '--samples'],
    ['run', '--samples', '--json'],
    ['run', '--samples', '1', '--samples', '2'],
    ['run', 'a', 'b'],
    ['run', '-h'],
    ['run', '--', 'mission'],
    ['run', '--seed', '-5'],
    ['run', '--workers', 'two'],
    ['run', '--maxSamples', '10'],
    ['run', '--no-samples'],
    ['run', '--json=yes'],
    // yargs reads the word after a flag as its value when it is true or false: not a scenario named "false".
    ['run', '--json', 'false', '--samples', '1e3'],
    ['run', '--wide', 'true'],
    ['--get-yargs-completions', 'run', '--sam'],
  ])('leaves anything else to yargs: %j', (...argv) => {
    expect(directRun(argv)).toBeNull();
  });
});
