import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodRows } from '../../reports/method.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';
import { parseResult } from '../../src/result/read.js';
import { runText } from '../../src/views/run.js';
import { packagePath } from '../../src/paths.js';
import { copulaUniforms } from '../../src/sampling/copula.js';
import { JOE_KUO_LINES } from '../../src/sampling/joe-kuo.js';
import { directionNumbers, fillSobolPoints, SOBOL_MAX_DIMENSIONS, sobolPointAt, sobolUniforms } from '../../src/sampling/sobol-points.js';
import { CHUNK_SIZE, monteCarloUniforms } from '../../src/sampling/uniforms.js';
import { choleskyFactor, normalFromSpearman } from '../../src/scenario/correlations.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { SOBOL_REPLICATES } from '../../src/simulate/replicates.js';
import { simulate } from '../../src/simulate/simulate.js';
import { ksTest } from '../helpers/ks.js';
import { scratchDir } from '../helpers/scratch.js';
import { FULL_SUITE, scaled } from '../helpers/suite.js';

const scratch = scratchDir();

/**
 * A second public copy of new-joe-kuo-6.21201's first lines (d = 2…32), from the docstring of
 * Paddy3118's sobol_point_gen.py (a Python port of Joe & Kuo's C++ generator, on GitHub), with the
 * first ten 3-D points it asserts. The embedded table came from scipy's copy; these came from another.
 */
const PUBLISHED_LINES = `
2       1       0       1
3       2       1       1 3
4       3       1       1 3 1
5       3       2       1 1 1
6       4       1       1 1 3 3
7       4       4       1 3 5 13
8       5       2       1 1 5 5 17
9       5       4       1 1 5 5 5
10      5       7       1 1 7 11 19
11      5       11      1 1 5 1 1
12      5       13      1 1 1 3 11
13      5       14      1 3 5 5 31
14      6       1       1 3 3 9 7 49
15      6       13      1 1 1 15 21 21
16      6       16      1 3 1 13 27 49
17      6       19      1 1 1 15 7 5
18      6       22      1 3 1 15 13 25
19      6       25      1 1 5 5 19 61
20      7       1       1 3 7 11 23 15 103
21      7       4       1 3 7 13 13 15 69
22      7       7       1 1 3 13 7 35 63
23      7       8       1 3 5 9 1 25 53
24      7       14      1 3 1 13 9 35 107
25      7       19      1 3 1 5 27 61 31
26      7       21      1 1 5 11 19 41 61
27      7       28      1 3 5 3 3 13 69
28      7       31      1 1 7 13 1 19 1
29      7       32      1 3 7 5 13 19 59
30      7       37      1 1 3 9 25 29 41
31      7       41      1 3 5 13 23 1 55
32      7       42      1 3 7 3 13 59 17`;
/**
 * A third public copy for the lines after 32 (d = 33…40), from a MATLAB port's embedded table on
 * GitHub; the embedded table's lines 38–40 were copied from yet another (a listing of s, a, m_i).
 */
