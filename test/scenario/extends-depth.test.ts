// A chain of `extends:` files is at most 32 files deep: ~9,000 files ended in a RangeError stack trace
// (exit 3); a deeper chain is one SoraError naming the chain (exit 2), read no further.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { loadScenario, MAX_EXTENDS_DEPTH } from '../../src/scenario/resolve.js';
import { soraError } from '../helpers/scenario-error.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

/** Files chain-0.yaml … chain-(n−1).yaml, each extending the next; the last extends mission. Returns the first. */
function chain(prefix: string, n: number): string {
  for (let i = 0; i < n; i++) {
    const parent = i === n - 1 ? 'mission' : `./${prefix}-${i + 1}.yaml`;
    writeFileSync(join(scratch.dir, `${prefix}-${i}.yaml`), `extends: ${parent}\n`);
  }
  return join(scratch.dir, `${prefix}-0.yaml`);
}

describe('extends chains', () => {
  it('a chain of 32 files loads; 33 is one SoraError naming the chain and the limit', () => {
    expect(MAX_EXTENDS_DEPTH).toBe(32);
    // 31 files and the built-in mission: 32 in all.
    expect(loadScenario(chain('ok', 31)).resolved.inputs.soraParams.spec.dist).toBe('lognormal');
    const details = soraError(() => loadScenario(chain('deep', 32))).details;
    expect(details.path).toBe('extends');
    expect(details.expected).toContain('32');
    expect(details.found).toContain('deep-0.yaml');
    expect(details.found).toContain('deep-31.yaml');
  });

  it('a chain of 9,000 files exits 2 from the CLI, without a stack trace', () => {
    const first = chain('long', 9000);
    const child = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', first, '--samples', '1000'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(2);
    expect(child.stderr).toMatch(/extends/);
    expect(child.stderr).not.toMatch(/RangeError|    at /);
  }, 60_000);
});
