/** The library API settles and checks what it is given. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { simulate } from '../../src/simulate/simulate.js';

/** `promise`'s outcome, or 'never settled' after `ms`. */
function within<T>(promise: Promise<T>, ms = 15_000): Promise<{ value?: T; error?: unknown } | 'never settled'> {
  return Promise.race([
    promise.then((value) => ({ value }), (error: unknown) => ({ error })),
    new Promise<'never settled'>((resolve) => setTimeout(() => resolve('never settled'), ms).unref()),
  ]);
}

describe('the library API settles and checks what it is given', () => {
  let pool: SamplerPool;
  beforeAll(() => void (pool = SamplerPool.start(1)));
  afterAll(() => pool.close());

  it.each([0, NaN, -5, 1.5])('simulate() with a scenario whose samples is %s rejects with a SoraError', async (samples) => {
    const scenario = { ...loadScenario('mission'), samples };
    const outcome = await within(simulate(scenario, { pool }));
    expect(outcome).not.toBe('never settled');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(SoraError);
  }, 20_000);

  it.each([0, 5, 300])('pool.close() %i ms into a run settles the run (it rejects)', async (delay) => {
    const own = SamplerPool.start(1);
    const running = within(simulate(loadScenario('mission'), { samples: 5_000_000, pool: own }));
    await new Promise((resolve) => setTimeout(resolve, delay));
    await own.close();
    const outcome = await running;
    expect(outcome).not.toBe('never settled');
    expect((outcome as { error?: unknown }).error).toBeInstanceOf(Error);
  }, 30_000);

  it('a hand-built spec cannot skip the domain check (a normal soraParams would give negative H100s)', async () => {
    const scenario = loadScenario('mission');
    const inputs = { ...scenario.resolved.inputs, soraParams: { ...scenario.resolved.inputs.soraParams, spec: { dist: 'normal', mean: 0, sd: 1e10 } } };
    const handBuilt = { ...scenario, resolved: { ...scenario.resolved, inputs } } as typeof scenario;
    const outcome = await within(simulate(handBuilt, { samples: 1000, pool }));
    expect((outcome as { error?: SoraError }).error).toBeInstanceOf(SoraError);
    expect((outcome as { error: SoraError }).error.details.path).toBe('inputs.soraParams');
  }, 20_000);
});
