import { describe, expect, it } from 'vitest';
import { errorOffset, jsonPathAt, lineColumn } from '../../src/regress/json-position.js';

describe('jsonPathAt', () => {
  const text = '{\n  "run": { "seed": "1" },\n  "outputs": {\n    "trainH100s": { "percentiles": [ { "p": 0.01 }, { "p": 0.05, "value": 1';

  it('names the field being read where a truncated file ends', () => {
    expect(jsonPathAt(text, text.length)).toBe('outputs.trainH100s.percentiles.1.value');
  });

  it('names the enclosing field at any offset', () => {
    expect(jsonPathAt(text, text.indexOf('"seed"') + 8)).toBe('run.seed');
    expect(jsonPathAt(text, text.indexOf('"outputs"'))).toBe('');
    expect(jsonPathAt('{"a": "x,y:[{", "b": [1, 2, ', 27)).toBe('b.2');
  });
});

describe('errorOffset and lineColumn', () => {
  it('reads V8 positions and end-of-input messages', () => {
    expect(errorOffset('Unexpected token } in JSON at position 17', '')).toBe(17);
    expect(errorOffset('Unexpected end of JSON input', 'abc')).toBe(3);
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  });
});
