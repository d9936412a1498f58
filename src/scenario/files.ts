/** Reading scenario files: YAML or JSON, built-in by name or a path. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { SoraError } from '../errors.js';
import { packagePath } from '../paths.js';

export const BUILTIN_DIR = packagePath('scenarios');
const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Names of the built-in scenarios (files in scenarios/). */
export function builtinNames(): string[] {
  return readdirSync(BUILTIN_DIR)
    .filter((file) => EXTENSIONS.includes(extname(file)))
    .map((file) => basename(file, extname(file)))
    .sort();
}

/** A built-in name ("mission") or a path ("./my.yaml", relative to `from`) → an absolute file path. */
export function locateScenario(ref: string, from = process.cwd()): { file: string; origin: string } {
  const looksLikePath = ref.includes('/') || ref.includes('\\') || EXTENSIONS.includes(extname(ref));
  if (!looksLikePath) {
    for (const ext of EXTENSIONS) {
      const file = resolve(BUILTIN_DIR, ref + ext);
      if (existsSync(file)) return { file, origin: `builtin:${ref}` };
    }
    const names = builtinNames();
    throw new SoraError(`no built-in scenario named ${JSON.stringify(ref)}`, {
      expected: `a built-in (${names.join(', ')}) or a path to a .yaml or .json file`,
      found: JSON.stringify(ref),
    });
  }
  const file = resolve(from, ref);
  if (!existsSync(file)) {
    throw new SoraError('scenario file not found', { expected: 'an existing .yaml or .json file', found: file });
  }
  return { file, origin: file };
}

/** Parses a scenario file's text; malformed YAML or JSON is an error naming the line. */
export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SoraError('cannot read the scenario file', { file, found: (error as Error).message });
  }
  try {
    // JSON is YAML, so one parser reads both; duplicate keys are errors.
    return parse(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      throw new SoraError(`malformed ${extname(file) === '.json' ? 'JSON' : 'YAML'}`, {
        file,
        ...(where ? { path: `line ${where.line}, column ${where.col}` } : {}),
        expected: 'a well-formed scenario document',
        found: error.message.split('\n')[0]!,
      });
    }
    throw error;
  }
}
