/**
 * `--samples 9007199254740992` (2^53, the documented maximum) and
 * anything that rounds to it (9007199254740993) passed the sample-count check but the worker pool
 * takes only safe integers (≤ 2^53 − 1): exit 3 with a stack trace instead of one input error.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { parseSampleCount } from '../../src/scenario/values.js';
import { scratchDir } from '../helpers/scratch.js';

const CLI = packagePath('dist', 'cli', 'cli.js');

describe('a sample count of 2^53 is refused as bad input, not an internal error', () => {
  const scratch = scratchDir();

  it.each(['9007199254740992', '9007199254740993', '9.007199254740992e15'])('--samples %s: a SoraError naming the limit', (text) => {
    expect(() => parseSampleCount(text, '--samples')).toThrow(SoraError);
  });

  it('2^53 − 1, the largest safe integer, is still a sample count', () => {
    expect(parseSampleCount('9007199254740991', '--samples')).toBe(2 ** 53 - 1);
  });

  it('samples: 9007199254740992 in a scenario file is bad input at load', () => {
    const file = scratch.write('huge.yaml', 'name: huge\nextends: article\nsamples: 9007199254740992\n');
    expect(() => loadScenario(file)).toThrow(SoraError);
  });

  it('the CLI exits 2 with one error and no stack trace', () => {
    const { status, stderr } = spawnSync(process.execPath, [CLI, 'run', 'article', '--samples', '9007199254740992', '--out', scratch.dir], { encoding: 'utf8' });
    expect(stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
    expect(stderr).toMatch(/samples/);
    expect(status).toBe(2);
  });
});
