#!/usr/bin/env node
/** The command line: yargs commands that wire the library together. No logic lives here. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { SoraError } from './errors.js';
import { inputsJson, inputsText } from './views/inputs.js';
import { reproduceJson, reproduceText } from './views/reproduce.js';
import { TOOL_VERSION } from './version.js';

const EXIT_BAD_INPUT = 2;

function print(json: boolean, asJson: () => unknown, asText: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(asJson(), null, 2)}\n` : `${asText()}\n`);
}

function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' });
}

export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('sora-mc')
    .usage('$0 <command> [options]\n\nMonte Carlo uncertainty for the compute behind OpenAI\'s Sora.')
    .command('inputs', 'list every model input with its unit, article value and evidence range', withJson, (args) =>
      print(args.json, inputsJson, inputsText),
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
      if (error instanceof SoraError) throw error;
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
