/**
 * What a command prints: its standard output and standard error, decided by the views from the
 * command's data; the CLI writes them and exits with the command's code.
 */
import type { SoraError } from '../errors.js';
import { EXIT_BAD_INPUT } from '../exit-codes.js';
import { toJson } from '../io/json.js';

export interface Printed {
  stdout: string;
  stderr: string;
}

/**
 * Bad input: every error on stderr as the CLI prints errors, and with --json one document on
 * stdout that says so (`format`, ok false, exit code 2, each error's message and details).
 */
export function badInputPrinted(errors: readonly SoraError[], json: boolean | undefined, format: string): Printed {
  const stderr = `${errors.map((e) => e.describe()).join('\n\n')}\n`;
  const stdout = json
    ? toJson({ format, ok: false, exitCode: EXIT_BAD_INPUT, errors: errors.map((e) => ({ message: e.message, ...e.details })) })
    : '';
  return { stdout, stderr };
}
