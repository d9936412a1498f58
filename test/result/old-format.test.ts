import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { parseResult } from '../../src/result/read.js';
import { RESULT_FORMAT_VERSION } from '../../src/result/types.js';

describe('a Result of an older format', () => {
  it('is refused with the version found and expected, and what to do (version 1 had the one-at-a-time tornado)', () => {
    expect(RESULT_FORMAT_VERSION).toBe(2);
    let error: unknown;
    try {
      parseResult({ format: 'sora-mc/result', formatVersion: 1, sensitivity: { method: 'one at a time', atMedians: {}, tornado: [] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SoraError);
    const { message, details } = error as SoraError;
    expect(message).toBe('unsupported result format version');
    expect(details).toMatchObject({ path: 'formatVersion', expected: '2', found: '1', hint: 'it was written by an older sora-mc: run the scenario again' });
  });
});
