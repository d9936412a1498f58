/**
 * The options of the sampling commands as data: the yargs wiring (yargs-main.ts) declares them from
 * here, and the direct reading of a plain `run` (direct-run.ts) reads the same table, so each
 * option has one home.
 */

/** What yargs' `.options()` takes, for the option types the CLI uses. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean';
  describe: string;
  default?: string | boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** --json, which every command that prints takes. */
export const JSON_OPTION = {
  json: { type: 'boolean', default: false, describe: 'print JSON for machines' },
} as const satisfies OptionTable;

/** --samples, --seed, --workers, which every sampling command takes. */
export const SAMPLING_OPTIONS = {
  samples: { type: 'string', describe: "number of samples (default: the scenario's), e.g. 1e6" },
  seed: { type: 'string', describe: "random seed (default: the scenario's)" },
  workers: { type: 'number', describe: 'worker threads (default: one per core); results do not depend on it' },
} as const satisfies OptionTable;

/** The options of the commands that sample into an output folder. */
export const MEMORY_OPTIONS = {
  precision: { type: 'string', describe: 'sample in doubling batches until every headline P10/P50/P90 has a 95% interval within this fraction of its value, e.g. 0.5% (--samples: the first batch, default 16384)' },
  'max-samples': { type: 'string', describe: 'with --precision: stop here even if the target is not met (default 2^24), said plainly' },
  method: { type: 'string', describe: 'sampling method: mc (Monte Carlo, default), lhs (Latin hypercube per chunk of 8,192) or sobol (scrambled Sobol points, 8 replicates; samples a multiple of 8)' },
  memory: { type: 'string', describe: "memory budget of the statistics, e.g. 512MB (default 256MB; enough for any sample count)" },
} as const satisfies OptionTable;

export const OUT_OPTION = {
  out: { type: 'string', describe: 'output folder (default: out/<scenario>)' },
} as const satisfies OptionTable;

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  wide: { type: 'boolean', describe: 'print tables at full width instead of fitting the terminal (COLUMNS, or 100 when not a terminal)' },
  color: { type: 'boolean', describe: 'colour on a terminal (--no-color or NO_COLOR: never)' },
} as const satisfies OptionTable;

/** Every option `run` takes. */
export const RUN_OPTIONS = { ...JSON_OPTION, ...SAMPLING_OPTIONS, ...MEMORY_OPTIONS, ...OUT_OPTION, ...GLOBAL_OPTIONS } as const satisfies OptionTable;
