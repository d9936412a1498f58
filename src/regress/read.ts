/**
 * Reading baseline files back, strictly. A missing, truncated or hand-edited baseline is a
 * SoraError naming the file and the field (and the check exits 2) — never a silent pass: every
 * field the check reads is present and well-formed, every output lists exactly the baseline's
 * percentiles in order, and each estimate lies inside its own interval.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { SoraError, show } from '../errors.js';
import { STEP_COST_MODELS } from '../model/compute.js';
import { isOutputKey, OUTPUT_KEYS } from '../model/outputs.js';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION, type Baseline, type BaselineFile } from './baseline.js';
import { errorOffset, jsonPathAt, lineColumn } from './json-position.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** Percentile probabilities match when equal up to rounding in a hand-written file. */
const SAME_P = 1e-12;

function malformed(path: string, expected: string, found: unknown, hint?: string): SoraError {
  const what = found === undefined ? `missing field ${path}` : `malformed field ${path}`;
  return new SoraError(what, { path, expected, found: found === undefined ? 'nothing' : show(found), ...(hint ? { hint } : {}) });
}

/** `doc[key]` after checking it with `ok`; the error names `path.key`. */
function need<T>(doc: Json, path: string, key: string, expected: string, ok: (v: unknown) => v is T): T {
  const value = doc[key];
  const at = path ? `${path}.${key}` : key;
  if (!ok(value)) throw malformed(at, expected, value);
  return value;
}

function object(doc: Json, path: string, key: string, expected: string): Json {
  return need(doc, path, key, expected, isObject);
}

function checkSource(scenario: Json): void {
  const source = object(scenario, 'scenario', 'source', '{ "builtin": "<name>" } or { "path": "<scenario file relative to this baseline>" }');
  const kinds = ['builtin', 'path'].filter((k) => source[k] !== undefined);
  if (kinds.length !== 1) {
    throw malformed('scenario.source', 'exactly one of "builtin" or "path"', source);
  }
  need(source, 'scenario.source', kinds[0]!, 'a non-empty string', isText);
}

function checkScenario(doc: Json): void {
  const scenario = object(doc, '', 'scenario', 'the scenario: source, name, hash, stepCost, inputs');
  checkSource(scenario);
  need(scenario, 'scenario', 'name', 'a non-empty string', isText);
  need(scenario, 'scenario', 'hash', 'a sha256 in hex (64 characters)', (v): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v));
  need(scenario, 'scenario', 'stepCost', `one of ${STEP_COST_MODELS.join(', ')}`, (v): v is string =>
    (STEP_COST_MODELS as readonly unknown[]).includes(v),
  );
  const inputs = object(scenario, 'scenario', 'inputs', 'each input’s { spec, description }');
  for (const [key, input] of Object.entries(inputs)) {
    const path = `scenario.inputs.${key}`;
    if (!isObject(input)) throw malformed(path, '{ spec, description }', input);
    const spec = object(input, path, 'spec', 'the distribution’s canonical parameters { dist, ... }');
    need(spec, `${path}.spec`, 'dist', 'a distribution family name', isText);
    need(input, path, 'description', 'a string', (v): v is string => typeof v === 'string');
  }
}

function checkRun(doc: Json): number {
  const run = object(doc, '', 'run', 'how the sample was drawn: seed, samples, sampling, generator, engine, tool');
  need(run, 'run', 'seed', 'a non-empty string', isText);
  const samples = need(run, 'run', 'samples', 'a positive whole number', isCount);
  need(run, 'run', 'sampling', 'a sampling method such as "monte-carlo"', isText);
  for (const key of ['generator', 'tool']) {
    const part = object(run, 'run', key, '{ name, version }');
    need(part, `run.${key}`, 'name', 'a non-empty string', isText);
    need(part, `run.${key}`, 'version', 'a non-empty string', isText);
  }
  need(run, 'run', 'engine', 'an engine version such as "sora-mc-engine/1"', isText);
  return samples;
}

