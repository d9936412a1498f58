import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { loadScenario, readResult, simulate } from '../../src/index.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

describe('the library API and readResult', () => {
  it('round-trips a Result through JSON', async () => {
    const result = await simulate(loadScenario('article'), { samples: 2000, workers: 1 });
    const file = scratch.write('result.json', JSON.stringify(result));
    expect(readResult(file)).toEqual(result);
  });

  it.each([
    ['not JSON', '{"format": ', /not valid JSON/, undefined],
    ['another format', '{"format": "x"}', /format/, 'format'],
  ])('rejects %s naming the file and field', (_label, text, message, path) => {
    const file = scratch.write('bad.json', text);
    try {
      readResult(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SoraError);
      expect((error as SoraError).message).toMatch(message);
      expect((error as SoraError).details.file).toBe(file);
      expect((error as SoraError).details.path).toBe(path);
    }
  });

  it('rejects a Result with a percentile removed', async () => {
    const result = await simulate(loadScenario('article'), { samples: 1000, workers: 1 });
    (result.outputs.trainH100s.percentiles[2] as unknown as Record<string, unknown>).value = 'x';
    const file = scratch.write('edited.json', JSON.stringify(result));
    writeFileSync(file, JSON.stringify(result));
    expect(() => readResult(file)).toThrow(/outputs\.trainH100s\.percentiles\.2|malformed field/);
  });
});
