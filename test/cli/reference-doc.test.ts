import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandLine } from '../../src/cli/yargs-main.js';
import { packagePath } from '../../src/paths.js';

/**
 * docs/cli.md is the CLI reference: a `## \`sora-mc <command>\`` section per command with a table of its
 * arguments and flags, and a "Global options" table. This test reads what the CLI itself defines — the
 * `--help` of each command, from the yargs definitions in src/cli/yargs-main.ts, in this process — and
 * requires the page to list exactly those commands and flags, with booleans called boolean and every
 * stated default in the default column.
 */

/** One argument or flag as `--help` prints it. */
interface Flag {
  type: string;
  defaultText: string | undefined;
}

/** What `sora-mc …args` prints as help: yargs hands it to the parse callback instead of printing and exiting. */
function helpOf(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    commandLine(args, async () => reject(new Error('--help ran the command')))
      .wrap(null)
      .exitProcess(false)
      .parse(args, {}, (error, _argv, output) => (error ? reject(error) : resolve(output)));
  });
}

/** The command signatures of the top-level help (`run [scenario]`, `compare <scenarios..>`, …). */
function commandsOf(help: string): string[] {
  return [...help.matchAll(/^ {2}sora-mc (\S+(?: [[<]\S+[\]>])?)/gm)].map((m) => m[1]!);
}

/** The entries under "Positionals:" and "Options:" of one command's help, with wrapped lines joined. */
function flagsOf(help: string): Map<string, Flag> {
  const entries = new Map<string, Flag>();
  let current: string | undefined;
  let text = '';
  const finish = () => {
    if (current === undefined) return;
    const brackets = [...text.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    const defaultText = /\[default: ("[^"]*"|\[\]|[^\]]*)\]/.exec(text)?.[1]!.replace(/^"(.*)"$/, '$1');
    entries.set(current, { type: brackets.find((b) => /^(boolean|string|number|array|choices: )/.test(b)) ?? '', defaultText });
  };
  const lines = help.split('\n');
  const start = lines.findIndex((l) => /^(Positionals|Options):$/.test(l));
  if (start < 0) return entries;
  for (const line of lines.slice(start)) {
    const entry = /^ {2}(--[\w-]+|[a-z]\w*)\s/.exec(line);
    if (entry) {
      finish();
      current = entry[1]!;
      text = line;
    } else if (/^ {4,}/.test(line)) text += line;
  }
  finish();
  return entries;
}

/** A table row of docs/cli.md: the first code span of its first cell, and its type and default cells. */
interface Row {
  name: string;
  type: string;
  defaultCell: string;
}

/** docs/cli.md's sections: `## \`sora-mc run [scenario]\`` → its rows; "Global options" under 'global'. */
function referenceOf(page: string): Map<string, Row[]> {
  const sections = new Map<string, Row[]>();
  let rows: Row[] | undefined;
  for (const line of page.split('\n')) {
    const heading = /^## (?:`sora-mc (.+)`|(Global options))$/.exec(line);
    if (line.startsWith('## ')) {
      rows = heading ? [] : undefined;
      if (heading) sections.set(heading[1] ?? 'global', rows!);
      continue;
    }
    const row = /^\| `([^`]+)`[^|]*\|([^|]*)\|([^|]*)\|/.exec(line);
    if (rows && row) rows.push({ name: row[1]!, type: row[2]!.trim(), defaultCell: row[3]!.trim() });
  }
  return sections;
}

const GLOBAL = ['--wide', '--color', '--version', '--help'];

describe('docs/cli.md, the CLI reference', () => {
  it('lists every command and flag the CLI defines, and nothing it does not', async () => {
    const page = readFileSync(packagePath('docs', 'cli.md'), 'utf8');
    const reference = referenceOf(page);
    // Every help at once: the commands' names come from the page, and the top-level help checks them.
    const named = [...reference.keys()].filter((k) => k !== 'global');
    const [top, ...helps] = await Promise.all([helpOf(['--help']), ...named.map((c) => helpOf([c.split(' ')[0]!, '--help']))]);
    const commands = commandsOf(top!);
    expect(commands).toContain('run [scenario]');
    expect(commands).toContain('completion');
    expect([...named].sort(), 'a `## `sora-mc <command>`` section per command').toEqual([...commands].sort());
    expect(reference.get('global')?.map((r) => r.name).sort(), 'the Global options table').toEqual([...GLOBAL].sort());

    named.forEach((command, i) => {
      const defined = flagsOf(helps[i]!);
      // `completion --help` prints the completion script: that command has no flags of its own.
      if (defined.size > 0) for (const name of GLOBAL) expect(defined.has(name), `${command} takes ${name}`).toBe(true);
      const documented = new Map(reference.get(command)!.map((r) => [r.name, r]));
      const own = [...defined.keys()].filter((name) => !GLOBAL.includes(name));
      expect([...documented.keys()].sort(), `the rows of sora-mc ${command}`).toEqual(own.sort());
      for (const name of own) {
        const flag = defined.get(name)!;
        const row = documented.get(name)!;
        expect(row.type === 'boolean', `sora-mc ${command} ${name}: type ${row.type} against the CLI's ${flag.type}`).toBe(flag.type === 'boolean');
        if (flag.defaultText !== undefined && flag.defaultText !== '[]') {
          expect(row.defaultCell, `sora-mc ${command} ${name}: default`).toContain(flag.defaultText);
        }
      }
    });
  });

  it('reads a flag out of a help entry that wraps', () => {
    const help = ['Options:', '  --samples  rows per matrix; the model runs rows × (inputs + 2)', '             times  [string]', '  --json     print JSON  [boolean] [default: false]', ''].join('\n');
    expect([...flagsOf(help)]).toEqual([
      ['--samples', { type: 'string', defaultText: undefined }],
      ['--json', { type: 'boolean', defaultText: 'false' }],
    ]);
  });
});
