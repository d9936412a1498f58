/**
 * The one error type sora-mc raises for bad input. It carries where the bad value is
 * (a file and a dotted path such as `inputs.trainMfu.p95`), what was expected, what was found,
 * and an optional hint. The CLI prints it without a stack trace and exits 2.
 */
import { cut, EXCERPT_LENGTH, printable } from './io/printable.js';

export interface SoraErrorDetails {
  /** File the bad value came from, when there is one. */
  file?: string;
  /** Dotted path of the bad value inside its document, e.g. `inputs.trainMfu.p95`. */
  path?: string;
  /** What a valid value looks like. */
  expected?: string;
  /** What was found instead (already rendered for people). */
  found?: string;
  /** A suggestion: the nearest valid name, a family that fits, … */
  hint?: string;
}

/** A run of more than EXCERPT_LENGTH characters without a space or a dot (a dotted path's one key). */
const LONG_WORD = new RegExp(`[^\\s.]{${EXCERPT_LENGTH + 1},}`, 'g');

export class SoraError extends Error {
  readonly details: SoraErrorDetails;

  constructor(message: string, details: SoraErrorDetails = {}) {
    super(message);
    this.name = 'SoraError';
    this.details = details;
  }

  /** A copy of this error that also names the file it came from. */
  inFile(file: string): SoraError {
    return new SoraError(this.message, { ...this.details, file: this.details.file ?? file });
  }

  /** A copy of this error whose path is prefixed by `prefix` (e.g. `inputs.trainMfu`). */
  under(prefix: string): SoraError {
    const path = this.details.path ? `${prefix}.${this.details.path}` : prefix;
    return new SoraError(this.message, { ...this.details, path });
  }

  /**
   * The multi-line text the CLI prints; every part escaped for a terminal (src/io/printable.ts).
   * A path holds keys as the file wrote them: each long key is cut to a short excerpt (a
   * 5,000-character parameter name was once printed whole); messages quote keys with show().
   */
  describe(): string {
    const { file, path, expected, found, hint } = this.details;
    const line = (text: string) => printable(text, true);
    const brief = (text: string) => text.replace(LONG_WORD, (word) => `${cut(word).text}…`);
    const where = [file, path && brief(path)].filter(Boolean).map((part) => line(part!)).join(': ');
    const lines = [`error: ${where ? `${where}: ` : ''}${line(this.message)}`];
    if (expected !== undefined) lines.push(`  expected: ${line(expected)}`);
    if (found !== undefined) lines.push(`  found:    ${line(found)}`);
    if (hint !== undefined) lines.push(`  hint:     ${line(hint)}`);
    return lines.join('\n');
  }
}

/** A string as an error quotes it: JSON-quoted, escaped for a terminal, cut to a short excerpt that says how long the whole was. */
function quote(text: string): string {
  const excerpt = cut(text, EXCERPT_LENGTH);
  const quoted = printable(JSON.stringify(excerpt.text), true);
  return excerpt.cut ? `${quoted.slice(0, -1)}…" (${text.length} characters)` : quoted;
}

/** A JSON rendering that survives circular values, BigInts and functions, with every string cut short. */
function briefJson(value: unknown): string {
  const ancestors: object[] = [];
  return (
    JSON.stringify(value, function (this: unknown, _key, item: unknown) {
      // `this` is the holder of `item`: drop ancestors that are no longer on the path to it.
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (typeof item === 'string') return cut(item, EXCERPT_LENGTH).cut ? `${cut(item).text}…` : item;
      if (typeof item === 'bigint' || typeof item === 'function' || typeof item === 'symbol') return String(item);
      if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
      if (typeof item === 'object' && item !== null) {
        if (ancestors.includes(item)) return '[Circular]';
        ancestors.push(item);
      }
      return item;
    }) ?? String(value)
  );
}

/**
 * Renders any value for an error message, briefly: a string as a short quoted excerpt (never a whole
 * file's contents), an object as at most 80 characters of JSON (circular values say so), every
 * control character escaped.
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value !== 'object') return printable(String(value), true).slice(0, 80);
  const text = printable(briefJson(value), true);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A key as part of an error's dotted path: as written when it is a plain name, else a short quoted excerpt. */
export function showKey(key: string): string {
  return /^[\w$-]{1,40}$/.test(key) ? key : show(key);
}
