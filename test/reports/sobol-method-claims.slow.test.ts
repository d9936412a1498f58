// A sobol report kept two claims that are true only of a single Monte Carlo sample —
// "exact at each bin edge" for the exceedance curve (a sobol histogram is the replicates' histograms
// re-binned onto common edges, each bin approximate within a bin) in the method section and the
// chart's subtitle, and "one stream per (seed, input, chunk of 8,192)" for the random generator (a
// sobol run draws 2 seeds per (replicate, dimension) and scrambles Sobol points).
import { beforeAll, describe, expect, it } from 'vitest';
import { methodRows } from '../../reports/method.js';
import { exceedanceSpec } from '../../reports/specs/exceedance.js';
import type { Result } from '../../src/result/types.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';

const row = (result: Result, label: string) => methodRows(result).find((r) => r.label === label)!.value;
const subtitle = (result: Result) => JSON.stringify((exceedanceSpec(result).title as { subtitle: string[] }).subtitle);

describe('what a report says about how a sobol result was made', () => {
  let mc: Result;
  let sobol: Result;
  beforeAll(async () => {
    mc = await simulate(loadScenario('mission'), { samples: 8 * 8192, workers: 1 });
    sobol = await simulate(loadScenario('mission'), { samples: 8 * 8192, workers: 1, method: 'sobol' });
  });

  it('does not call the exceedance curve exact at the bin edges (the histogram is re-binned)', () => {
    expect(row(sobol, 'Exceedance curve')).not.toMatch(/exact/);
    expect(row(sobol, 'Exceedance curve')).toMatch(/re-binned/);
    expect(subtitle(sobol)).not.toMatch(/exact/);
    // A Monte Carlo result's histogram counts every sample: the claim stays.
    expect(row(mc, 'Exceedance curve')).toMatch(/exact at each bin edge/);
    expect(subtitle(mc)).toMatch(/exact at each bin edge/);
  });

  it('names the streams a sobol run draws its scrambles from, not one stream per (seed, input, chunk)', () => {
    expect(row(sobol, 'Random generator')).not.toMatch(/one stream per \(seed, input, chunk/);
    expect(row(sobol, 'Random generator')).toMatch(/sora-mc\/<seed>\/sobol\/<replicate>\/<dimension>/);
    expect(row(mc, 'Random generator')).toMatch(/one stream per \(seed, input, chunk of 8,192\)/);
  });
});
