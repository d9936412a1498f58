// Speed-up from worker threads: the same 1e7-sample run with 1 and with 2 workers (the bar: ≥ 1.7×).
// Usage: npm run build && node bench/workers.mjs [runs] [samples]
import { loadScenario, simulate } from '../dist/src/index.js';
import { median } from './timing.mjs';

const runs = Number(process.argv[2] ?? 5);
const samples = Number(process.argv[3] ?? 1e7);
const scenario = loadScenario('mission');

async function seconds(workers) {
  const started = performance.now();
  await simulate(scenario, { samples, workers });
  return (performance.now() - started) / 1000;
}

const times = { 1: [], 2: [] };
for (let i = 0; i < runs; i++) {
  // Interleave so that machine noise hits both alike.
  for (const w of [1, 2]) times[w].push(await seconds(w));
}
const [one, two] = [median(times[1]), median(times[2])];
console.log(`mission, ${samples.toExponential()} samples, ${runs} runs each`);
console.log(`1 worker:  median ${one.toFixed(3)} s  (${times[1].map((t) => t.toFixed(2)).join(', ')})`);
console.log(`2 workers: median ${two.toFixed(3)} s  (${times[2].map((t) => t.toFixed(2)).join(', ')})`);
console.log(`speed-up:  ${(one / two).toFixed(2)}×`);
