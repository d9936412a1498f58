#!/usr/bin/env node
/** The command line: yargs commands that wire the library together. No logic lives here. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_INIT_FILE, DEFAULT_SCENARIO } from './commands/defaults.js';
import { SoraError } from './errors.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './exit-codes.js';
import { writeTerminal } from './io/printable.js';
import { exitQuietlyWhenStdoutCloses } from './io/closed-pipe.js';
import { installSignalHandlers } from './io/signals.js';
import { TOOL_VERSION } from './version.js';
import { failUsage } from './cli/usage-error.js';
import { layoutFor, lineWidth } from './views/terminal.js';
import { NAME_A_COMMAND } from './views/usage-error.js';

// Each command loads its modules when it runs: `run` should not pay for vega, `--help` for nothing.

// Everything printed goes through writeTerminal: a scenario name cannot clear the screen.
function printJson(value: unknown): void {
  writeTerminal(process.stdout, `${JSON.stringify(value, null, 2)}\n`);
}

/** --json, --wide and --color as every command's arguments carry them. */
interface Shown {
  json?: boolean | undefined;
  wide?: boolean | undefined;
  color?: boolean | undefined;
}

/** The widest line of text printed on stdout (views/terminal.ts has the rule). */
function widthOf(args: Shown): number {
  return layoutFor(process.stdout, process.env, args).width;
}

function print(args: Shown, asJson: () => unknown, asText: (width: number) => string): void {
  if (args.json) printJson(asJson());
  else writeTerminal(process.stdout, `${asText(widthOf(args))}\n`);
}

/** Prints what a view made of a command's outcome and sets the exit code the command chose. */
function emit(printed: { stdout: string; stderr: string }, exitCode: number): void {
  writeTerminal(process.stdout, printed.stdout);
  writeTerminal(process.stderr, printed.stderr);
  process.exitCode = exitCode;
}

function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'print JSON for machines' });
}

/** --samples, --seed, --workers and --json, which every sampling command takes. */
function withSamplingOptions<T>(y: Argv<T>) {
  return withJson(y)
    .option('samples', { type: 'string', describe: "number of samples (default: the scenario's), e.g. 1e6" })
    .option('seed', { type: 'string', describe: "random seed (default: the scenario's)" })
    .option('workers', { type: 'number', describe: 'worker threads (default: one per core); results do not depend on it' });
}

/** --memory, for the commands that sample into an output folder. */
function withMemory<T>(y: Argv<T>) {
  return y
    .option('precision', { type: 'string', describe: 'sample in doubling batches until every headline P10/P50/P90 has a 95% interval within this fraction of its value, e.g. 0.5% (--samples: the first batch, default 16384)' })
    .option('max-samples', { type: 'string', describe: 'with --precision: stop here even if the target is not met (default 2^24), said plainly' })
    .option('method', { type: 'string', describe: 'sampling method: mc (Monte Carlo, default), lhs (Latin hypercube per chunk of 8,192) or sobol (scrambled Sobol points, 8 replicates; samples a multiple of 8)' })
    .option('memory', { type: 'string', describe: "memory budget of the statistics, e.g. 512MB (default 256MB; enough for any sample count)" });
}

/** A command that samples one scenario into an output folder. */
function withSampling<T>(y: Argv<T>) {
  return withMemory(withSamplingOptions(y))
    .positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' })
    .option('out', { type: 'string', describe: 'output folder (default: out/<scenario>)' });
}

