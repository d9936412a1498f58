/**
 * Where in a JSON document a parse error happened, for people: the line and column of a character
 * offset, and the dotted path of the value being read there (`outputs.trainH100s.percentiles.3`),
 * so a truncated or hand-broken file is reported by field, not only by position.
 */

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The character offset a JSON.parse error message names (V8: "... at position 123 ..."), if any. */
export function errorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/end of (JSON|data) input|Unterminated string/i.test(message)) return text.length;
  return undefined;
}

interface Frame {
  kind: 'object' | 'array';
  /** Object: the key of the current member (undefined between members). Array: the index of the current element. */
  key: string | number | undefined;
}

/**
 * The dotted path of the value being read at `offset` in (possibly broken) JSON `text`: a small
 * scanner that tracks the open objects and arrays, their current keys and indices, up to `offset`.
 */
export function jsonPathAt(text: string, offset: number): string {
  const stack: Frame[] = [];
  let i = 0;
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          raw += text.slice(j, j + 2);
          j += 2;
        } else {
          raw += text[j];
          j += 1;
        }
      }
      // In an object, a string where a member starts is its key (even if the colon never comes).
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.key === undefined) {
        try {
          top.key = JSON.parse(`"${raw}"`) as string;
        } catch {
          top.key = raw;
        }
      }
      i = j + 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ kind: 'object', key: undefined });
    else if (c === '[') stack.push({ kind: 'array', key: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top?.kind === 'array') top.key = (top.key as number) + 1;
    else if (c === ',' && top?.kind === 'object') top.key = undefined;
    i += 1;
  }
  return stack
    .map((frame) => frame.key)
    .filter((key) => key !== undefined)
    .join('.');
}
