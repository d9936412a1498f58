#!/usr/bin/env node
/** The command line: yargs commands that wire the library together. No logic lives here. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_SCENARIO, runJob } from './commands/run.js';
import { SoraError } from './errors.js';
import { scenarioJsonSchema } from './scenario/schema.js';
import { inputsJson, inputsText } from './views/inputs.js';
import { reproduceJson, reproduceText } from './views/reproduce.js';
import { runText } from './views/run.js';
import { scenariosJson, scenariosText } from './views/scenarios.js';
import { TOOL_VERSION } from './version.js';

const EXIT_BAD_INPUT = 2;

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function print(json: boolean, asJson: () => unknown, asText: () => string): void {
  if (json) printJson(asJson());
  else process.stdout.write(`${asText()}\n`);
}

function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' });
}

function withSampling<T>(y: Argv<T>) {
  return withJson(y)
    .positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' })
    .option('samples', { type: 'string', describe: "number of samples (default: the scenario's), e.g. 1e6" })
    .option('seed', { type: 'string', describe: "random seed (default: the scenario's)" })
    .option('workers', { type: 'number', describe: 'worker threads (default: one per core); results do not depend on it' })
    .option('out', { type: 'string', describe: 'output folder (default: out/<scenario>)' });
}

export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('sora-mc')
    .usage("$0 <command> [options]\n\nMonte Carlo uncertainty for the compute behind OpenAI's Sora.")
    .command('run [scenario]', 'sample a scenario and print P10/P50/P90 of the headline outputs; writes result.json', withSampling, async (args) => {
      const { result, path } = await runJob({ ...args, progress: !args.json });
      print(args.json, () => result, () => runText(result, path));
    })
    .command('scenarios', 'list the built-in scenarios', withJson, (args) => print(args.json, scenariosJson, scenariosText))
    .command('inputs', 'list every model input with its unit, article value and evidence range', withJson, (args) =>
      print(args.json, inputsJson, inputsText),
    )
    .command('schema', 'print the JSON Schema of scenario files (published as schema/scenario.schema.json)', {}, () =>
      printJson(scenarioJsonSchema()),
    )
    .command('reproduce', "print the article's figures beside what the model computes from its inputs", withJson, (args) =>
      print(args.json, reproduceJson, reproduceText),
    )
    .demandCommand(1, 'name a command')
    .strict()
    .version(TOOL_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error, y) => {
      if (error) throw error;
      y.showHelp((text) => process.stderr.write(`${text}\n\n`));
      process.stderr.write(`error: ${message}\n`);
      process.exit(EXIT_BAD_INPUT);
    });
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch((error: unknown) => {
  if (error instanceof SoraError) {
    process.stderr.write(`${error.describe()}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  throw error;
});
