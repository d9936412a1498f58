/**
 * What the command line prints when its arguments are wrong (an unknown command or flag, a missing
 * argument, a value outside a choice): one error line first — naming the nearest valid names, in the
 * one wording of src/did-you-mean.ts — then where to read more. Never the whole --help: it buried
 * the error under forty lines. At most three lines; exit 2.
 */
import { didYouMean, nearestNames } from '../did-you-mean.js';
import { show } from '../errors.js';
import { printable } from '../io/printable.js';

/** The message the CLI gives yargs for a missing command, so this view knows it. */
export const NAME_A_COMMAND = 'name a command';
/** The parser's complaint about `--`: sora-mc takes nothing after it. */
export const END_OF_OPTIONS = '"--" ends the options, but sora-mc takes nothing after it: give a file whose name starts with a dash as ./-name.yaml';

/** The names the command line knows where it failed. */
export interface KnownNames {
  /** The top-level commands (when no command was recognised). */
  commands: readonly string[];
  /** The command being parsed (`run`), if one was recognised. */
  command?: string | undefined;
  /** Every flag that command (or the top level) takes, without dashes. */
  flags: readonly string[];
}

/** yargs' message for a value outside a positional's or flag's choices (one line once flattened). */
const NOT_A_CHOICE = /Argument: (\S+), Given: "(.*)", Choices: (.*)$/;

/** yargs' message for unknown names (its locale pinned to English): `Unknown argument: runn`, `Unknown arguments: a, b`. */
const UNKNOWN = /^Unknown arguments?: (.+)$/;

const camelToKebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The unknown names in yargs' order, without the camelCase copies yargs adds (`fresh-sed, freshSed`). */
function unknownNames(message: string): string[] | undefined {
  const match = UNKNOWN.exec(message.trim());
  if (!match) return undefined;
  const names = match[1]!.split(', ');
  return names.filter((name) => camelToKebab(name) === name || !names.includes(camelToKebab(name)));
}

/** How `name` appeared on the command line: as a flag (`--name`, `--name=…`, `--no-name`, `-n`), or else as a word. */
function asFlag(name: string, argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === '--') break;
    const long = /^--(?:no-)?([^=]+)/.exec(arg)?.[1];
    if (long === name || (long !== undefined && camelToKebab(long) === name)) return `--${long}`;
    if (/^-[^-]/.test(arg) && name.length === 1 && arg.slice(1).includes(name)) return `-${name}`;
  }
  return undefined;
}

function flagName(flag: string): string {
  return flag.length === 1 ? `-${flag}` : `--${flag}`;
}

function helpLine(command: string | undefined): string {
  return `run \`sora-mc ${command ? `${command} ` : ''}--help\` for usage`;
}

/** The lines to print for yargs' failure `message` over the arguments `argv`. */
export function usageErrorText(message: string, argv: readonly string[], known: KnownNames): string {
  const where = known.command ? ` for \`sora-mc ${known.command}\`` : '';
  const names = unknownNames(message);
  if (message === NAME_A_COMMAND) {
    return [`error: name a command: ${known.commands.join(', ')}`, helpLine(undefined)].join('\n');
  }
  if (!names || names.length === 0) {
    // Any other complaint of the parser (a missing argument, a value outside its choices) on one line.
    const line = message.replace(/\s*\n\s*/g, ' ').trim();
    const choice = NOT_A_CHOICE.exec(line);
    const choices = choice ? [...choice[3]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!) : [];
    const near = choice ? nearestNames(choice[2]!, choices) : [];
    return [`error: ${printable(line, true)}${near.length > 0 ? `: ${didYouMean(near)}` : ''}`, helpLine(known.command)].join('\n');
  }
  const [first, ...others] = names as [string, ...string[]];
  const more = others.length > 0 ? ` (and ${others.length} more: ${others.map((name) => show(asFlag(name, argv) ?? name)).join(', ')})` : '';
  const flag = asFlag(first, argv);
  if (flag !== undefined) {
    const near = nearestNames(first, known.flags).map(flagName);
    const guess = near.length > 0 ? `: ${didYouMean(near)}` : '';
    return [`error: unknown option ${show(flag)}${where}${guess}${more}`, helpLine(known.command)].join('\n');
  }
  if (known.command === undefined) {
    const near = nearestNames(first, known.commands);
    const guess = near.length > 0 ? `: ${didYouMean(near)}` : '';
    const lines = [`error: unknown command ${show(first)}${guess}${more}`];
    if (near.length === 0) lines.push(`  the commands: ${known.commands.join(', ')}`);
    return [...lines, helpLine(undefined)].join('\n');
  }
  return [`error: unexpected argument ${show(first)}${where}${more}`, helpLine(known.command)].join('\n');
}
