/**
 * The init job: write a new, commented scenario file from a built-in (or another scenario), with the
 * `$schema` line editors read. It never writes over anything (io/create-new.ts).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_INIT_FILE, DEFAULT_SCENARIO } from './defaults.js';
import { SoraError, show } from '../errors.js';
import { createNewFile } from '../io/create-new.js';
import { INPUT_KEYS } from '../model/inputs.js';
import { PACKAGE_ROOT, packagePath } from '../paths.js';
import { writtenScenario } from '../scenario/resolve.js';
import type { Initialised } from '../views/init.js';
import { nameFromFile, scenarioFileText } from '../views/scenario-file.js';

const SCHEMA_IN_PACKAGE = ['schema', 'scenario.schema.json'] as const;
/** Where a project that depends on sora-mc finds the schema, from its root. */
export const DEPENDENCY_SCHEMA = ['node_modules', 'sora-mc', ...SCHEMA_IN_PACKAGE].join('/');

export interface InitRequest {
  file?: string | undefined;
  from?: string | undefined;
}

/** `to` from folder `from`, with `/` (what the YAML language server reads). */
function relativeRef(from: string, to: string): string {
  const path = relative(from, to);
  return isAbsolute(path) ? path : path.split(sep).join('/');
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The schema a file in `dir` should name: the copy in the nearest node_modules/sora-mc (a project
 * that depends on sora-mc); else, for a file inside this package's own folder (its checkout), the
 * package's schema; else, inside a project (a package.json above), where its node_modules will
 * hold it once sora-mc is installed; else the running package's schema, by absolute path.
 */
export function schemaReference(dir: string): string {
  const folders: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    folders.push(d);
    if (dirname(d) === d) break;
  }
  const installed = folders.map((d) => join(d, DEPENDENCY_SCHEMA)).find((path) => existsSync(path));
  if (installed) return relativeRef(dir, installed);
  const own = packagePath(...SCHEMA_IN_PACKAGE);
  if (isInside(PACKAGE_ROOT, resolve(dir))) return relativeRef(dir, own);
  const project = folders.find((d) => existsSync(join(d, 'package.json')));
  if (project) return relativeRef(dir, join(project, DEPENDENCY_SCHEMA));
  return own.split(sep).join('/');
}

export function initJob({ file = DEFAULT_INIT_FILE, from = DEFAULT_SCENARIO }: InitRequest = {}): Initialised {
  const extension = extname(file).toLowerCase();
  if (extension !== '.yaml' && extension !== '.yml') {
    throw new SoraError('sora-mc init writes a YAML scenario file', { path: 'file', expected: 'a file name ending in .yaml or .yml', found: show(file) });
  }
  const { document, origin } = writtenScenario(from);
  const schema = schemaReference(dirname(resolve(file)));
  const text = scenarioFileText({ document, origin, fileName: file, name: nameFromFile(basename(file, extname(file))), schema });
  createNewFile(file, text);
  return { file, origin, schema, inputs: INPUT_KEYS.filter((key) => document.inputs[key] !== undefined) };
}