const PUBLISHED_LATER_LINES = `
33      7       50      1 3 1 3 5 53 69
34      7       55      1 1 5 5 23 33 13
35      7       56      1 1 7 7 1 61 123
36      7       59      1 1 7 9 13 61 49
37      7       62      1 3 3 5 3 55 33
38      8       14      1 3 1 15 31 13 49 245
39      8       21      1 3 5 15 31 59 63 97
40      8       22      1 3 1 11 11 11 77 249`;
const PUBLISHED_3D = [
  [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
  [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375],
];

/** scipy 1.17.1's unscrambled points: scipy.stats.qmc.Sobol(d=40, scramble=False).random(256), times 256. */
const SCIPY = JSON.parse(readFileSync(join(import.meta.dirname, 'scipy-sobol-points.json'), 'utf8')) as { points: number[][]; scale: number };

const words = (line: string) => line.trim().split(/\s+/).map(Number);

describe('Sobol points with Joe–Kuo direction numbers', () => {
  it('embeds a dimension for every input of the model, and its lines equal a second published copy of the table', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBeGreaterThanOrEqual(INPUT_KEYS.length);
    const published = PUBLISHED_LINES.trim().split('\n');
    published.forEach((line, i) => expect(words(JOE_KUO_LINES[i]!), `d = ${i + 2}`).toEqual(words(line)));
    PUBLISHED_LATER_LINES.trim().split('\n').forEach((line, i) => expect(words(JOE_KUO_LINES[i + 31]!), `d = ${i + 33}`).toEqual(words(line)));
  });

  it("gives the published first points: Paddy3118's ten 3-D points and scipy's 256 points in all 40 dimensions", () => {
    const v = [0, 1, 2].map(directionNumbers);
    PUBLISHED_3D.forEach((point, i) => expect(v.map((d) => sobolPointAt(d, i) / 2 ** 32)).toEqual(point));
    for (let j = 0; j < 37; j++) {
      const d = directionNumbers(j);
      for (let i = 0; i < SCIPY.points.length; i++) {
        expect((sobolPointAt(d, i) / 2 ** 32) * SCIPY.scale, `point ${i}, dimension ${j}`).toBe(SCIPY.points[i]![j]);
      }
    }
  });

  it('starts anywhere: Gray-code steps from any index equal the points addressed one by one', () => {
    for (const j of [0, 4, 36]) {
      const v = directionNumbers(j);
      for (const start of [0, 1, 8191, 3 * CHUNK_SIZE, 2 ** 31 - 5]) {
        const run = new Uint32Array(300);
        fillSobolPoints(run, v, start);
        run.forEach((x, s) => expect(x).toBe(sobolPointAt(v, start + s)));
      }
    }
  });
});

