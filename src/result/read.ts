/** Reading a Result JSON file back, with a clear error for anything that is not one. */
import { SoraError } from '../errors.js';
import { readInputFile } from '../io/read.js';
import { requireFormat, validate } from '../validate.js';
import { resultJsonSchema } from './schema.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type Result } from './types.js';

const schema = resultJsonSchema();

/** Checks that `value` is a Result (schema/result.schema.json); errors name the field. */
export function parseResult(value: unknown): Result {
  requireFormat(value, RESULT_FORMAT, RESULT_FORMAT_VERSION, 'result', (found) =>
    found === 'sora-mc/baseline' ? 'this is a baseline file; read it with sora-mc check' : undefined,
  );
  return validate<Result>(schema, value);
}

/** Reads and checks a Result file. */
export function readResult(file: string): Result {
  const text = readInputFile(file, 'the result file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SoraError('the result file is not valid JSON', { file, expected: 'a Result written by sora-mc', found: (error as Error).message });
  }
  try {
    return parseResult(value);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(file) : error;
  }
}
