/**
 * A scenario file with some input entries replaced, as a new file's text. A YAML file is edited in
 * place — only those entries' text changes, so comments and layout stay as written — and an entry
 * it does not have is added at the end of `inputs`; a JSON file is written whole. A relative
 * `extends` is rewritten to point at the same file from the new file's folder.
 */
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { SoraError } from '../errors.js';

export type Entry = Record<string, unknown>;

/** A value as YAML: a word as a plain scalar, other text double-quoted, numbers and null as written. */
function scalar(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z][\w.-]*$/.test(value) ? value : JSON.stringify(value);
}

/** One entry's fields as YAML lines, arrays in flow style: `truncate: [null, 1]`. */
function entryLines(entry: Entry): string[] {
  return Object.entries(entry).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value)}`);
}

function columnOf(text: string, offset: number): number {
  return offset - text.lastIndexOf('\n', offset - 1) - 1;
}

/** `parent` as seen from `out`'s folder, when it is a relative path from `file`'s. */
function movedParent(file: string, out: string, parent: unknown): string | undefined {
  if (typeof parent !== 'string' || isAbsolute(parent) || !(parent.startsWith('.') || parent.includes('/'))) return undefined;
  const moved = relative(dirname(resolve(out)), resolve(dirname(file), parent));
  return moved.startsWith('.') ? moved : `./${moved}`;
}

export function withInputEntries(file: string, text: string, out: string, entries: Readonly<Record<string, Entry>>): string {
  const doc = parseDocument(text);
  const moved = movedParent(file, out, doc.get('extends'));
  if (extname(file).toLowerCase() === '.json' || extname(out).toLowerCase() === '.json') {
    const data = doc.toJS() as Record<string, unknown> & { inputs?: Record<string, unknown> };
    data.inputs = { ...data.inputs, ...entries };
    if (moved !== undefined) data.extends = moved;
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const inputs = doc.get('inputs', true);
  const edits: { from: number; to: number; text: string }[] = [];
  const appended: string[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const pair = isMap(inputs) ? inputs.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
    if (!keyRange || !valueRange) {
      appended.push(`  ${key}:`, ...entryLines(entry).map((line) => `    ${line}`));
      continue;
    }
    const indent = ' '.repeat(columnOf(text, keyRange[0]) + 2);
    const newline = text[valueRange[1] - 1] === '\n' ? '\n' : '';
    edits.push({ from: keyRange[1], to: valueRange[1], text: `:${entryLines(entry).map((line) => `\n${indent}${line}`).join('')}${newline}` });
  }
  let result = text;
  // Each edit runs from the end of a key to the end of its value (the colon included): the key, and
  // any comment above it, stay as written.
  for (const edit of edits.sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  if (appended.length > 0) {
    const tail = result.endsWith('\n') ? '' : '\n';
    if (!isMap(inputs)) result = `${result}${tail}inputs:\n${appended.join('\n')}\n`;
    else if (inputs.range && inputs.range[1] >= text.trimEnd().length) result = `${result}${tail}${appended.join('\n')}\n`;
    else throw new SoraError('cannot add inputs to this scenario file', { file, path: 'inputs', expected: 'inputs as the last mapping of the file, or already naming the inputs', found: 'keys after inputs' });
  }
  if (moved !== undefined) result = result.replace(/^extends:.*$/m, `extends: ${JSON.stringify(moved)}`);
  return result;
}
