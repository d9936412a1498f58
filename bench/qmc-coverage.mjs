// Coverage of the 95% percentile intervals, per sampling method, against true percentiles known in
// closed form: how often does a run's interval hold the truth, per (output, sample count, percentile)?
//
// The outputs (each a case below) are chosen so that their true quantiles are known exactly:
// - mission's crossoverMinutes: training compute over compute per minute, in which everything but the
//   dataset multiplier cancels, so it is c × datasetMultiplier with datasetMultiplier ~ uniform(4, 10):
//   Q(p) = model at datasetMultiplier = 4 + 6p (one input, linear);
// - mission's ditTrainDaysOneH100: a constant over trainMfu ~ PERT(0.3, 0.4, 0.55): Q(p) = model at
//   trainMfu = PERT quantile of 1 − p (one input, decreasing; the PERT quantile from stdlib's beta quantile);
// - a lognormal scenario (as in test/simulate/simulate.test.ts): soraParams, datasetMultiplier, trainDays and
//   gpuPeakFlops lognormal, so modelMultiplier = soraParams / ditParams is lognormal in one input, and
//   trainH100s is a product of the four: lognormal with μ and σ² the sums (closed form, four inputs).
//
//   npm run build && node bench/qmc-coverage.mjs                 # 100 seeds, 2^13…2^20: ~1 hour on 2 cores
//   node bench/qmc-coverage.mjs --seeds 20 --counts 13,16,20     # quicker
//   node bench/qmc-coverage.mjs --root /tmp/other-build           # measure another build (its dist/)
//
// Writes bench/results/qmc-coverage.json (or --out FILE): per case, method and sample count, the number
// of seeds whose interval held the truth at each percentile, the mean relative error of the estimate and
// the mean relative half-width. Seeds are "cov-1" … "cov-N", the same for every method and count.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import erfcinv from '@stdlib/math-base-special-erfcinv';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(option('root', here));
const seeds = Number(option('seeds', 100));
const counts = option('counts', '13,14,15,16,17,18,19,20').split(',').map(Number);
const methods = option('methods', 'mc,sobol').split(',');
const outFile = resolve(option('out', join(here, 'bench', 'results', 'qmc-coverage.json')));
const { loadScenario, simulate, SamplerPool, computePoint } = await import(join(root, 'dist', 'src', 'index.js'));

/** Φ⁻¹(p) = −√2 · erfc⁻¹(2p) (stdlib, independent of sora-mc's own Φ⁻¹). */
const probit = (p) => -Math.SQRT2 * erfcinv(2 * p);

const mission = loadScenario('mission');
const medians = (scenario) => Object.fromEntries(Object.entries(scenario.resolved.inputs).map(([key, input]) => [key, input.p50]));
const at = (scenario, changes) => computePoint({ ...medians(scenario), ...changes }, scenario.resolved.stepCost);

// PERT(min, mode, max, λ) = min + (max − min) · Beta(1 + λ (mode − min)/(max − min), 1 + λ (max − mode)/(max − min)).
const pert = mission.resolved.inputs.trainMfu.spec;
const pertQuantile = (p) => {
  const range = pert.max - pert.min;
  const lambda = pert.lambda ?? 4;
  return pert.min + range * betaQuantile(p, 1 + (lambda * (pert.mode - pert.min)) / range, 1 + (lambda * (pert.max - pert.mode)) / range);
};

const ranges = { soraParams: [10e9, 30e9], datasetMultiplier: [4, 10], trainDays: [20, 60], gpuPeakFlops: [0.8e15, 1.2e15] };
const folder = mkdtempSync(join(tmpdir(), 'qmc-coverage-'));
const lognormalFile = join(folder, 'lognormal.yaml');
writeFileSync(lognormalFile, `name: lognormal\ninputs:\n${Object.entries(ranges).map(([key, [a, b]]) => `  ${key}: { dist: lognormal, p5: ${a}, p95: ${b} }`).join('\n')}\n`);
const lognormal = loadScenario(lognormalFile);
const Z95 = probit(0.95);
const mu = (key) => (Math.log(ranges[key][0]) + Math.log(ranges[key][1])) / 2;
const sigma = (key) => (Math.log(ranges[key][1]) - Math.log(ranges[key][0])) / (2 * Z95);
// trainH100s = K · soraParams · datasetMultiplier / (trainDays · gpuPeakFlops): K from the model at 1s.
const unit = { soraParams: 1, datasetMultiplier: 1, trainDays: 1, gpuPeakFlops: 1 };
const k = at(lognormal, unit).trainH100s;
const productMu = Math.log(k) + mu('soraParams') + mu('datasetMultiplier') - mu('trainDays') - mu('gpuPeakFlops');
const productSigma = Math.hypot(...Object.keys(ranges).map(sigma));

