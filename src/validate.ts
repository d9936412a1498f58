/**
 * Checking a JSON document against a JSON Schema (ajv), with errors for people: the first problem
 * becomes one SoraError naming the field's dotted path (`run.seed`), what the schema expects there
 * (its `description`), and what was found. The published schemas (schema/*.schema.json) are the
 * same objects, so users can validate sora-mc's files in their own pipelines.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { didYouMean, nearestNames } from './did-you-mean.js';
import { SoraError, show, showKey } from './errors.js';

type Schema = Record<string, unknown>;

// validateSchema: false — our schemas are not checked against JSON Schema's meta-schema on every
// start (compiling the meta-schema took ~0.1 s of each command); test/validate-schemas.test.ts checks them once.
const ajv = new Ajv({ allErrors: false, verbose: true, strict: false, validateSchema: false });
const compiled = new WeakMap<Schema, ValidateFunction>();

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function describe(error: ErrorObject): SoraError {
  // `/outputs/trainH100s/n` → `outputs.trainH100s.n`
  const path = error.instancePath.split('/').slice(1).map((part) => showKey(part.replace(/~1/g, '/').replace(/~0/g, '~'))).join('.');
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty !== undefined) {
    const field = join(path, params.missingProperty);
    return new SoraError(`missing field ${field}`, { path: field, expected: schema.properties?.[params.missingProperty]?.description ?? 'a value', found: 'nothing' });
  }
  if (params.additionalProperty !== undefined) {
    // An unknown key of a mapping such as `outputs` is an unknown output; of the document itself, a key.
    const kind = path === '' ? 'key' : path.endsWith('s') ? path.split('.').pop()!.slice(0, -1) : 'field';
    const allowed = Object.keys(schema.properties ?? {});
    const near = nearestNames(params.additionalProperty, allowed);
    return new SoraError(`unknown ${kind} ${show(params.additionalProperty)}`, {
      path: join(path, showKey(params.additionalProperty)),
      expected: allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'no other keys',
      found: show(params.additionalProperty),
      ...(near.length > 0 ? { hint: didYouMean(near) } : {}),
    });
  }
  return new SoraError(`malformed field ${path || '(document)'}`, { path: path || '(document)', expected: schema.description ?? error.message ?? 'a valid value', found: show(error.data) });
}

/** Throws a SoraError for the first way `value` breaks `schema`; returns `value` typed as T otherwise. */
export function validate<T>(schema: Schema, value: unknown): T {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = ajv.compile(schema)));
  if (check(value)) return value as T;
  const errors = check.errors ?? [];
  // A value matching none (or several) of a oneOf's branches is reported as that value, not as a branch's detail.
  throw describe(errors.find((e) => e.keyword === 'oneOf') ?? errors[0]!);
}

/**
 * Checks a document's `format` and `formatVersion` before anything else, so that a file of another
 * kind (a Result given as a baseline) or from a newer sora-mc says so rather than listing fields.
 */
export function requireFormat(value: unknown, format: string, version: number, what: string, hint?: (found: unknown) => string | undefined): void {
  const doc = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { format: value }) as Record<string, unknown>;
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
      ...(newer ? { hint: 'it was written by a newer sora-mc' } : typeof doc.formatVersion === 'number' ? { hint: 'it was written by an older sora-mc: run the scenario again' } : {}),
    });
  }
}
