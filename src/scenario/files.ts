/** Reading scenario files: YAML or JSON, built-in by name or a path. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { SoraError, show } from '../errors.js';
import { readInputFile } from '../io/read.js';
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
  // Only scenario files are read as scenarios: `extends: /etc/shadow` or a baseline whose
  // scenario.source.path names a private key is refused by its name, before a byte of it is read.
  if (!EXTENSIONS.includes(extname(file).toLowerCase())) {
    throw new SoraError('a scenario file ends in .yaml, .yml or .json', { expected: 'a built-in name or a .yaml, .yml or .json file', found: show(file) });
  }
  if (!existsSync(file)) {
    throw new SoraError('scenario file not found', { expected: 'an existing .yaml or .json file', found: file });
  }
  return { file, origin: file };
}

/** Parses a scenario file's text; malformed YAML or JSON is an error naming the line. */
export function readScenarioFile(file: string): unknown {
  const text = readInputFile(file, 'the scenario file', undefined, EXTENSIONS);
  const kind = extname(file) === '.json' ? 'JSON' : 'YAML';
  const malformed = (found: string, where?: { line: number; col: number }) =>
    new SoraError(`malformed ${kind}`, {
      file,
      ...(where ? { path: `line ${where.line}, column ${where.col}` } : {}),
      expected: 'one well-formed scenario document',
      found,
    });
  if (kind === 'JSON') {
    // YAML would accept JSON with trailing commas or comments; a .json file must be strict JSON.
    try {
      JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw malformed((error as Error).message);
    }
  }
  // JSON is YAML, so one parser reads both (and names lines); duplicate keys are errors, and so are
  // warnings (such as an unknown tag like !!js/function), which the parser would otherwise print.
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'silent' });
  const all = Array.isArray(docs) ? docs : [];
  const doc = all[0] ?? parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw malformed(problem.message.split('\n')[0]!, problem.linePos?.[0]);
  // A second document would be silently ignored: which one did the author mean?
  if (all.length > 1) {
    const where = all[1]!.range[0];
    throw malformed(`${all.length} documents (separated by ---)`, lineColumnOf(text, where));
  }
  try {
    // Aliases that expand to more than MAX_ALIAS_COUNT nodes (a "billion laughs" alias bomb) are bad input.
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) throw malformed(`aliases that expand too far (${error.message.split('\n')[0]})`);
    throw error;
  }
}

/** The most alias expansions a scenario may make; a hand-written scenario uses a handful. */
export const MAX_ALIAS_COUNT = 100;

function lineColumnOf(text: string, offset: number): { line: number; col: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}
