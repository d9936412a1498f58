// `npm run bench`: the engine's speed and memory, printed as a table and written to
// bench/results/latest.json (bench/results/large.json with --large).
//
//   npm run build && npm run bench                 # ~4 minutes on the project's 2-core machine
//   npm run bench -- --large                       # instead: 1e8 (1 and 2 workers) and 1e9: ~15 minutes
//   npm run bench -- --runs 7 --skip-squiggle      # more runs; leave out a peer (--skip-numpy)
//
// What it measures:
// - end to end: `sora-mc run mission --samples N`, process start to exit, at 1e5, 1e6, 1e7 (median,
//   min–max of --runs runs, default 5), samples/s and peak RSS (from /usr/bin/time -f %M, else from
//   the child's own process.resourceUsage().maxRSS, which covers its worker threads);
// - 1 against 2 workers at 1e7, end to end (parallel efficiency = t1 / (2 · t2));
// - the time split of one thread over mission's chunks: sampling (uniforms and quantiles), the model,
//   the statistics (counting pass, gathering pass), in ns per sample;
// - side by side with Squiggle (@quri/squiggle-lang) on the issue's 4-input model at 1e5 and 1e6 in
//   this one process, both after a warm-up (sora-mc on a started SamplerPool), with both tools'
//   P10/P50/P90, whether Squiggle's lie inside sora-mc's 95% intervals, and the speed ratio;
// - side by side with numpy (when python3 has it): bench/numpy_model.py, the same model as a plain
//   vectorised script on one core, and `sora-mc run mission` at 1e6 and 1e7, alternately, process
//   start to exit, with peak RSS and whether numpy's P10/P50/P90 lie within √2 × sora-mc's intervals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './timing.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
// --only end-to-end,workers,split,squiggle,numpy: rerun some sections (they replace those sections of the JSON).
const only = option('only')?.split(',');
const wanted = (section) => !only || only.includes(section);
const large = flag('large');
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'cli.js');
const rssHook = join(root, 'bench', 'report-rss.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'sora-mc-bench-'));
const hasTime = existsSync('/usr/bin/time');

const fmt = {
  s: (x) => `${x.toFixed(2)} s`,
  rate: (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`),
  mb: (kb) => `${Math.round(kb / 1024)} MB`,
  n: (x) => x.toExponential(0).replace('+', ''),
};

/** One `sora-mc run` as a child process: wall seconds and peak RSS in KB. */
function runCli(samples, extra = []) {
  const cliArgs = [cli, 'run', 'mission', '--samples', String(samples), '--out', join(scratch, 'out'), '--json', ...extra];
  const [command, commandArgs] = hasTime
    ? ['/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, ...cliArgs]]
    : [process.execPath, ['--import', rssHook, ...cliArgs]];
  const started = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`sora-mc run failed (${child.status}): ${child.stderr}`);
  const rss = Number(/maxrss_kb=(\d+)/.exec(child.stderr)?.[1]);
  return { seconds, rssKb: rss };
}

function endToEnd(samples, count, extra = []) {
  runCli(Math.min(samples, 1e5), extra); // warm the file cache
  const all = Array.from({ length: count }, () => runCli(samples, extra));
  const seconds = all.map((r) => r.seconds);
  const m = median(seconds);
  return { samples, runs: count, medianS: m, minS: Math.min(...seconds), maxS: Math.max(...seconds), samplesPerS: samples / m, peakRssKb: Math.max(...all.map((r) => r.rssKb)), seconds };
}

async function timeSplit() {
  const { loadScenario } = await import('../dist/src/scenario/resolve.js');
  const { compileInputs } = await import('../dist/src/scenario/compile.js');
  const { allocateInputColumns, quantileLoops } = await import('../dist/src/simulate/chunks.js');
  const { monteCarloUniforms, CHUNK_SIZE } = await import('../dist/src/sampling/uniforms.js');
  const { computeColumns, allocateOutputColumns } = await import('../dist/src/model/compute.js');
  const { INPUT_KEYS } = await import('../dist/src/model/inputs.js');
  const { OUTPUT_KEYS } = await import('../dist/src/model/outputs.js');
  const { OutputCounter } = await import('../dist/src/stats/stream-count.js');
  const { RunStatistics } = await import('../dist/src/stats/stream-summary.js');
  const { PassCollector } = await import('../dist/src/stats/stream-select.js');
  const scenario = loadScenario('mission').resolved;
  const distributions = compileInputs(scenario);
  const inputs = allocateInputColumns(distributions);
  const loops = quantileLoops(distributions);
  const uniforms = monteCarloUniforms('bench');
  const outputs = allocateOutputColumns(CHUNK_SIZE);
  const columns = OUTPUT_KEYS.map((key) => outputs[key]);
  const chunks = 122; // 1e6 samples
  const t = { sampling: 0, model: 0, count: 0, gather: 0 };
  const sample = (k) => {
    let t0 = performance.now();
    // As sampleChunk does: every uncertain input's uniforms together, then their quantiles.
    const uncertain = INPUT_KEYS.filter((key) => loops[key]);
    uniforms.fillInputs(uncertain.map((key) => inputs[key]), uncertain, k);
    for (const key of uncertain) loops[key](inputs[key], CHUNK_SIZE);
    t.sampling += performance.now() - t0;
    t0 = performance.now();
    computeColumns(inputs, outputs, CHUNK_SIZE, scenario.stepCost);
    t.model += performance.now() - t0;
  };
  for (let round = 0; round < 2; round++) {
    // Round 0 warms the JIT; round 1 is measured.
    for (const key of Object.keys(t)) t[key] = 0;
    const counters = columns.map(() => new OutputCounter(0));
    const sums = [];
    for (let k = 0; k < chunks; k++) {
      sample(k);
      const t0 = performance.now();
      for (let j = 0; j < columns.length; j++) counters[j].add(columns[j], CHUNK_SIZE);
      t.count += performance.now() - t0;
      for (const c of counters) sums.push(c.takeBlockSum());
    }
    const stats = new RunStatistics([counters.map((c) => c.export())], Float64Array.from(sums), chunks, columns.map(() => 0));
    const collectors = stats.gatherPlans().map((plan) => (plan ? new PassCollector(plan) : null));
    const sampled = { ...t };
    for (let k = 0; k < chunks; k++) {
      sample(k);
      const t0 = performance.now();
      for (let j = 0; j < columns.length; j++) collectors[j]?.add(columns[j], CHUNK_SIZE);
      t.gather += performance.now() - t0;
    }
    // Sampling and the model run in both passes: report them per pass.
    t.sampling = sampled.sampling;
    t.model = sampled.model;
  }
  const ns = (ms) => (ms * 1e6) / (chunks * CHUNK_SIZE);
  return {
    samples: chunks * CHUNK_SIZE,
    nsPerSample: { sampling: ns(t.sampling), model: ns(t.model), statisticsCount: ns(t.count), statisticsGather: ns(t.gather) },
    note: 'one thread, mission; sampling and the model run once per pass (a run makes two passes), the statistics once each',
  };
}

/** bench/numpy_model.py on the resolved mission scenario, then sora-mc at the same size, alternately. */
async function numpyPeer(sizes, count) {
  if (spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status !== 0) return { skipped: 'python3 with numpy not found' };
  const { loadScenario } = await import('../dist/src/scenario/resolve.js');
  const scenario = JSON.stringify(loadScenario('mission').resolved);
  const script = join(root, 'bench', 'numpy_model.py');
  const runNumpy = (samples) => {
    const [command, commandArgs] = hasTime ? ['/usr/bin/time', ['-f', 'maxrss_kb=%M', 'python3', script, String(samples)]] : ['python3', [script, String(samples)]];
    const started = process.hrtime.bigint();
    const child = spawnSync(command, commandArgs, { input: scenario, encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`numpy_model.py failed (${child.status}): ${child.stderr}`);
    const out = JSON.parse(child.stdout);
    return { seconds, rssKb: Number(/maxrss_kb=(\d+)/.exec(child.stderr)?.[1] ?? out.peakRssKb), out };
  };
  const rows = [];
  for (const samples of sizes) {
    runNumpy(Math.min(samples, 1e5)); // warm the file cache
    const numpy = [];
    const sora = [];
    for (let i = 0; i < count; i++) {
      sora.push(runCli(samples));
      numpy.push(runNumpy(samples));
    }
    const result = JSON.parse(readFileSync(join(scratch, 'out', 'result.json'), 'utf8'));
    // Two independent estimates of one quantile differ by more than √2 × z × its standard error with
    // probability α; over the 9 comparisons below, z = 2.77 (Bonferroni, α = 0.05/9 each) keeps the
    // chance that any of them fails by sampling noise alone below 5%. The standard error is the facing
    // 95% half-width of sora-mc's interval ÷ 1.96.
    const band = Math.SQRT2 * (2.7729 / 1.959964);
    const checks = ['trainH100s', 'crossoverMinutes', 'costPerVideoMinuteUsd'].map((key) => {
      const ours = result.outputs[key].percentiles.filter((q) => [0.1, 0.5, 0.9].includes(q.p));
      const theirs = [10, 50, 90].map((p) => numpy[0].out.outputs[key].percentiles[p]);
      return { output: key, soraMc: ours.map((q) => q.value), numpy: theirs, withinFamilywiseBand: theirs.map((x, i) => Math.abs(x - ours[i].value) <= band * Math.max(ours[i].upper - ours[i].value, ours[i].value - ours[i].lower)) };
    });
    const numpyS = median(numpy.map((r) => r.seconds));
    const soraS = median(sora.map((r) => r.seconds));
    rows.push({
      samples,
      numpy: { medianS: numpyS, minS: Math.min(...numpy.map((r) => r.seconds)), maxS: Math.max(...numpy.map((r) => r.seconds)), insideS: median(numpy.map((r) => r.out.seconds)), split: numpy[0].out.split, peakRssKb: Math.max(...numpy.map((r) => r.rssKb)), version: numpy[0].out.numpy },
      soraMc: { medianS: soraS, minS: Math.min(...sora.map((r) => r.seconds)), maxS: Math.max(...sora.map((r) => r.seconds)), peakRssKb: Math.max(...sora.map((r) => r.rssKb)), workers: availableParallelism() },
      speedRatio: numpyS / soraS,
      agreement: checks,
    });
  }
  return { runs: count, rows, note: 'process start to exit for both; numpy computes percentiles, mean, sd, min and max only (no intervals, histograms or tornado); one core, as numpy does' };
}

const SQUIGGLE_MODEL = `params = 10e9 to 30e9
data = 4 to 10
ratio = 4 to 8
mfu = 0.3 to 0.6
h100 = 1e21 * params / 675e6 * data * (1440 / ratio) / 2 / (989.4e12 * mfu * 30 * 86400)
[quantile(h100, 0.1), quantile(h100, 0.5), quantile(h100, 0.9)]`;

// The same model in sora-mc: mission's trainH100s with trainDays 30 (its article value) and the four
// inputs as lognormals with those 90% ranges. trainMfu must stay in (0, 1]: "0.3 to 0.6" reaches
// 1.3 at the sampler's most extreme uniform, so it is truncated at 1 (it cuts 2e-5 of the mass).
const SORA_MODEL = `name: four-inputs
description: the issue's 4-input model, as in Squiggle
seed: 1
inputs:
  soraParams: "10e9 to 30e9"
  datasetMultiplier: "4 to 10"
  temporalCompression: "4 to 8"
  trainMfu: { dist: lognormal, p5: 0.3, p95: 0.6, truncate: [null, 1] }
`;

// The model is a product of lognormals, so h100 is lognormal: μ and σ² are sums (σ of "a to b" is
// ln(b/a) / (2 × 1.6449)). Its P10/P50/P90 are exact, up to sora-mc's truncation of trainMfu at 1
// (2e-5 of its mass, which moves P10 by less than 1e-5 relative).
const ANALYTIC = (() => {
  const z95 = 1.6448536269514722;
  const z90 = 1.2815515655446004;
  const range = (a, b) => [(Math.log(a) + Math.log(b)) / 2, Math.log(b / a) / (2 * z95)];
  const [[mp, sp], [md, sd], [mr, sr], [mm, sm]] = [range(10e9, 30e9), range(4, 10), range(4, 8), range(0.3, 0.6)];
  const mu = Math.log((1e21 / 675e6) * (1440 / 2) / (989.4e12 * 30 * 86400)) + mp + md - mr - mm;
  const sigma = Math.hypot(sp, sd, sr, sm);
  return [-z90, 0, z90].map((z) => Math.exp(mu + z * sigma));
})();

async function peer(sizes, repeats) {
  const { run: squiggle, defaultEnvironment } = await import('@quri/squiggle-lang');
  const { loadScenario, simulate, SamplerPool } = await import('../dist/src/index.js');
  const file = join(scratch, 'four-inputs.yaml');
  writeFileSync(file, SORA_MODEL);
  const scenario = loadScenario(file);
  const pool = SamplerPool.start(availableParallelism());
  const runSquiggle = async (samples) => {
    const t0 = performance.now();
    const out = await squiggle(SQUIGGLE_MODEL, { environment: { ...defaultEnvironment, sampleCount: samples } });
    const seconds = (performance.now() - t0) / 1000;
    if (!out.result.ok) throw new Error(`squiggle failed: ${out.result.value.toString()}`);
    return { seconds, percentiles: out.result.value.result.asJS() };
  };
  const runSora = async (samples) => {
    const t0 = performance.now();
    const result = await simulate(scenario, { samples, pool });
    const seconds = (performance.now() - t0) / 1000;
    const ps = result.outputs.trainH100s.percentiles.filter((q) => [0.1, 0.5, 0.9].includes(q.p));
    return { seconds, percentiles: ps };
  };
  try {
    await runSquiggle(1e5); // warm-up
    await runSora(1e5);
    const rows = [];
    for (const samples of sizes) {
      const sq = [];
      const so = [];
      for (let i = 0; i < repeats; i++) {
        sq.push(await runSquiggle(samples));
        so.push(await runSora(samples));
      }
      const sqS = median(sq.map((r) => r.seconds));
      const soS = median(so.map((r) => r.seconds));
      const ours = so[0].percentiles;
      const theirs = sq[0].percentiles;
      // Two independent estimates of one quantile differ by up to √2 × one 95% half-width (95% of the time).
      const agree = theirs.map((x, i) => Math.abs(x - ours[i].value) <= Math.SQRT2 * Math.max(ours[i].upper - ours[i].value, ours[i].value - ours[i].lower));
      rows.push({
        samples,
        squiggle: { medianS: sqS, samplesPerS: samples / sqS, p10p50p90: theirs },
        soraMc: { medianS: soS, samplesPerS: samples / soS, p10p50p90: ours.map((q) => q.value), intervals95: ours.map((q) => [q.lower, q.upper]) },
        squiggleInsideSoraIntervals: theirs.map((x, i) => ours[i].lower <= x && x <= ours[i].upper),
        withinCombinedIntervals: agree,
        analytic: ANALYTIC,
        analyticInsideSoraIntervals: ANALYTIC.map((x, i) => ours[i].lower <= x && x <= ours[i].upper),
        speedRatio: sqS / soS,
      });
    }
    return { model: SQUIGGLE_MODEL, soraScenario: SORA_MODEL, workers: pool.size, repeats, rows, note: 'trainMfu "0.3 to 0.6" is truncated at 1 in sora-mc (its domain check); Squiggle does not truncate' };
  } finally {
    await pool.close();
  }
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: load() },
  rss: hasTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS in the child',
};

try {
  if (!large) {
    if (wanted('end-to-end')) {
      results.endToEnd = [1e5, 1e6, 1e7].map((samples) => {
        console.error(`end to end at ${fmt.n(samples)} …`);
        return endToEnd(samples, runs);
      });
    }
    if (wanted('workers')) {
      console.error('1 vs 2 workers at 1e7 …');
      const w1 = endToEnd(1e7, 3, ['--workers', '1']);
      const w2 = endToEnd(1e7, 3, ['--workers', '2']);
      results.workers = { samples: 1e7, oneS: w1.medianS, twoS: w2.medianS, speedup: w1.medianS / w2.medianS, efficiency: w1.medianS / (2 * w2.medianS), runs: 3 };
    }
    if (wanted('split')) {
      console.error('time split …');
      results.split = await timeSplit();
    }
    if (wanted('squiggle') && !flag('skip-squiggle')) {
      console.error('Squiggle side by side …');
      results.squiggle = await peer([1e5, 1e6], 3);
    }
    if (wanted('numpy') && !flag('skip-numpy')) {
      console.error('numpy side by side …');
      results.numpy = await numpyPeer([1e6, 1e7], 3);
    }
  } else {
    // --only e8 or e9 reruns one of the two (the other is kept from large.json).
    const previous = existsSync(join(root, 'bench', 'results', 'large.json')) ? JSON.parse(readFileSync(join(root, 'bench', 'results', 'large.json'), 'utf8')).large : {};
    results.large = { ...previous };
    if (wanted('e8')) {
      console.error('1e8 with 2 workers, then 1 worker …');
      const two = endToEnd(1e8, 1);
      const one = endToEnd(1e8, 1, ['--workers', '1']);
      Object.assign(results.large, { e8: two, e8OneWorker: one, efficiencyAt1e8: one.medianS / (2 * two.medianS), e8Load: load() });
    }
    if (wanted('e9')) {
      console.error('1e9 …');
      results.large.e9 = endToEnd(1e9, 1);
      results.large.e9Load = load();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
results.machine.loadAfter = load();

const outFile = join(root, 'bench', 'results', large ? 'large.json' : 'latest.json');
// --only reruns some sections: they replace those sections of the last results, which keep the rest.
const previous = only && existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : {};
const merged = only ? { ...previous, ...results, machine: { ...previous.machine, [`rerun ${only.join(',')}`]: results.machine } } : results;
const data = merged;
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
lines.push(`sora-mc bench, ${data.date}, ${data.machine.cpus} cores, Node ${data.machine.node}, load ${data.machine.loadBefore} → ${data.machine.loadAfter}`);
row('benchmark', 'median', 'min–max', 'samples/s', 'peak RSS');
row('---', '---', '---', '---', '---');
for (const r of data.endToEnd ?? []) row(`run mission ${fmt.n(r.samples)}`, fmt.s(r.medianS), `${fmt.s(r.minS)}–${fmt.s(r.maxS)}`, fmt.rate(r.samplesPerS), fmt.mb(r.peakRssKb));
if (data.workers) {
  const w = data.workers;
  row('1e7, 1 worker / 2 workers', `${fmt.s(w.oneS)} / ${fmt.s(w.twoS)}`, '', `speed-up ${w.speedup.toFixed(2)}×, efficiency ${(100 * w.efficiency).toFixed(0)}%`, '');
}
if (data.large) {
  const { e8, e8OneWorker, e9, efficiencyAt1e8 } = data.large;
  row('run mission 1e8 (2 workers)', fmt.s(e8.medianS), '', fmt.rate(e8.samplesPerS), fmt.mb(e8.peakRssKb));
  row('run mission 1e8 (1 worker)', fmt.s(e8OneWorker.medianS), '', fmt.rate(e8OneWorker.samplesPerS), fmt.mb(e8OneWorker.peakRssKb));
  row('parallel efficiency at 1e8', `${(100 * efficiencyAt1e8).toFixed(0)}%`, '', '', '');
  row('run mission 1e9 (2 workers)', fmt.s(e9.medianS), '', fmt.rate(e9.samplesPerS), fmt.mb(e9.peakRssKb));
}
if (data.split) {
  const s = data.split.nsPerSample;
  row('time split, ns/sample, one thread', `sampling ${s.sampling.toFixed(0)} + model ${s.model.toFixed(0)} per pass`, '', `statistics: counting ${s.statisticsCount.toFixed(0)}, gathering ${s.statisticsGather.toFixed(0)}`, '');
}
if (data.squiggle) {
  for (const r of data.squiggle.rows) {
    const p = (xs) => xs.map((x) => Math.round(x).toLocaleString('en-US')).join(' / ');
    row(`4-input model ${fmt.n(r.samples)}: Squiggle`, fmt.s(r.squiggle.medianS), `P10/P50/P90 ${p(r.squiggle.p10p50p90)}`, fmt.rate(r.squiggle.samplesPerS), '');
    row(`4-input model ${fmt.n(r.samples)}: sora-mc`, fmt.s(r.soraMc.medianS), `P10/P50/P90 ${p(r.soraMc.p10p50p90)}`, `${fmt.rate(r.soraMc.samplesPerS)} (${r.speedRatio.toFixed(1)}× Squiggle)`, `Squiggle inside sora-mc's 95% intervals: ${r.squiggleInsideSoraIntervals.join(', ')}; within √2 × them: ${r.withinCombinedIntervals.join(', ')}; exact ${p(r.analytic)} inside sora-mc's: ${r.analyticInsideSoraIntervals.join(', ')}`);
  }
}
if (data.numpy?.rows) {
  for (const r of data.numpy.rows) {
    const within = r.agreement.flatMap((a) => a.withinFamilywiseBand);
    const differ = r.agreement.filter((a) => !a.withinFamilywiseBand.every(Boolean)).map((a) => a.output);
    const agree = `${within.filter(Boolean).length}/${within.length} of trainH100s, crossoverMinutes, costPerVideoMinuteUsd P10/P50/P90 agree with numpy's (family-wise 5% band)${differ.length ? `; DIFFER: ${differ.join(', ')}` : ''}`;
    row(`mission ${fmt.n(r.samples)}: numpy ${r.numpy.version}, 1 core`, fmt.s(r.numpy.medianS), `${fmt.s(r.numpy.minS)}–${fmt.s(r.numpy.maxS)}`, fmt.rate(r.samples / r.numpy.medianS), fmt.mb(r.numpy.peakRssKb));
    row(`mission ${fmt.n(r.samples)}: sora-mc, ${r.soraMc.workers} workers`, fmt.s(r.soraMc.medianS), `${fmt.s(r.soraMc.minS)}–${fmt.s(r.soraMc.maxS)}`, `${fmt.rate(r.samples / r.soraMc.medianS)} (${r.speedRatio.toFixed(2)}× numpy)`, `${fmt.mb(r.soraMc.peakRssKb)}; ${agree}`);
  }
} else if (data.numpy?.skipped) row('numpy side by side', 'skipped', data.numpy.skipped, '', '');
console.log(lines.join('\n'));
merged.table = lines;
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(merged, null, 2)}\n`);
console.error(`written to ${outFile}`);
