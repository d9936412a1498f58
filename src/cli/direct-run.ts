/**
 * A plain `run` read without yargs: `run [scenario]` followed only by run's own options (options.ts),
 * each at most once, as `--name value`, `--name=value` or, for a flag, `--flag` / `--no-flag`.
 * Anything else — help, completion, another command, an unknown or repeated option, a short flag,
 * a value that starts with a dash, a flag followed by `true` or `false`, `--` — returns null and goes to yargs (yargs-main.ts), which
 * explains it. Reading these argument lists the way yargs does them costs a few microseconds;
 * loading yargs and building its help text costs ~0.1 s, most of what `run --samples 1e3` took.
 */
import { DEFAULT_SCENARIO } from '../commands/defaults.js';
import { RUN_OPTIONS, type OptionSpec } from './options.js';
import type { RunArgs } from './run-command.js';

/** --max-samples → maxSamples, the name yargs also gives the handler. */
function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The arguments yargs would hand `run`'s handler for `argv`, or null when yargs should read it. */
export function directRun(argv: readonly string[]): RunArgs | null {
  if (argv[0] !== 'run') return null;
  const options = RUN_OPTIONS as Readonly<Record<string, OptionSpec>>;
  const args: Record<string, unknown> = {};
  const seen = new Set<string>();
  let scenario: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      if (word.startsWith('-') || scenario !== undefined) return null;
      scenario = word;
      continue;
    }
    const equals = word.indexOf('=');
    const written = equals < 0 ? word.slice(2) : word.slice(2, equals);
    let text = equals < 0 ? undefined : word.slice(equals + 1);
    const negated = written.startsWith('no-') && options[written.slice(3)]?.type === 'boolean' && text === undefined;
    const name = negated ? written.slice(3) : written;
    const spec = options[name];
    if (!spec || seen.has(name)) return null;
    seen.add(name);
    if (spec.type === 'boolean') {
      // yargs reads `--json false` as the flag's value; here it would be a scenario named "false".
      if (text === undefined && !negated && (argv[i + 1] === 'true' || argv[i + 1] === 'false')) return null;
      if (negated) args[camelCase(name)] = false;
      else if (text === undefined || text === 'true' || text === 'false') args[camelCase(name)] = text !== 'false';
      else return null;
      continue;
    }
    if (text === undefined) text = argv[++i];
    if (text === undefined || text === '' || text.startsWith('-')) return null;
    if (spec.type === 'number' && !/^\d+$/.test(text)) return null;
    args[camelCase(name)] = spec.type === 'number' ? Number(text) : text;
  }
  for (const [name, spec] of Object.entries(options)) if (spec.default !== undefined && !seen.has(name)) args[camelCase(name)] = spec.default;
  return { ...args, scenario: scenario ?? DEFAULT_SCENARIO } as RunArgs;
}