describe('Owen-scrambled Sobol uniforms', () => {
  const dims = INPUT_KEYS.slice(0, 37);

  it('keeps every 1-D projection stratified: each aligned run of 2^m points has one point in each [i/2^m, (i+1)/2^m)', () => {
    const source = sobolUniforms('strata', 3, dims);
    const u = new Float64Array(CHUNK_SIZE);
    for (const [key, chunk] of [[dims[0]!, 0], [dims[1]!, 5], [dims[17]!, 2], [dims[36]!, 9]] as const) {
      source.fill(u, key, chunk);
      for (const m of [1, 4, 7, 13]) {
        const size = 2 ** m;
        for (let block = 0; block < CHUNK_SIZE; block += size) {
          const seen = new Uint8Array(size);
          for (let s = block; s < block + size; s++) seen[Math.floor(u[s]! * size)]!++;
          expect(seen.every((c) => c === 1), `${key}, chunk ${chunk}, m = ${m}, block ${block}`).toBe(true);
        }
      }
    }
  });

  it('keeps the first two dimensions a (0, m, 2)-net, as a nested scramble must: 2^m aligned points, one in each elementary box of area 2^−m', () => {
    // Sobol's first two dimensions form a (0, 2)-sequence; Owen's nested scramble preserves that
    // (Owen 1995). A scramble whose digit permutations depended on the digits below (not above)
    // would keep the 1-D strata above but break these boxes.
    const source = sobolUniforms('net', 5, dims);
    const x = new Float64Array(CHUNK_SIZE);
    const y = new Float64Array(CHUNK_SIZE);
    source.fill(x, dims[0]!, 1);
    source.fill(y, dims[1]!, 1);
    const m = 8;
    for (let block = 0; block < CHUNK_SIZE; block += 2 ** m * 4) {
      for (let k = 0; k <= m; k++) {
        const seen = new Uint8Array(2 ** m);
        for (let s = block; s < block + 2 ** m; s++) seen[Math.floor(x[s]! * 2 ** k) * 2 ** (m - k) + Math.floor(y[s]! * 2 ** (m - k))]!++;
        expect(seen.every((c) => c === 1), `block ${block}, boxes 2^-${k} × 2^-${m - k}`).toBe(true);
      }
    }
  });

  it('passes a KS test for uniformity (20,000 points, α = 0.001) and never gives 0 or 1', () => {
    // For independent uniforms the test fails by chance with probability 0.1%; scrambled Sobol
    // points are more even than independent ones (their KS statistic is far smaller), so the
    // false-fail rate is lower still. Seeds fixed: the outcome is deterministic.
    const source = sobolUniforms('ks', 0, dims);
    for (const key of [dims[0]!, dims[9]!, dims[36]!]) {
      const u = new Float64Array(20_000);
      for (let k = 0; k * CHUNK_SIZE < u.length; k++) {
        const part = new Float64Array(Math.min(CHUNK_SIZE, u.length - k * CHUNK_SIZE));
        source.fill(part, key, k);
        u.set(part, k * CHUNK_SIZE);
      }
      const fit = ksTest(u, (x) => Math.min(1, Math.max(0, x)));
      expect(fit.rejected, `${key}: D = ${fit.statistic}`).toBe(false);
      expect(u.every((x) => x > 0 && x < 1)).toBe(true);
    }
  });

  it('scrambles each replicate independently, and a chunk is the same whenever it is asked', () => {
    const a = new Float64Array(64);
    const b = new Float64Array(64);
    const c = new Float64Array(64);
    sobolUniforms('s', 0, dims).fill(a, dims[2]!, 4);
    sobolUniforms('s', 1, dims).fill(b, dims[2]!, 4);
    const again = sobolUniforms('s', 0, dims);
    again.fill(c, dims[3]!, 0);
    again.fill(c, dims[2]!, 4);
    expect(Array.from(c)).toEqual(Array.from(a));
    expect(Array.from(b)).not.toEqual(Array.from(a));
  });

  it('integrates a smooth function much better than Monte Carlo: ∏(1 + (u_j − ½)) over 5 dimensions', () => {
    // The integral is exactly 1. Over 20 seeds at n = 4,096: MC's RMS error is √(((13/12)^5 − 1)/n)
    // ≈ 0.011; Owen-scrambled Sobol points give an RMS error of order n^(−3/2) for smooth integrands
    // (Owen 1997), here ~1e−4 or smaller. Requiring a 20× smaller RMS error leaves a wide margin:
    // the chance that 20 MC errors average below 0.00055 in RMS is astronomically small.
    const n = 4096;
    const d = 5;
    const rms = (make: (seed: string) => { fill: (t: Float64Array, key: string, chunk: number) => void }) => {
      let squares = 0;
      for (let seed = 0; seed < 20; seed++) {
        const source = make(`integral-${seed}`);
        const product = new Float64Array(n).fill(1);
        const u = new Float64Array(n);
        for (let j = 0; j < d; j++) {
          source.fill(u, dims[j]!, 0);
          for (let s = 0; s < n; s++) product[s]! *= 1 + (u[s]! - 0.5);
        }
        squares += (product.reduce((a, b) => a + b, 0) / n - 1) ** 2;
      }
      return Math.sqrt(squares / 20);
    };
    const mc = rms((seed) => monteCarloUniforms(seed));
    const sobol = rms((seed) => sobolUniforms(seed, 0, dims));
    expect(mc).toBeGreaterThan(0.005);
    expect(sobol * 20, `RMS error: sobol ${sobol}, mc ${mc}`).toBeLessThan(mc);
  });

  it('holds requested rank correlations through the copula (within ±0.02 at 2^17 points)', () => {
    // The copula maps the scrambled uniforms to normal scores and mixes them (src/sampling/copula.ts);
    // for independent uniforms the sample Spearman ρ's sd at n = 2^17 is < 0.003, so ±0.02 is > 6 sd.
    const inputs = [dims[0]!, dims[1]!, dims[2]!];
    const rank = [
      [1, 0.7, -0.4],
      [0.7, 1, -0.2],
      [-0.4, -0.2, 1],
    ];
    const source = copulaUniforms(sobolUniforms('corr', 0, dims), inputs, choleskyFactor(rank.map((row) => row.map(normalFromSpearman))));
    const n = 1 << 17;
    const columns = inputs.map(() => new Float64Array(n));
    for (let k = 0; k * CHUNK_SIZE < n; k++) {
      inputs.forEach((key, j) => {
        const part = new Float64Array(CHUNK_SIZE);
        source.fill(part, key, k);
        columns[j]!.set(part, k * CHUNK_SIZE);
      });
    }
    const ranks = columns.map((x) => {
      const order = Array.from(x.keys()).sort((i, j) => x[i]! - x[j]!);
      const r = new Float64Array(n);
      order.forEach((i, k) => (r[i] = k));
      return r;
    });
    const mean = (n - 1) / 2;
    const rho = (a: Float64Array, b: Float64Array) => {
      let ab = 0;
      let aa = 0;
      for (let i = 0; i < n; i++) {
        ab += (a[i]! - mean) * (b[i]! - mean);
        aa += (a[i]! - mean) ** 2;
      }
      return ab / aa;
    };
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.abs(rho(ranks[a]!, ranks[b]!) - rank[a]![b]!)).toBeLessThan(0.02);
  });
});

