/**
 * Checking a JSON document against a JSON Schema (ajv), with errors for people: the first problem
 * becomes one SoraError naming the field's dotted path (`run.seed`), what the schema expects there
 * (its `description`), and what was found. The published schemas (schema/*.schema.json) are the
 * same objects, so users can validate sora-mc's files in their own pipelines.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { SoraError, show } from './errors.js';

type Schema = Record<string, unknown>;

const ajv = new Ajv({ allErrors: false, verbose: true, strict: false });
const compiled = new WeakMap<Schema, ValidateFunction>();

/** `/outputs/trainH100s/n` → `outputs.trainH100s.n`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** What kind of thing a mapping holds, for "unknown output …": `outputs` → `output`. */
function singular(path: string): string {
  const last = path.split('.').pop() ?? '';
  return last.endsWith('s') ? last.slice(0, -1) : 'field';
}

function describe(error: ErrorObject): SoraError {
  const path = dotted(error.instancePath);
  const schema = (error.parentSchema ?? {}) as { description?: string };
  if (error.keyword === 'required') {
    const field = join(path, (error.params as { missingProperty: string }).missingProperty);
    const wanted = ((schema as { properties?: Record<string, { description?: string }> }).properties ?? {})[
      (error.params as { missingProperty: string }).missingProperty
    ];
    return new SoraError(`missing field ${field}`, { path: field, expected: wanted?.description ?? 'a value', found: 'nothing' });
  }
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((schema as { properties?: object }).properties ?? {});
    return new SoraError(`unknown ${singular(path)} ${JSON.stringify(key)}`, {
      path: join(path, key),
      expected: allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'no other keys',
      found: JSON.stringify(key),
    });
  }
  return new SoraError(`malformed field ${path || '(document)'}`, {
    path: path || '(document)',
    expected: schema.description ?? error.message ?? 'a valid value',
    found: show(error.data),
  });
}

/** Throws a SoraError for the first way `value` breaks `schema`; returns `value` typed as T otherwise. */
export function validate<T>(schema: Schema, value: unknown): T {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile(schema);
    compiled.set(schema, check);
  }
  if (check(value)) return value as T;
  const errors = check.errors ?? [];
  // A value matching none (or several) of a oneOf's branches is reported as that value, not as a branch's detail.
  const choice = errors.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  throw describe(choice ?? errors[0]!);
}

/**
 * Checks a document's `format` and `formatVersion` before anything else, so that a file of another
 * kind (a Result given as a baseline) or from a newer sora-mc says so rather than listing fields.
 */
export function requireFormat(value: unknown, format: string, version: number, what: string, hint?: (found: unknown) => string | undefined): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SoraError(`not a sora-mc ${what} file`, { path: '(document)', expected: 'a JSON object', found: show(value) });
  }
  const doc = value as Record<string, unknown>;
  if (doc.format !== format) {
    const extra = hint?.(doc.format);
    throw new SoraError(`the format field says this is not a sora-mc ${what} file`, {
      path: 'format',
      expected: JSON.stringify(format),
      found: doc.format === undefined ? 'nothing' : show(doc.format),
      ...(extra ? { hint: extra } : {}),
    });
  }
  if (doc.formatVersion !== version) {
    const newer = typeof doc.formatVersion === 'number' && doc.formatVersion > version;
    throw new SoraError(`unsupported ${what} format version`, {
      path: 'formatVersion',
      expected: String(version),
      found: doc.formatVersion === undefined ? 'nothing' : show(doc.formatVersion),
      ...(newer ? { hint: 'it was written by a newer sora-mc' } : {}),
    });
  }
}
