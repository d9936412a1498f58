// `npm run bench`: the engine's speed and memory, printed as a table and written to
// bench/results/latest.json (bench/results/large.json with --large).
//
//   npm run build && npm run bench                 # ~4 minutes on the project's 2-core machine
//   npm run bench -- --large                       # instead: 1e8 (1 and 2 workers) and 1e9: ~15 minutes
//   npm run bench -- --runs 7 --skip-squiggle      # more runs; leave out a peer (--skip-numpy)
//
// What it measures:
// - end to end: `sora-mc run mission --samples N`, process start to exit, at 1e3, 1e5, 1e6, 1e7 (median,
//   min–max of --runs runs, default 5), samples/s and peak RSS (from /usr/bin/time -f %M, else from
//   the child's own process.resourceUsage().maxRSS, which covers its worker threads);
// - 1 against 2 workers at 1e7, end to end (parallel efficiency = t1 / (2 · t2));
// - the time split of one thread over mission's chunks, each stage as the engine runs it: drawing
//   (alea and every input's quantile in the kernel), the model (JavaScript), counting (every output's
//   moments and the distinct outputs' bins, kernel), the tornado's decile fold (kernel), in ns per sample;
// - side by side with Squiggle (@quri/squiggle-lang 0.10, bench/squiggle_model.mjs) on the issue's
//   4-input model at 1e6, both as whole processes run alternately, with both tools' P10/P50/P90;
// - side by side with numpy (when python3 has it): bench/numpy_model.py, the same model as a plain
//   vectorised script on one core, and `sora-mc run mission` at 1e6 and 1e7, alternately, process
//   start to exit, with peak RSS and whether numpy's P10/P50/P90 lie within √2 × sora-mc's intervals;
// - the bars of issue 21, each met or not, from the figures above.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageSplit } from './stage-split.mjs';
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
  s: (x) => (x === undefined ? "–" : `${x.toFixed(2)} s`),
  rate: (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`),
  mb: (kb) => `${Math.round(kb / 1024)} MB`,
  n: (x) => x.toExponential(0).replace('+', ''),
};

/** One `sora-mc run` as a child process: wall seconds and peak RSS in KB. */
function runCli(samples, extra = [], scenario = 'mission') {
  const cliArgs = [cli, 'run', scenario, '--samples', String(samples), '--out', join(scratch, 'out'), '--json', ...extra];
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

const { SQUIGGLE_MODEL } = await import('./squiggle_model.mjs');

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

/** Squiggle and `sora-mc run` on the 4-input model, each a whole process, alternately. */
async function peer(sizes, repeats) {
  const file = join(scratch, 'four-inputs.yaml');
  writeFileSync(file, SORA_MODEL);
  const squiggleScript = join(root, 'bench', 'squiggle_model.mjs');
  const runSquiggle = (samples) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [squiggleScript, String(samples)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`squiggle failed (${child.status}): ${child.stderr}`);
    return { seconds, percentiles: JSON.parse(child.stdout).percentiles };
  };
  const runSora = (samples) => {
    const { seconds } = runCli(samples, [], file);
    const result = JSON.parse(readFileSync(join(scratch, 'out', 'result.json'), 'utf8'));
    return { seconds, percentiles: result.outputs.trainH100s.percentiles.filter((q) => [0.1, 0.5, 0.9].includes(q.p)) };
  };
  runSquiggle(1e4); // warm the file cache
  runSora(1e4);
  const rows = [];
  for (const samples of sizes) {
    const sq = [];
    const so = [];
    for (let i = 0; i < repeats; i++) {
      sq.push(runSquiggle(samples));
      so.push(runSora(samples));
    }
    const sqS = median(sq.map((r) => r.seconds));
    const soS = median(so.map((r) => r.seconds));
    const ours = so[0].percentiles;
    const theirs = sq[0].percentiles;
    // Two independent estimates of one quantile differ by up to √2 × one 95% half-width (95% of the time).
    const agree = theirs.map((x, i) => Math.abs(x - ours[i].value) <= Math.SQRT2 * Math.max(ours[i].upper - ours[i].value, ours[i].value - ours[i].lower));
    rows.push({
      samples,
      squiggle: { medianS: sqS, minS: Math.min(...sq.map((r) => r.seconds)), maxS: Math.max(...sq.map((r) => r.seconds)), samplesPerS: samples / sqS, p10p50p90: theirs },
      soraMc: { medianS: soS, minS: Math.min(...so.map((r) => r.seconds)), maxS: Math.max(...so.map((r) => r.seconds)), samplesPerS: samples / soS, p10p50p90: ours.map((q) => q.value), intervals95: ours.map((q) => [q.lower, q.upper]) },
      squiggleInsideSoraIntervals: theirs.map((x, i) => ours[i].lower <= x && x <= ours[i].upper),
      withinCombinedIntervals: agree,
      analytic: ANALYTIC,
      analyticInsideSoraIntervals: ANALYTIC.map((x, i) => ours[i].lower <= x && x <= ours[i].upper),
      speedRatio: sqS / soS,
    });
  }
  return { model: SQUIGGLE_MODEL, soraScenario: SORA_MODEL, repeats, rows, note: 'whole processes, alternating; trainMfu "0.3 to 0.6" is truncated at 1 in sora-mc (its domain check); Squiggle does not truncate' };
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
      results.endToEnd = [1e3, 1e5, 1e6, 1e7].map((samples) => {
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
      results.split = await stageSplit();
    }
    if (wanted('squiggle') && !flag('skip-squiggle')) {
      console.error('Squiggle side by side …');
      results.squiggle = await peer([1e6], runs);
    }
    if (wanted('numpy') && !flag('skip-numpy')) {
      console.error('numpy side by side …');
      results.numpy = await numpyPeer([1e6, 1e7], Math.max(3, runs));
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
  row('time split, ns/sample, one thread', `draw ${s.draw.toFixed(0)} + model ${s.model.toFixed(0)} + count ${s.count.toFixed(0)} + tornado fold ${s.tornado.toFixed(0)} = ${s.total.toFixed(0)}`, data.split.wholeRunCpuNsPerSample ? `whole run of 2^21: ${data.split.wholeRunCpuNsPerSample.toFixed(0)} ns CPU` : '', `${data.split.distinctOutputs} of 21 outputs binned`, '');
}
if (data.squiggle) {
  for (const r of data.squiggle.rows) {
    const p = (xs) => xs.map((x) => Math.round(x).toLocaleString('en-US')).join(' / ');
    row(`4-input model ${fmt.n(r.samples)}: Squiggle, whole process`, fmt.s(r.squiggle.medianS), `${fmt.s(r.squiggle.minS)}–${fmt.s(r.squiggle.maxS)}; P10/P50/P90 ${p(r.squiggle.p10p50p90)}`, fmt.rate(r.squiggle.samplesPerS), '');
    row(`4-input model ${fmt.n(r.samples)}: sora-mc, whole process`, fmt.s(r.soraMc.medianS), `${fmt.s(r.soraMc.minS)}–${fmt.s(r.soraMc.maxS)}; P10/P50/P90 ${p(r.soraMc.p10p50p90)}`, `${fmt.rate(r.soraMc.samplesPerS)} (${r.speedRatio.toFixed(1)}× Squiggle)`, `Squiggle inside sora-mc's 95% intervals: ${r.squiggleInsideSoraIntervals.join(', ')}; within √2 × them: ${r.withinCombinedIntervals.join(', ')}; exact ${p(r.analytic)} inside sora-mc's: ${r.analyticInsideSoraIntervals.join(', ')}`);
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
const bars = barsOf(data);
if (bars.length) {
  lines.push('', 'bars (issue 21):');
  for (const bar of bars) lines.push(`- ${bar.met ? 'met' : 'NOT MET'}: ${bar.bar} — ${bar.found}`);
  merged.bars = bars;
}
console.log(lines.join('\n'));
merged.table = lines;
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(merged, null, 2)}\n`);
console.error(`written to ${outFile}`);

