// Worker threads: a run starts no more than it has blocks of chunks to share (a pool of 8 for 1,000
// samples started 8 threads), and a worker count above 4 per core (at least 8) is refused, exit 2
// (`--workers 256` for 1,000 samples took 24 s and 3.4 GB).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it, onTestFinished } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { checkWorkerCount, maxWorkers, SamplerPool } from '../../src/simulate/pool.js';
import { simulate } from '../../src/simulate/simulate.js';
import { soraError } from '../helpers/scenario-error.js';

describe('worker threads', () => {
  it('a pool starts threads only as runs need them: one for a run of one chunk, three for three', async () => {
    const pool = SamplerPool.start(8);
    onTestFinished(() => pool.close());
    expect(pool.started).toBeLessThanOrEqual(Math.min(8, availableParallelism()));
    const one = await simulate(loadScenario('mission'), { samples: 1000, pool });
    expect(pool.started).toBeLessThanOrEqual(Math.max(1, Math.min(8, availableParallelism())));
    await simulate(loadScenario('mission'), { samples: 3 * CHUNK_SIZE, pool });
    expect(pool.started).toBeLessThanOrEqual(Math.max(3, Math.min(8, availableParallelism())));
    expect(pool.started).toBeGreaterThanOrEqual(Math.min(3, 8));
    expect(one.run.workers).toBe(8); // what the caller asked for; the statistics do not depend on it
  }, 60_000);

  it('refuses more than 4 workers per core (at least 8 allowed), naming --workers and the cap', () => {
    expect(maxWorkers()).toBe(Math.max(8, 4 * availableParallelism()));
    expect(checkWorkerCount(maxWorkers())).toBe(maxWorkers());
    const { details } = soraError(() => checkWorkerCount(maxWorkers() + 1));
    expect(details).toMatchObject({ path: 'workers', found: String(maxWorkers() + 1) });
    expect(details.expected).toContain(`${availableParallelism()} core`);
  });

  it('`run --workers 256` exits 2 with that one error on a machine of fewer than 64 cores', () => {
    if (availableParallelism() >= 64) return;
    const child = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', 'mission', '--samples', '1000', '--workers', '256', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stdout).toBe(2);
    expect(child.stderr).toMatch(/workers/);
    expect(child.stderr).toMatch(/4 per core/);
  }, 60_000);
});