function checkMethod(doc: Json): void {
  const method = object(doc, '', 'method', '{ quantile, interval, confidence }');
  need(method, 'method', 'quantile', 'the quantile definition', isText);
  need(method, 'method', 'interval', 'the interval method', isText);
  need(method, 'method', 'confidence', 'a number between 0 and 1', (v): v is number => isFiniteNumber(v) && v > 0 && v < 1);
}

function checkPercentileList(doc: Json): number[] {
  const ps = need(doc, '', 'percentiles', 'a non-empty list of probabilities in (0, 1), increasing', (v): v is unknown[] =>
    Array.isArray(v) && v.length > 0,
  );
  ps.forEach((p, i) => {
    const previous = i > 0 ? (ps[i - 1] as number) : 0;
    if (!isFiniteNumber(p) || p <= 0 || p >= 1 || p <= previous) {
      throw malformed(`percentiles.${i}`, `a probability in (${show(previous)}, 1), the list increasing`, p);
    }
  });
  return ps as number[];
}

function checkOutputs(doc: Json, ps: number[], samples: number): void {
  const outputs = object(doc, '', 'outputs', 'per output { unit, label, n, percentiles }');
  const keys = Object.keys(outputs);
  if (keys.length === 0) throw malformed('outputs', 'at least one output', outputs);
  for (const key of keys) {
    const path = `outputs.${key}`;
    if (!isOutputKey(key)) {
      throw new SoraError(`unknown output ${JSON.stringify(key)}`, {
        path,
        expected: `one of ${OUTPUT_KEYS.join(', ')}`,
        found: JSON.stringify(key),
      });
    }
    const output = outputs[key];
    if (!isObject(output)) throw malformed(path, '{ unit, label, n, percentiles }', output);
    need(output, path, 'unit', 'a string', (v): v is string => typeof v === 'string');
    need(output, path, 'label', 'a string', (v): v is string => typeof v === 'string');
    need(output, path, 'n', `a whole number from 1 to the sample count (${samples})`, (v): v is number => isCount(v) && v <= samples);
    const list = need(output, path, 'percentiles', `a list of ${ps.length} { p, value, lower, upper }`, Array.isArray);
    const listed = list.map((q) => (isObject(q) ? q.p : undefined));
    if (list.length !== ps.length) {
      throw new SoraError(`the percentile list does not match the baseline's percentiles`, {
        path: `${path}.percentiles`,
        expected: `${ps.length} entries, for p = ${ps.join(', ')}`,
        found: `${list.length} entries, for p = ${listed.map(show).join(', ')}`,
      });
    }
    list.forEach((q, i) => {
      const at = `${path}.percentiles.${i}`;
      if (!isObject(q)) throw malformed(at, '{ p, value, lower, upper }', q);
      for (const k of ['p', 'value', 'lower', 'upper']) need(q, at, k, 'a finite number', isFiniteNumber);
      const p = q.p as number;
      if (Math.abs(p - ps[i]!) > SAME_P) {
        throw new SoraError(`the percentile list does not match the baseline's percentiles`, {
          path: `${at}.p`,
          expected: `p = ${ps[i]} (entry ${i} of ${ps.join(', ')})`,
          found: `p = ${show(p)}`,
        });
      }
      const { value, lower, upper } = q as { value: number; lower: number; upper: number };
      if (!(lower <= value && value <= upper)) {
        throw new SoraError('the estimate lies outside its own confidence interval', {
          path: at,
          expected: 'lower ≤ value ≤ upper',
          found: `lower ${lower}, value ${value}, upper ${upper}`,
        });
      }
    });
  }
}

function checkHistory(doc: Json): void {
  const history = need(doc, '', 'history', 'a list of { date, reason, toolVersion, engine, hash, seed, samples }', Array.isArray);
  history.forEach((entry, i) => {
    const path = `history.${i}`;
    if (!isObject(entry)) throw malformed(path, '{ date, reason, toolVersion, engine, hash, seed, samples }', entry);
    need(entry, path, 'date', 'an ISO 8601 date', (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)));
    need(entry, path, 'reason', 'a non-empty string', isText);
    for (const key of ['toolVersion', 'engine', 'hash', 'seed']) need(entry, path, key, 'a non-empty string', isText);
    need(entry, path, 'samples', 'a positive whole number', isCount);
  });
}