/** The bars of issue 21 against the figures of this run (or the last of each section). */
function barsOf(data) {
  const bars = [];
  const at = (n) => data.endToEnd?.find((r) => r.samples === n);
  if (at(1e3)) bars.push({ bar: 'run --samples 1e3 ≤ 0.35 s whole process', met: at(1e3).medianS <= 0.35, found: fmt.s(at(1e3).medianS) });
  if (at(1e7)) bars.push({ bar: 'run mission --samples 1e7 ≤ 1.5 s whole process', met: at(1e7).medianS <= 1.5, found: fmt.s(at(1e7).medianS) });
  const numpy7 = data.numpy?.rows?.find((r) => r.samples === 1e7);
  if (numpy7) bars.push({ bar: '1e7: ≥ 4× a one-core numpy script, same run', met: numpy7.speedRatio >= 4, found: `${numpy7.speedRatio.toFixed(2)}× (${fmt.s(numpy7.soraMc.medianS)} against ${fmt.s(numpy7.numpy.medianS)})` });
  const squiggle6 = data.squiggle?.rows?.find((r) => r.samples === 1e6);
  if (squiggle6?.soraMc.minS !== undefined) bars.push({ bar: '≥ 10× Squiggle, whole process, 4-input model at 1e6', met: squiggle6.speedRatio >= 10, found: `${squiggle6.speedRatio.toFixed(1)}× (${fmt.s(squiggle6.soraMc.medianS)} against ${fmt.s(squiggle6.squiggle.medianS)})` });
  const e8 = data.large?.e8;
  if (e8) bars.push({ bar: '1e8 at ≥ 8M samples/s, peak RSS < 512 MB', met: e8.samplesPerS >= 8e6 && e8.peakRssKb < 512 * 1024, found: `${fmt.rate(e8.samplesPerS)}, ${fmt.mb(e8.peakRssKb)}` });
  const e9 = data.large?.e9;
  if (e9) bars.push({ bar: '1e9 in ≤ 3 min, < 512 MB', met: e9.medianS <= 180 && e9.peakRssKb < 512 * 1024, found: `${fmt.s(e9.medianS)}, ${fmt.mb(e9.peakRssKb)}` });
  return bars;
}
