/**
 * The CLI's answer to arguments yargs rejects: the names it knows at that point (read from the yargs
 * instance), the view's few lines on stderr, exit 2.
 */
import type { Argv } from 'yargs';
import { EXIT_BAD_INPUT } from '../exit-codes.js';
import { writeTerminal } from '../io/printable.js';
import { usageErrorText, type KnownNames } from '../views/usage-error.js';

/**
 * The parts of a yargs instance read here. getOptions and getInternalMethods are what yargs' own
 * completion and validation read (yargs 17–18); test/cli/usage-errors.slow.test.ts fails if they change.
 */
interface YargsInside {
  getOptions(): { key: Record<string, unknown>; hiddenOptions?: string[] };
  getInternalMethods(): {
    getCommandInstance(): { getCommands(): string[] };
    getContext(): { commands: string[] };
  };
}

/** The commands, the command being parsed and its flags, where yargs failed. */
export function knownNames(cli: Argv): KnownNames {
  const inside = cli as unknown as YargsInside;
  const internal = inside.getInternalMethods();
  const options = inside.getOptions();
  const hidden = new Set(options.hiddenOptions ?? []);
  return {
    commands: internal.getCommandInstance().getCommands(),
    command: internal.getContext().commands.join(' ') || undefined,
    flags: Object.keys(options.key).filter((flag) => !hidden.has(flag)),
  };
}

/** Prints the usage error for yargs' `message` and exits 2. */
export function failUsage(cli: Argv, message: string, argv: readonly string[]): never {
  writeTerminal(process.stderr, `${usageErrorText(message, argv, knownNames(cli))}\n`);
  process.exit(EXIT_BAD_INPUT);
}
