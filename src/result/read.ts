/** Reading a Result JSON file back, with a clear error for anything that is not one. */
import { readFileSync } from 'node:fs';
import { SoraError, show } from '../errors.js';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type Result } from './types.js';

function field(value: unknown, path: string, expected: string, ok: (v: unknown) => boolean): void {
  if (!ok(value)) throw new SoraError(`missing or malformed field ${path}`, { path, expected, found: show(value) });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Checks that `value` has the shape of a Result (the fields every consumer reads). */
export function parseResult(value: unknown): Result {
  field(value, '', 'a JSON object', isObject);
  const doc = value as Record<string, unknown>;
  field(doc.format, 'format', JSON.stringify(RESULT_FORMAT), (v) => v === RESULT_FORMAT);
  field(doc.formatVersion, 'formatVersion', String(RESULT_FORMAT_VERSION), (v) => v === RESULT_FORMAT_VERSION);
  field(doc.scenario, 'scenario', 'the resolved scenario', isObject);
  field(doc.run, 'run', 'how the sample was drawn', isObject);
  field(doc.outputs, 'outputs', 'per-output statistics', isObject);
  const outputs = doc.outputs as Record<string, unknown>;
  for (const key of OUTPUT_KEYS) {
    const path = `outputs.${key}`;
    field(outputs[key], path, 'statistics of this output', isObject);
    const stats = outputs[key] as Record<string, unknown>;
    field(stats.percentiles, `${path}.percentiles`, 'a list of { p, value, lower, upper }', Array.isArray);
    (stats.percentiles as unknown[]).forEach((q, i) => {
      field(q, `${path}.percentiles.${i}`, '{ p, value, lower, upper } with finite numbers', (v) =>
        isObject(v) && ['p', 'value', 'lower', 'upper'].every((k) => isNumber(v[k])),
      );
    });
    for (const k of ['n', 'mean', 'min', 'max']) field(stats[k], `${path}.${k}`, 'a finite number', isNumber);
  }
  return value as Result;
}

/** Reads and checks a Result file. */
export function readResult(file: string): Result {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SoraError('cannot read the result file', { file, found: (error as Error).message });
  }
  try {
    return parseResult(JSON.parse(text));
  } catch (error) {
    if (error instanceof SoraError) throw error.inFile(file);
    throw new SoraError('the result file is not valid JSON', { file, expected: 'a Result written by sora-mc', found: (error as Error).message });
  }
}
