/**
 * The command line read by yargs: every command, its options and help, the usage errors. No logic
 * lives here: each command wires src/commands/ to src/views/. A plain `run` is read without yargs
 * (direct-run.ts) and never loads this module.
 */
import yargs, { type Argv } from 'yargs';
import { DEFAULT_INIT_FILE, DEFAULT_SCENARIO } from '../commands/defaults.js';
import { writeTerminal } from '../io/printable.js';
import { TOOL_VERSION } from '../version.js';
import { lineWidth } from '../views/terminal.js';
import { END_OF_OPTIONS, NAME_A_COMMAND } from '../views/usage-error.js';
import { GLOBAL_OPTIONS, JSON_OPTION, MEMORY_OPTIONS, OUT_OPTION, SAMPLING_OPTIONS } from './options.js';
import { emit, print, printJson, widthOf } from './print.js';
import { runCommand, type RunArgs } from './run-command.js';
import { failUsage } from './usage-error.js';

// Each command loads its modules when it runs: `run` should not pay for vega, `--help` for nothing.

function withJson<T>(y: Argv<T>) {
  return y.options(JSON_OPTION);
}

/** --samples, --seed, --workers and --json, which every sampling command takes. */
function withSamplingOptions<T>(y: Argv<T>) {
  return withJson(y).options(SAMPLING_OPTIONS);
}

/** --precision, --max-samples, --method and --memory, for the commands that sample into an output folder. */
function withMemory<T>(y: Argv<T>) {
  return y.options(MEMORY_OPTIONS);
}

/** A command that samples one scenario into an output folder. */
function withSampling<T>(y: Argv<T>) {
  return withMemory(withSamplingOptions(y))
    .positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' })
    .options(OUT_OPTION);
}

export async function yargsMain(argv: string[]): Promise<void> {
  await commandLine(argv, runCommand).parseAsync();
}

/** The yargs command line for `argv`; `run` hands its arguments to `onRun` (a test reads them there). */
export function commandLine(argv: string[], onRun: (args: RunArgs) => Promise<void>) {
  const cli = yargs(argv)
    .scriptName('sora-mc')
    .usage("$0 <command> [options]\n\nMonte Carlo uncertainty for the compute behind OpenAI's Sora.")
    .command('run [scenario]', 'sample a scenario and print P10/P50/P90 of the headline outputs; writes result.json', withSampling, (args) => onRun(args))
    .command('report [scenario]', 'sample a scenario and write its report folder (HTML, charts as PNG/SVG/Vega-Lite, CSV, Markdown, JSON); prints the path to report.html', withSampling, async (args) => {
      const [{ reportJob }, view] = await Promise.all([import('../commands/report.js'), import('../views/report.js')]);
      const written = await reportJob({ ...args, progress: !args.json });
      if (!args.json) writeTerminal(process.stderr, `${view.reportNotes([written.result], written, written.beside)}\n`);
      print(args, () => view.reportJson(written), () => written.html);
    })
    .command('bridge [scenario]', "the bridge from the article's figure to the scenario's simulated median: one group of inputs at a time, each step's factor (training H100s, cost per video minute)", (y) =>
      withSamplingOptions(y).positional('scenario', { type: 'string', default: DEFAULT_SCENARIO, describe: 'a built-in scenario name or a .yaml/.json file' }), async (args) => {
      const [{ bridgeJob }, { bridgeText }] = await Promise.all([import('../commands/bridge.js'), import('../views/bridge.js')]);
      const { bridges } = await bridgeJob({ ...args, progress: !args.json });
      print(args, () => bridges, (width) => bridgeText(bridges, width));
    })
    .command('compare <scenarios..>', 'sample several scenarios and write one report comparing their P10/P50/P90 side by side; prints the path to report.html', (y) =>
      withMemory(withSamplingOptions(y))
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more built-in scenario names or scenario files' })
        .option('out', { type: 'string', describe: 'output folder (default: out/compare-<a>-vs-<b>…)' }), async (args) => {
      const [{ compareJob }, view] = await Promise.all([import('../commands/compare.js'), import('../views/report.js')]);
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
        const [{ baselineJob }, { baselinePrinted }] = await Promise.all([import('../commands/baseline.js'), import('../views/baseline.js')]);
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
        const [{ checkJob }, { checkPrinted }] = await Promise.all([import('../commands/check.js'), import('../views/check.js')]);
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
        const [{ backtestJob }, view] = await Promise.all([import('../commands/backtest.js'), import('../views/backtest.js')]);
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
        const [{ calibrateJob }, view] = await Promise.all([import('../commands/calibrate.js'), import('../views/calibrate.js')]);
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
        const [{ sensitivityJob }, { sensitivityText }] = await Promise.all([import('../commands/sensitivity.js'), import('../views/sensitivity.js')]);
        const analysis = sensitivityJob({ scenario: a.scenario, samples: a.samples, seed: a.seed });
        print(a, () => analysis, (width) => sensitivityText(analysis, width));
      },
    )
    .command('scenarios', 'list the built-in scenarios', withJson, async (args) => {
      const { scenariosJson, scenariosText } = await import('../views/scenarios.js');
      print(args, scenariosJson, scenariosText);
    })
    .command('inputs', 'list every model input with its unit, article value and evidence range', withJson, async (args) => {
      const { inputsJson, inputsText } = await import('../views/inputs.js');
      print(args, inputsJson, inputsText);
    })
    .command('init [file]', 'write a new scenario file to edit, commented, from a built-in (never over an existing file)', (y) =>
      withJson(y)
        .positional('file', { type: 'string', default: DEFAULT_INIT_FILE, describe: 'the .yaml file to write' })
        .option('from', { type: 'string', default: DEFAULT_SCENARIO, describe: 'the built-in scenario (or a scenario file) to start from' }), async (a) => {
      const [{ initJob }, { initText }] = await Promise.all([import('../commands/init.js'), import('../views/init.js')]);
      const done = initJob({ file: a.file, from: a.from });
      print(a, () => done, (width) => initText(done, width));
    })
    .command('schema [kind]', 'print the JSON Schema of scenario, result or baseline files (published as schema/<kind>.schema.json)', (y) =>
      y.positional('kind', { choices: ['scenario', 'result', 'baseline'] as const, default: 'scenario' as const, describe: 'which kind of file' }), async (args) => {
      const { SCHEMAS } = await import('../views/schemas.js');
      printJson(SCHEMAS[args.kind]());
    })
    .command('reproduce', "print the article's figures beside what the model computes from its inputs", withJson, async (args) => {
      const { reproduceJson, reproduceText } = await import('../views/reproduce.js');
      print(args, reproduceJson, reproduceText);
    })
    .completion('completion', 'print a shell completion script (bash or zsh): sora-mc completion >> ~/.bashrc')
    .options(GLOBAL_OPTIONS)
    .demandCommand(1, NAME_A_COMMAND)
    // sora-mc passes nothing on to another program: words after `--` would be dropped without a word.
    .parserConfiguration({ 'populate--': true })
    .check((args) => ((args['--'] as unknown[] | undefined)?.length ? END_OF_OPTIONS : true))
    .strict()
    .locale('en')
    .version(TOOL_VERSION)
    .help()
    .wrap(Math.min(110, lineWidth(process.stdout, process.env)))
    .fail((message, error) => {
      // A command's own failure is an Error; a failed .check() arrives as its message (a string).
      if (error instanceof Error) throw error;
      failUsage(cli, message, argv);
    });
  return cli;
}
