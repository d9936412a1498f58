/**
 * Results for the report tests: real simulations (20,000 samples, one worker: fast, and the same on
 * every machine). Report code only reads Results, so the test files share each scenario's Result
 * through a cache in the system temp folder, keyed by the content of everything that makes it
 * (engine sources, built workers, scenario files): a change anywhere simulates afresh.
 * simulate() starts its workers from dist/: `npm test` builds first.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario, simulate } from '../../src/index.js';
import { packagePath } from '../../src/paths.js';
import type { Result } from '../../src/result/types.js';
import { deepFrozen } from '../../src/frozen.js';
import { reportCharts, type ChartEntry } from '../../reports/charts.js';

export const SAMPLES = 20_000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A digest of the engine: its sources, its compiled workers and the built-in scenarios. */
function engineDigest(): string {
  const hash = createHash('sha256');
  for (const dir of ['src', 'workers', 'distributions', 'scenarios', join('dist', 'workers'), join('dist', 'distributions')]) {
    for (const file of filesUnder(packagePath(dir))) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const memory = new Map<string, Promise<Result>>();

async function simulateCached(scenario: string): Promise<Result> {
  const dir = join(tmpdir(), 'sora-mc-report-tests', engineDigest());
  const file = join(dir, `${scenario.replace(/[^\w.-]+/g, '_')}-${SAMPLES}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Result;
  const result = await simulate(loadScenario(scenario), { samples: SAMPLES, workers: 1 });
  mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(result));
  renameSync(temporary, file);
  return result;
}

/** The Result of a built-in scenario at 20,000 samples. */
export function simulated(scenario: string): Promise<Result> {
  let result = memory.get(scenario);
  if (!result) {
    result = simulateCached(scenario);
    memory.set(scenario, result);
  }
  return result;
}

const chartMemory = new WeakMap<Result, ChartEntry[]>();

/**
 * reportCharts(result), made once per Result in a test worker (the Sobol indices a report computes
 * take about a second) and frozen, so that no test can change what the next one reads.
 */
export function chartsOf(result: Result): ChartEntry[] {
  let charts = chartMemory.get(result);
  if (!charts) {
    charts = reportCharts(result);
    deepFrozen(charts);
    chartMemory.set(result, charts);
  }
  return charts;
}

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_DESCRIPTION = 'Ends early? </script><img src=x onerror="alert(2)"> & <!-- "quoted" \'single\' \u2028';
export const HOSTILE_SOURCE = '<a href="javascript:alert(3)">evil</a> | $5 *bold* `code`';

/** A copy of `result` whose scenario strings are written to break out of HTML, JSON and Markdown. */
export function hostile(result: Result): Result {
  const copy = structuredClone(result);
  copy.scenario.name = HOSTILE_NAME;
  copy.scenario.description = HOSTILE_DESCRIPTION;
  copy.scenario.inputs.soraParams.source = HOSTILE_SOURCE;
  return copy;
}
