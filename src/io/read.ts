/**
 * Reading an input file (a scenario, a baseline, a Result) as text: a file that cannot be read is
 * bad input naming the file — "not found" when it is missing, with a hint of how to make one.
 */
import { readFileSync } from 'node:fs';
import { SoraError } from '../errors.js';

/** The UTF-8 text of `file`; `what` names it in errors (`the baseline file`). */
export function readInputFile(file: string, what: string, makeHint?: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SoraError(missing ? `${what} not found` : `cannot read ${what}`, {
      file,
      found: (error as Error).message,
      ...(missing && makeHint ? { hint: makeHint } : {}),
    });
  }
}
