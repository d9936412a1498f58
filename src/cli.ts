#!/usr/bin/env node
/**
 * The command line's entry: a plain `run` goes to cli/run-main.ts, everything else to cli/main.ts
 * (yargs). It loads nothing else: each program sets up its own signals and exit codes. The paths
 * are the same from dist/src/cli.js (tsc's output) and dist/cli/cli.js (the bundle).
 */
import { directRun } from './cli/direct-run.js';

const program = directRun(process.argv.slice(2)) ? './cli/run-main.js' : './cli/main.js';
await import(new URL(program, import.meta.url).href);