const cases = [
  { scenario: mission, name: 'mission', output: 'crossoverMinutes', what: 'one input: c × uniform(4, 10)', truth: (p) => at(mission, { datasetMultiplier: 4 + 6 * p }).crossoverMinutes },
  { scenario: mission, name: 'mission', output: 'ditTrainDaysOneH100', what: 'one input: c / PERT(0.3, 0.4, 0.55)', truth: (p) => at(mission, { trainMfu: pertQuantile(1 - p) }).ditTrainDaysOneH100 },
  { scenario: lognormal, name: 'lognormal', output: 'modelMultiplier', what: 'one input: lognormal soraParams / ditParams', truth: (p) => at(lognormal, { soraParams: Math.exp(mu('soraParams') + sigma('soraParams') * probit(p)) }).modelMultiplier },
  { scenario: lognormal, name: 'lognormal', output: 'trainH100s', what: 'four inputs: a product of lognormals (closed form)', truth: (p) => Math.exp(productMu + productSigma * probit(p)) },
];

const pool = SamplerPool.start(Number(option('workers', 2)));
const started = performance.now();
const cells = {}; // `${case}|${method}|${log2}` → per p { held, error, halfWidth }
try {
  for (let seed = 1; seed <= seeds; seed++) {
    for (const scenario of [mission, lognormal]) {
      for (const method of methods) {
        for (const log2 of counts) {
          const result = await simulate(scenario, { samples: 2 ** log2, seed: `cov-${seed}`, method, pool });
          for (const c of cases.filter((c) => c.scenario === scenario)) {
            const key = `${c.name}.${c.output}|${method}|${log2}`;
            const cell = (cells[key] ??= {});
            for (const q of result.outputs[c.output].percentiles) {
              const truth = c.truth(q.p);
              const s = (cell[q.p] ??= { held: 0, runs: 0, error: 0, halfWidth: 0, outside: 0 });
              s.runs++;
              if (q.lower <= truth && truth <= q.upper) s.held++;
              s.error += (q.value - truth) / truth;
              s.halfWidth += (q.upper - q.lower) / 2 / truth;
            }
          }
        }
      }
    }
    if (seed % 10 === 0 || seed === seeds) console.error(`seed ${seed}/${seeds}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await pool.close();
}

const ps = Object.keys(Object.values(cells)[0]).map(Number).sort((a, b) => a - b);
const table = [];
for (const c of cases) {
  for (const method of methods) {
    for (const log2 of counts) {
      const cell = cells[`${c.name}.${c.output}|${method}|${log2}`];
      table.push({
        output: `${c.name}.${c.output}`,
        method,
        samples: 2 ** log2,
        log2,
        coverage: Object.fromEntries(ps.map((p) => [p, cell[p].held / cell[p].runs])),
        held: Object.fromEntries(ps.map((p) => [p, cell[p].held])),
        meanRelativeError: Object.fromEntries(ps.map((p) => [p, cell[p].error / cell[p].runs])),
        meanRelativeHalfWidth: Object.fromEntries(ps.map((p) => [p, cell[p].halfWidth / cell[p].runs])),
      });
    }
  }
}
const pct = (x) => `${Math.round(100 * x)}`.padStart(4);
console.log(`coverage of the 95% intervals (%), ${seeds} seeds per cell`);
console.log(`${'output'.padEnd(32)} ${'method'.padEnd(6)} ${'n'.padStart(5)} ${ps.map((p) => `P${Math.round(p * 100)}`.padStart(4)).join(' ')}`);
for (const row of table) console.log(`${row.output.padEnd(32)} ${row.method.padEnd(6)} ${`2^${row.log2}`.padStart(5)} ${ps.map((p) => pct(row.coverage[p])).join(' ')}`);
// Where sobol falls below 93% while mc holds ≥ 93% at the same output, count and percentile.
const short = table.filter((row) => row.method === 'sobol').flatMap((row) => {
  const mc = table.find((m) => m.method === 'mc' && m.output === row.output && m.log2 === row.log2);
  return ps.filter((p) => row.coverage[p] < 0.93 && (!mc || mc.coverage[p] >= 0.93)).map((p) => ({ output: row.output, log2: row.log2, p, sobol: row.coverage[p], mc: mc?.coverage[p] }));
});
console.log(short.length === 0 ? 'sobol ≥ 93% wherever mc is' : `sobol below 93% where mc is not: ${short.length} cells`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify({ what: 'coverage of 95% percentile intervals against closed-form truths', date: new Date().toISOString(), node: process.version, root, seeds, counts, methods, cases: cases.map(({ name, output, what }) => ({ output: `${name}.${output}`, what })), seconds: (performance.now() - started) / 1000, short, table }, null, 1)}\n`,
);
