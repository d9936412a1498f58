/**
 * Which assumption matters most: first-order and total Sobol indices of each headline output over
 * the scenario's uncertain inputs, from a Saltelli design run in-process (the model over Float64Array
 * columns, each input through its quantile function), with Jansen's estimators and bootstrap
 * intervals (src/stats/sobol-indices.ts).
 *
 * On log(output), not the output: the model is a product and quotient of its inputs (docs/model.md), so
 * log(output) is close to a sum of per-input terms and its variance splits cleanly between inputs
 * (exactly, when every input is lognormal); the outputs themselves span decades and are right-skewed,
 * so their variance is dominated by the upper tail and says little about the bulk of the range. An
 * output that is not positive and finite in every row is analysed as it is (its `scale` says so).
 *
 * Correlated inputs: Sobol indices apportion variance between independent inputs. A scenario's
 * correlations are not applied here; each input is drawn from its own distribution independently,
 * and the result says so (`correlationsIgnored`).
 *
 * Uniforms: alea streams named `sora-mc/<seed>/saltelli/<A|B>/<input>` and
 * `sora-mc/<seed>/saltelli/bootstrap/<output>/<r>`, so a result is a function of the seed.
 */
import type { Distribution } from '../../distributions/index.js';
import { allocateOutputColumns, computeColumns, type InputColumns } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { HEADLINE_OUTPUTS, OUTPUTS, type OutputKey } from '../model/outputs.js';
import { fillAleaUniforms } from '../sampling/alea.js';
import { compileInputs } from '../scenario/compile.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { CONFIDENCE } from '../stats/percentiles.js';
import { sobolIndices, type SobolIndex } from '../stats/sobol-indices.js';

export const DEFAULT_BASE_SAMPLES = 1 << 14;
export const DEFAULT_RESAMPLES = 500;

export interface OutputSensitivity {
  output: OutputKey;
  label: string;
  /** What the indices decompose: the variance of log(output), or of the output itself. */
  scale: 'log' | 'identity';
  /** Per uncertain input (`inputs` order); null when the output does not vary at all. */
  first: SobolIndex[] | null;
  total: SobolIndex[] | null;
}

export interface SensitivityAnalysis {
  scenario: { name: string; origin: string; hash: string };
  method: string;
  seed: string;
  /** N: rows of each of A and B; the model ran N × (k + 2) times. */
  baseSamples: number;
  evaluations: number;
  resamples: number;
  confidence: number;
  /** The uncertain inputs, in catalogue order. */
  inputs: InputKey[];
  correlationsIgnored: InputKey[];
  outputs: OutputSensitivity[];
}

export const SOBOL_METHOD =
  'Sobol indices of log(output) (first-order: the share of its variance an input explains alone; total: with all its interactions), ' +
  'Saltelli design (matrices A, B and A with column i from B), Jansen estimators (Saltelli et al. 2010, Table 2), percentile-bootstrap intervals over rows';

/** Input columns for the N rows of one design matrix: fixed inputs at their value, others through their quantiles. */
function inputColumns(distributions: Record<InputKey, Distribution>, uniforms: Map<InputKey, Float64Array>, n: number): Record<InputKey, Float64Array> {
  return Object.fromEntries(
    INPUT_KEYS.map((key) => {
      const u = uniforms.get(key);
      const column = new Float64Array(n);
      if (u) for (let j = 0; j < n; j++) column[j] = distributions[key].quantile(u[j]!);
      else column.fill(distributions[key].quantile(0.5));
      return [key, column];
    }),
  ) as Record<InputKey, Float64Array>;
}

export interface SensitivityOptions {
  seed: string;
  baseSamples?: number;
  resamples?: number;
}

export function sensitivityAnalysis(scenario: ResolvedScenario, options: SensitivityOptions): SensitivityAnalysis {
  const n = options.baseSamples ?? DEFAULT_BASE_SAMPLES;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const distributions = compileInputs(scenario);
  const inputs = INPUT_KEYS.filter((key) => distributions[key].family !== 'fixed');
  const stream = (name: string): Float64Array => {
    const u = new Float64Array(n);
    fillAleaUniforms(u, `sora-mc/${options.seed}/saltelli/${name}`);
    return u;
  };
  const uA = new Map(inputs.map((key) => [key, stream(`A/${key}`)]));
  const uB = new Map(inputs.map((key) => [key, stream(`B/${key}`)]));
  const run = (uniforms: Map<InputKey, Float64Array>) => {
    const out = allocateOutputColumns(n);
    computeColumns(inputColumns(distributions, uniforms, n) as InputColumns, out, n, scenario.stepCost);
    return out;
  };
  const fA = run(uA);
  const fB = run(uB);
  const fAB = inputs.map((key) => run(new Map([...uA, [key, uB.get(key)!]])));

  const outputs = HEADLINE_OUTPUTS.map((output): OutputSensitivity => {
    const all = [fA[output], fB[output], ...fAB.map((f) => f[output])];
    const positive = all.every((column) => column.every((x) => x > 0 && Number.isFinite(x)));
    const scaled = positive ? all.map((column) => column.map(Math.log)) : all;
    const indices = inputs.length === 0 ? null : sobolIndices(
      { a: scaled[0]!, b: scaled[1]!, ab: scaled.slice(2) },
      { resamples, confidence: CONFIDENCE, uniforms: (r, target) => fillAleaUniforms(target, `sora-mc/${options.seed}/saltelli/bootstrap/${output}/${r}`) },
    );
    return { output, label: OUTPUTS[output].label, scale: positive ? 'log' : 'identity', first: indices?.first ?? null, total: indices?.total ?? null };
  });
  return {
    scenario: { name: scenario.name, origin: scenario.origin, hash: scenario.hash },
    method: SOBOL_METHOD,
    seed: options.seed,
    baseSamples: n,
    evaluations: n * (inputs.length + 2),
    resamples,
    confidence: CONFIDENCE,
    inputs,
    correlationsIgnored: scenario.correlations?.inputs ?? [],
    outputs,
  };
}
