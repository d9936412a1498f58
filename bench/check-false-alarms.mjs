// The statistical tier's false-alarm rate, measured: N runs of an unchanged scenario with independent
// seeds (what `check --fresh-seed` compares), every pair compared percentile by percentile with the
// check's own test (src/regress/statistical.ts). Prints, for several α, the share of pairs in which
// any of the m percentiles exceeds the Bonferroni threshold (the family-wise rate check promises to
// keep ≤ α), and per percentile the share with |z| > t beside the normal two-sided tail 2(1 − Φ(t)).
// Pairs from one set of runs share runs, so the rates are unbiased but not independent: an unusual
// run counts in N − 1 pairs.
//
//   npm run build && node bench/check-false-alarms.mjs calibrated 60 400   # ~10 s on the 2-core machine
//   node bench/check-false-alarms.mjs mission 60 4096
import { loadScenario, simulate, SamplerPool, OUTPUT_KEYS } from '../dist/src/index.js';
import { testPercentile, bonferroniCritical } from '../dist/src/regress/statistical.js';
const [scenarioName, N, n] = [process.argv[2] ?? 'mission', Number(process.argv[3] ?? 60), Number(process.argv[4] ?? 4096)];
const pool = SamplerPool.start(1);
const runs = [];
for (let s = 0; s < N; s++) runs.push(await simulate(loadScenario(scenarioName), { samples: n, seed: `fa-${s}`, pool }));
await pool.close();
const rowsOf = (r, key) => r.outputs[key].percentiles.map((p) => ({ ...p, n: r.run.samples, confidence: r.method.confidence }));
const m = OUTPUT_KEYS.reduce((a, k) => a + runs[0].outputs[k].percentiles.length, 0);
const alphas = [0.5, 0.2, 0.1, 0.05, 1e-2, 1e-3];
const famFail = Object.fromEntries(alphas.map((a) => [a, 0]));
const zs = [];
let pairs = 0;
for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
  pairs++;
  const maxZ = { v: 0 };
  for (const key of OUTPUT_KEYS) {
    const base = rowsOf(runs[i], key), now = rowsOf(runs[j], key);
    base.forEach((b, k) => { const row = testPercentile(b, now[k], 1e9, { base, now }); zs.push(row.z); maxZ.v = Math.max(maxZ.v, row.z); });
  }
  for (const a of alphas) if (maxZ.v > bonferroniCritical(a, m)) famFail[a]++;
}
// Per-row calibration: share of rows with z > t against the two-sided normal tail 2(1 − Φ(t)).
const phiTail = (t) => { // 1 − Φ(t) by erfc (Numerical Recipes erfcc, |error| < 1.2e-7)
  const erfc = (x) => { const z = Math.abs(x), t1 = 1 / (1 + 0.5 * z); const r = t1 * Math.exp(-z * z - 1.26551223 + t1 * (1.00002368 + t1 * (0.37409196 + t1 * (0.09678418 + t1 * (-0.18628806 + t1 * (0.27886807 + t1 * (-1.13520398 + t1 * (1.48851587 + t1 * (-0.82215223 + t1 * 0.17087277))))))))); return x >= 0 ? r : 2 - r; };
  return erfc(t / Math.SQRT2) / 2; };
const perRow = [1.5, 2, 2.5, 3, 3.5].map((t) => ({ t, observed: zs.filter((z) => z > t).length / zs.length, nominal: 2 * phiTail(t) }));
console.log(JSON.stringify({ scenario: scenarioName, runs: N, samples: n, rowsPerCheck: m, pairs, familyFalseAlarm: Object.fromEntries(alphas.map((a) => [a, { zCrit: +bonferroniCritical(a, m).toFixed(3), rate: famFail[a] / pairs }])), perRow }, null, 1));
