#!/usr/bin/env node
/**
 * The command line's entry: a plain `run` goes to cli/run-main.ts, everything else to cli/main.ts
 * (yargs). It loads nothing else: each program sets up its own signals and exit codes. The paths
 * are the same from dist/src/cli.js (tsc's output) and dist/cli/cli.js (the bundle), and are built
 * at run time so that the bundler leaves each program in its own file.
 */
import { directRun } from './cli/direct-run.js';

const load = (path: string): Promise<unknown> => import(new URL(path, import.meta.url).href);

const argv = process.argv.slice(2);
const run = directRun(argv);
if (run) ((await load('./cli/run-main.js')) as typeof import('./cli/run-main.js')).runMain(run);
else ((await load('./cli/main.js')) as typeof import('./cli/main.js')).main(argv);