/** Checks that `value` is a well-formed baseline (errors name the field, not yet the file). */
export function parseBaseline(value: unknown): Baseline {
  if (!isObject(value)) throw malformed('(document)', 'a JSON object', value);
  const format = value.format;
  if (format !== BASELINE_FORMAT) {
    throw new SoraError('not a sora-mc baseline file', {
      path: 'format',
      expected: JSON.stringify(BASELINE_FORMAT),
      found: format === undefined ? 'nothing' : show(format),
      hint: format === 'sora-mc/result' ? 'this is a result file; make a baseline with: sora-mc baseline <scenario>' : undefined,
    });
  }
  const version = value.formatVersion;
  if (version !== BASELINE_FORMAT_VERSION) {
    throw new SoraError('unsupported baseline format version', {
      path: 'formatVersion',
      expected: String(BASELINE_FORMAT_VERSION),
      found: version === undefined ? 'nothing' : show(version),
      ...(typeof version === 'number' && version > BASELINE_FORMAT_VERSION ? { hint: 'it was written by a newer sora-mc' } : {}),
    });
  }
  checkScenario(value);
  const samples = checkRun(value);
  checkMethod(value);
  const ps = checkPercentileList(value);
  checkOutputs(value, ps, samples);
  checkHistory(value);
  return value as unknown as Baseline;
}

/** Parses a baseline file's text; JSON errors name the line, column and the field being read. */
export function parseBaselineText(text: string, file: string): Baseline {
  if (text.trim() === '') {
    throw new SoraError('the baseline file is empty', { file, expected: 'a baseline written by sora-mc baseline', found: 'an empty file' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(message, text);
    const truncated = offset !== undefined && offset >= text.trimEnd().length;
    const where = offset === undefined ? undefined : lineColumn(text, offset);
    const field = offset === undefined ? '' : jsonPathAt(text, offset);
    throw new SoraError(truncated ? 'the baseline file is truncated (it ends inside the JSON)' : 'the baseline file is not valid JSON', {
      file,
      path: [field || '(document)', where ? `line ${where.line}, column ${where.column}` : ''].filter(Boolean).join(' at '),
      expected: 'a complete JSON baseline written by sora-mc baseline',
      found: message,
      hint: 'restore it from version control, or delete it and make it again with: sora-mc baseline <scenario> --out <folder>',
    });
  }
  try {
    return parseBaseline(value);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(file) : error;
  }
}

/** Reads and checks one baseline file. */
export function readBaseline(file: string): BaselineFile {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SoraError(missing ? 'baseline file not found' : 'cannot read the baseline file', {
      file,
      found: (error as Error).message,
      ...(missing ? { hint: 'make one with: sora-mc baseline <scenario> --out <folder>' } : {}),
    });
  }
  return { file: path, baseline: parseBaselineText(text, file) };
}

/**
 * The baseline files named by `targets`: files as given, folders as the `.json` files directly
 * inside them (sorted). A folder without baselines or a path that does not exist is an error:
 * a check that compares nothing must not pass.
 */
export function baselinePaths(targets: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of targets) {
    if (!existsSync(target)) {
      throw new SoraError('baseline file or folder not found', {
        file: target,
        expected: 'a baseline .json file or a folder of them',
        hint: 'make baselines with: sora-mc baseline <scenario> --out baselines/',
      });
    }
    if (statSync(target).isDirectory()) {
      const inside = readdirSync(target)
        .filter((name) => extname(name) === '.json')
        .sort()
        .map((name) => join(target, name));
      if (inside.length === 0) {
        throw new SoraError('no baseline files in this folder', {
          file: target,
          expected: 'one or more .json baselines',
          found: 'none',
          hint: 'make baselines with: sora-mc baseline <scenario> --out ' + target,
        });
      }
      files.push(...inside);
    } else {
      files.push(target);
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
