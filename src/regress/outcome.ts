/**
 * What the baseline and check jobs hand the CLI, and the exit codes they promise: 0 when every
 * baseline holds (or was written), 1 on drift, 2 on bad input. The CLI prints `stdout` and
 * `stderr` and exits with `exitCode`; the semantics live here, not in the CLI.
 */
import { toJson } from '../io/write.js';
import type { SoraError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_DRIFT = 1;
export const EXIT_BAD_INPUT = 2;
export type ExitCode = typeof EXIT_OK | typeof EXIT_DRIFT | typeof EXIT_BAD_INPUT;

export interface CommandOutcome {
  exitCode: ExitCode;
  stdout: string;
  stderr: string;
  /** The errors behind exit code 2. */
  errors?: SoraError[];
}

/** Bad input: every error on stderr as the CLI prints SoraErrors (and as JSON on stdout with --json), exit 2. */
export function badInput(errors: readonly SoraError[], json: boolean | undefined, format: string): CommandOutcome {
  const stderr = `${errors.map((e) => e.describe()).join('\n\n')}\n`;
  const stdout = json
    ? toJson({ format, ok: false, exitCode: EXIT_BAD_INPUT, errors: errors.map((e) => ({ message: e.message, ...e.details })) })
    : '';
  return { exitCode: EXIT_BAD_INPUT, stdout, stderr, errors: [...errors] };
}