export async function main(argv: string[]): Promise<void> {
  installSignalHandlers();
  exitQuietlyWhenStdoutCloses();
  const cli = yargs(argv)
    .scriptName('sora-mc')
    .usage("$0 <command> [options]\n\nMonte Carlo uncertainty for the compute behind OpenAI's Sora.")
    .command('run [scenario]', 'sample a scenario and print P10/P50/P90 of the headline outputs; writes result.json', withSampling, async (args) => {
      const [{ runJob }, { runText }] = await Promise.all([import('./commands/run.js'), import('./views/run.js')]);
      const { result, path, besideReport } = await runJob({ ...args, progress: !args.json });
      print(args, () => result, (width) => runText(result, path, besideReport, width));
    })
    .command('report [scenario]', 'sample a scenario and write its report folder (HTML, charts as PNG/SVG/Vega-Lite, CSV, Markdown, JSON); prints the path to report.html', withSampling, async (args) => {
      const [{ reportJob }, view] = await Promise.all([import('./commands/report.js'), import('./views/report.js')]);
      const written = await reportJob({ ...args, progress: !args.json });
      if (!args.json) writeTerminal(process.stderr, `${view.reportNotes([written.result], written, written.beside)}\n`);
      print(args, () => view.reportJson(written), () => written.html);
    })
    .command('bridge [scenario]', "the bridge from the article's figure to the scenario's simulated median: one group of inputs at a time, each step's factor (training H100s, cost per video minute)", (y) =>
      withSamplingOptions(y).positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' }), async (args) => {
      const [{ bridgeJob }, { bridgeText }] = await Promise.all([import('./commands/bridge.js'), import('./views/bridge.js')]);
      const { bridges } = await bridgeJob({ ...args, progress: !args.json });
      print(args, () => bridges, (width) => bridgeText(bridges, width));
    })
    .command('compare <scenarios..>', 'sample several scenarios and write one report comparing their P10/P50/P90 side by side; prints the path to report.html', (y) =>
      withMemory(withSamplingOptions(y))
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more built-in scenario names or scenario files' })
        .option('out', { type: 'string', describe: 'output folder (default: out/compare-<a>-vs-<b>…)' }), async (args) => {
      const [{ compareJob }, view] = await Promise.all([import('./commands/compare.js'), import('./views/report.js')]);
      const written = await compareJob({ ...args, scenarios: args.scenarios, progress: !args.json });
      if (!args.json) writeTerminal(process.stderr, `${view.reportNotes(written.results, written)}\n`);
      print(args, () => view.reportJson(written), () => written.html);
    })
    .command('baseline [scenarios..]', 'write one percentile baseline per scenario; --update --reason rewrites them', (y) =>
      withSamplingOptions(y)
        .positional('scenarios', { type: 'string', array: true, describe: 'built-in names or .yaml/.json files (with --update and none: every baseline in --out)' })
        .option('out', { type: 'string', default: 'baselines', describe: 'folder of baseline files' })
        .option('update', { type: 'boolean', default: false, describe: 'rewrite existing baselines' })
        .option('reason', { type: 'string', describe: "why; recorded in each baseline's history (required with --update)" })
        .option('method', { type: 'string', describe: "sampling method: mc, lhs or sobol (default: an updated baseline's own, else mc); check reruns each baseline with its method" }),
      async (a) => {
        const [{ baselineJob }, { baselinePrinted }] = await Promise.all([import('./commands/baseline.js'), import('./views/baseline.js')]);
        const outcome = await baselineJob({ scenarios: a.scenarios, out: a.out, update: a.update, reason: a.reason, samples: a.samples, seed: a.seed, method: a.method, workers: a.workers, progress: !a.json });
        emit(baselinePrinted(outcome, a.json), outcome.exitCode);
      },
    )
    .command('check [baselines..]', 'rerun baselines and report percentiles that moved beyond sampling noise (exit 0 holds, 1 drift, 2 bad input)', (y) =>
      withSamplingOptions(y)
        .option('samples', { type: 'string', describe: "number of samples (default: each baseline's own), e.g. 1e6" })
        .option('seed', { type: 'string', describe: "random seed (default: each baseline's own)" })
        .positional('baselines', { type: 'string', array: true, describe: 'baseline files or folders (default baselines/)' })
        .option('alpha', { type: 'string', describe: 'family-wise false-alarm rate over all compared percentiles (default 0.001)' })
        .option('fresh-seed', { type: 'boolean', default: false, describe: "rerun with a new random seed (printed); --seed and --samples also rerun with other numbers than the baseline's" })
        .option('markdown', { type: 'string', describe: 'also write the report as Markdown to FILE' }),
      async (a) => {
        const [{ checkJob }, { checkPrinted }] = await Promise.all([import('./commands/check.js'), import('./views/check.js')]);
        const outcome = await checkJob({ targets: a.baselines, alpha: a.alpha, freshSeed: a.freshSeed, seed: a.seed, samples: a.samples, workers: a.workers, markdown: a.markdown, progress: !a.json });
        emit(checkPrinted(outcome, a.json, widthOf(a)), outcome.exitCode);
      },
    )
    .command('backtest [scenario]', "the model at each published video model's own shape and measured setting, as a band over the scenario's remaining uncertainty, beside the measured figure (reports; exits 0 whatever the fit)", (y) =>
      withJson(y)
        .positional('scenario', { type: 'string', default: 'calibrated', describe: 'a built-in scenario name or a .yaml/.json file' })
        .option('calibration', { type: 'string', describe: 'a calibration set (JSON) instead of the one shipped' })
        .option('samples', { type: 'string', describe: 'draws of the scenario per figure (default 4000; 100 to 1,048,576)' })
        .option('seed', { type: 'string', describe: 'random seed of the draws (default 1)' })
        .option('markdown', { type: 'boolean', default: false, describe: 'print the table as Markdown' }),
      async (a) => {
        const [{ backtestJob }, view] = await Promise.all([import('./commands/backtest.js'), import('./views/backtest.js')]);
        const result = backtestJob({ scenario: a.scenario, calibration: a.calibration, samples: a.samples, seed: a.seed });
        print(a, () => result, (width) => (a.markdown ? view.backtestMarkdown(result) : view.backtestText(result, width)));
      },
    )
    .command('calibrate [scenario]', "fit the scenario's calibrated inputs (basis: fitted) from the calibration set and say whether the scenario holds them (exit 0 holds, 1 differs); --out writes it refitted as a new file", (y) =>
      withJson(y)
        .positional('scenario', { type: 'string', default: 'calibrated', describe: 'a built-in scenario name or a .yaml/.json file' })
        .option('calibration', { type: 'string', describe: 'a calibration set (JSON) instead of the one shipped' })
        .option('out', { type: 'string', describe: 'write the scenario with its fitted inputs refitted to this new file (never over an existing one)' }),
      async (a) => {
        const [{ calibrateJob }, view] = await Promise.all([import('./commands/calibrate.js'), import('./views/calibrate.js')]);
        const outcome = calibrateJob({ scenario: a.scenario, calibration: a.calibration, out: a.out });
        print(a, () => view.calibrateJson(outcome), (width) => view.calibrateText(outcome, width));
        process.exitCode = outcome.exitCode;
      },
    )
    .command('sensitivity [scenario]', 'which input matters most: first-order and total Sobol indices of each headline output (Saltelli design, Jansen estimators, bootstrap intervals)', (y) =>
      withJson(y)
        .positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' })
        .option('samples', { type: 'string', describe: 'rows per Saltelli matrix (default 16384); the model runs rows × (uncertain inputs + 2) times' })
        .option('seed', { type: 'string', describe: "random seed (default: the scenario's)" }),
      async (a) => {
        const [{ sensitivityJob }, { sensitivityText }] = await Promise.all([import('./commands/sensitivity.js'), import('./views/sensitivity.js')]);
        const analysis = sensitivityJob({ scenario: a.scenario, samples: a.samples, seed: a.seed });
        print(a, () => analysis, (width) => sensitivityText(analysis, width));
      },
    )
    .command('scenarios', 'list the built-in scenarios', withJson, async (args) => {
      const { scenariosJson, scenariosText } = await import('./views/scenarios.js');
      print(args, scenariosJson, scenariosText);
    })
    .command('inputs', 'list every model input with its unit, article value and evidence range', withJson, async (args) => {
      const { inputsJson, inputsText } = await import('./views/inputs.js');
      print(args, inputsJson, inputsText);
    })
    .command('init [file]', 'write a new scenario file to edit, commented, from a built-in (never over an existing file)', (y) =>
      withJson(y)
        .positional('file', { type: 'string', default: DEFAULT_INIT_FILE, describe: 'the .yaml file to write' })
        .option('from', { type: 'string', default: DEFAULT_SCENARIO, describe: 'the built-in scenario (or a scenario file) to start from' }), async (a) => {
      const [{ initJob }, { initText }] = await Promise.all([import('./commands/init.js'), import('./views/init.js')]);
      const done = initJob({ file: a.file, from: a.from });
      print(a, () => done, (width) => initText(done, width));
    })
    .command('schema [kind]', 'print the JSON Schema of scenario, result or baseline files (published as schema/<kind>.schema.json)', (y) =>
      y.positional('kind', { choices: ['scenario', 'result', 'baseline'] as const, default: 'scenario' as const, describe: 'which kind of file' }), async (args) => {
      const { SCHEMAS } = await import('./views/schemas.js');
      printJson(SCHEMAS[args.kind]());
    })
    .command('reproduce', "print the article's figures beside what the model computes from its inputs", withJson, async (args) => {
      const { reproduceJson, reproduceText } = await import('./views/reproduce.js');
      print(args, reproduceJson, reproduceText);
    })
    .completion('completion', 'print a shell completion script (bash or zsh): sora-mc completion >> ~/.bashrc')
    .option('wide', { type: 'boolean', describe: 'print tables at full width instead of fitting the terminal (COLUMNS, or 100 when not a terminal)' })
    .option('color', { type: 'boolean', describe: 'colour on a terminal (--no-color or NO_COLOR: never)' })
    .demandCommand(1, NAME_A_COMMAND)
    .strict()
    .locale('en')
    .version(TOOL_VERSION)
    .help()
    .wrap(Math.min(110, lineWidth(process.stdout, process.env)))
    .fail((message, error) => {
      if (error) throw error;
      failUsage(cli, message, argv);
    });
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch((error: unknown) => {
  if (error instanceof SoraError) {
    process.stderr.write(`${error.describe()}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  // Not the user's input: a bug or the machine (memory, a dying worker). Exit 3, never 1 (drift).
  writeTerminal(process.stderr, `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
});
