// Numbers from the command line are read as written and said back as given: `--samples 0x10` was run
// as 16 samples (a hexadecimal literal; binary and octal too), and `--memory 1KB` was refused saying it
// had found "1 MB".
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { parseAlpha } from '../../src/regress/options.js';
import { parseSampleCount } from '../../src/scenario/values.js';
import { checkMemoryBudget, parseMemory } from '../../src/simulate/memory.js';
import { parsePrecision } from '../../src/simulate/precision.js';
import { soraError } from '../helpers/scenario-error.js';

describe('numbers as written', () => {
  it.each(['0x10', '0X10', '0b10000', '0o20', '0x1p4'])('--samples %s is refused (decimal or e-notation only)', (text) => {
    expect(soraError(() => parseSampleCount(text, '--samples')).details).toMatchObject({ path: '--samples', found: JSON.stringify(text) });
  });

  it.each([['16', 16], [' 1e6 ', 1_000_000], ['1E3', 1000], ['2.5e3', 2500], ['+16', 16]])('--samples %s is %i', (text, n) => {
    expect(parseSampleCount(text, '--samples')).toBe(n);
  });

  it('--alpha and --precision read decimals only too', () => {
    expect(soraError(() => parseAlpha('0x0')).details.path).toBe('alpha');
    expect(soraError(() => parsePrecision('0x0')).details.path).toBe('--precision');
    expect(parseAlpha('1e-3')).toBe(0.001);
    expect(parsePrecision('0.5%')).toBe(0.005);
  });

  it('--memory 1KB is refused saying what was given (1 KB), not "1 MB"', () => {
    const error = soraError(() => checkMemoryBudget(parseMemory('1KB'), 1));
    expect(error.details.found).toMatch(/^1 KB\b/);
    expect(error.details.found).not.toMatch(/\bMB\b/);
    expect(soraError(() => checkMemoryBudget(parseMemory('3MB'), 1)).details.found).toMatch(/^3 MB\b/);
  });

  it('`run --samples 0x10` exits 2 from the CLI', () => {
    const child = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', 'mission', '--samples', '0x10', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stdout).toBe(2);
    expect(child.stderr).toMatch(/--samples|samples/);
  }, 60_000);
});