describe('--method sobol runs', () => {
  it('is byte-identical for 1, 2 (and 8 in the full suite) workers over a run of many chunks, and records the method and replicates', async () => {
    const scenario = loadScenario('mission');
    // Each replicate: 3 full chunks (1 in the fast suite) and a partial one.
    const samples = SOBOL_REPLICATES * (scaled(1, 3) * CHUNK_SIZE + 100);
    const runs = [];
    for (const workers of FULL_SUITE ? [1, 2, 8] : [1, 2]) runs.push(await simulate(scenario, { samples, workers, method: 'sobol' }));
    const [one, ...others] = runs;
    for (const other of others) expect(JSON.stringify(other!.outputs)).toBe(JSON.stringify(one!.outputs));
    expect(one!.run.sampling).toBe('scrambled-sobol');
    expect(one!.run.replicates).toBe(SOBOL_REPLICATES);
    expect(one!.method.interval).toMatch(/randomised QMC: 8 independent scrambles/);
    const out = one!.outputs.trainH100s;
    expect(out.n).toBe(samples);
    expect(out.histogram.bins.reduce((a, b) => a + b.count, 0)).toBe(samples);
    for (const p of out.percentiles) expect(p.lower <= p.value && p.value <= p.upper).toBe(true);
    const rows = methodRows(one!);
    expect(rows.find((r) => r.label === 'Samples')!.value).toMatch(/8 independent Owen scrambles/);
    expect(rows.find((r) => r.label === 'Confidence intervals')!.value).toMatch(/randomised QMC/);
    // What `run` prints names the method, so a terminal reader knows the intervals are RQMC ones.
    expect(runText(one!).split('\n')[0]).toMatch(/samples \(scrambled Sobol, 8 replicates\), seed/);
    // The Result still reads back through its published schema.
    expect(parseResult(JSON.parse(JSON.stringify(one))).run.replicates).toBe(SOBOL_REPLICATES);
  });

  it('refuses a sample count that is not a multiple of the replicate count, naming --samples (exit 2)', async () => {
    await expect(simulate(loadScenario('mission'), { samples: 1001, method: 'sobol' })).rejects.toThrow(/multiple of the replicate count/);
    const out = join(scratch.dir, 'never');
    const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', 'mission', '--method', 'sobol', '--samples', '1001', '--out', out], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/--samples: with --method sobol the sample count must be a multiple of the replicate count/);
    expect(stderr).toMatch(/expected:\s+a multiple of 8 from 16/);
    expect(stderr).toMatch(/found:\s+1,001/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
