/** Hand-built Scenario objects and simulate() options a library user can pass. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { loadScenario, type Scenario } from '../../src/scenario/resolve.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { simulate } from '../../src/simulate/simulate.js';
import { packagePath } from '../../src/paths.js';
import { scratchDir } from '../helpers/scratch.js';

const INDEX = packagePath('dist', 'src', 'index.js');
const scratch = scratchDir();

/** The SoraError simulate() rejects with; any other outcome fails the test. */
async function rejection(run: Promise<unknown>): Promise<SoraError> {
  const error = await run.then(() => new Error('expected a SoraError, the run succeeded'), (e: unknown) => e);
  if (error instanceof SoraError) return error;
  throw error;
}

describe('simulate() with hand-built scenarios and options', () => {
  let pool: SamplerPool;
  beforeAll(() => void (pool = SamplerPool.start(1)));
  afterAll(() => pool.close());

  it('a hand-built stepCost that is no step-cost model is refused (it ran as "article" and was recorded as given)', async () => {
    const scenario = loadScenario('mission');
    const handBuilt = { ...scenario, resolved: { ...scenario.resolved, stepCost: 'bogus' } } as unknown as Scenario;
    const error = await rejection(simulate(handBuilt, { samples: 1000, pool }));
    expect(error.details.path).toBe('stepCost');
    expect(error.details.found).toContain('bogus');
  }, 20_000);

  it.each([NaN, -5, 0, Infinity])('a numeric memory budget of %s is refused (NaN turned the budget off)', async (memory) => {
    const error = await rejection(simulate(loadScenario('mission'), { samples: 1000, pool, memory }));
    expect(error.details.path).toBe('memory');
  }, 20_000);

  it.each([
    ['null', null],
    ['a scenario without resolved', { seed: '1', samples: 10 }],
    ['resolved.inputs null', { ...loadScenario('mission'), resolved: { ...loadScenario('mission').resolved, inputs: null } }],
  ])('%s is a SoraError naming the path, not a TypeError', async (_name, scenario) => {
    const error = await rejection(simulate(scenario as unknown as Scenario, { samples: 1000, pool }));
    expect(error.details.path).toMatch(/^(scenario|resolved|resolved\.inputs)$/);
    expect(error.details.expected).toBeTruthy();
    expect(error.details.found).toBeTruthy();
  }, 20_000);

  it('a scenario that is a Proxy, or has a getter that throws, is a SoraError and leaves the pool usable (a Proxy failed postMessage and closed the pool)', async () => {
    const scenario = loadScenario('mission');
    const proxied = { ...scenario, resolved: { ...scenario.resolved, inputs: new Proxy(scenario.resolved.inputs, {}) } };
    const error = await rejection(simulate(proxied, { samples: 1000, pool }));
    expect(error.details.path).toBe('scenario');
    const throwing = { ...scenario, resolved: { ...scenario.resolved } };
    Object.defineProperty(throwing.resolved, 'correlations', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect((await rejection(simulate(throwing, { samples: 1000, pool }))).details.path).toBe('scenario');
    // The same pool still serves a run.
    const result = await simulate(scenario, { samples: 1000, pool });
    expect(result.run.samples).toBe(1000);
  }, 30_000);

  it('a second run on a busy pool, and a run on a closed one, are SoraErrors; a pool the caller closed does not say a worker failed', async () => {
    const own = SamplerPool.start(1);
    const first = simulate(loadScenario('mission'), { samples: 20_000, pool: own });
    const busy = await rejection(simulate(loadScenario('mission'), { samples: 1000, pool: own }));
    expect(busy.details.path).toBe('pool');
    await first;
    const running = simulate(loadScenario('mission'), { samples: 5_000_000, pool: own }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.close();
    await running;
    const closed = await rejection(simulate(loadScenario('mission'), { samples: 1000, pool: own }));
    expect(closed.details.path).toBe('pool');
    expect(closed.describe()).not.toMatch(/worker failed/);
  }, 60_000);

  it('an onProgress callback that throws rejects the run with its error instead of crashing the process', () => {
    // A child process: an uncaught exception would end it with exit 1 and a stack trace.
    const script = scratch.write('progress-throws.mjs', `
      import { loadScenario, simulate } from ${JSON.stringify(INDEX)};
      try {
        await simulate(loadScenario('mission'), { samples: 2_000_000, workers: 1, onProgress() { throw new Error('callback failed'); } });
        console.log('resolved');
      } catch (error) { console.log('rejected: ' + error.message); }`);
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('rejected: callback failed');
  }, 70_000);

  it.each([['--input-type=module'], ['--input-type', 'module']])('simulate() runs from a script given as node %s -e (every worker failed at start, and the run said the pool was closed)', (...flags) => {
    const script = `
      import { loadScenario, simulate } from ${JSON.stringify(INDEX)};
      const result = await simulate(loadScenario('mission'), { samples: 1000, workers: 1 });
      console.log('samples ' + result.run.samples);`;
    const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('samples 1000');
  }, 70_000);
});
