// The 4-input model in Squiggle (@quri/squiggle-lang 0.10), as one process: run by
// `npm run bench` beside `sora-mc run` on the same model, process start to exit for both.
//   node bench/squiggle_model.mjs 1000000   → {"seconds": …, "percentiles": [P10, P50, P90]} on stdout
import { pathToFileURL } from 'node:url';
import { defaultEnvironment, run } from '@quri/squiggle-lang';

export const SQUIGGLE_MODEL = `params = 10e9 to 30e9
data = 4 to 10
ratio = 4 to 8
mfu = 0.3 to 0.6
h100 = 1e21 * params / 675e6 * data * (1440 / ratio) / 2 / (989.4e12 * mfu * 30 * 86400)
[quantile(h100, 0.1), quantile(h100, 0.5), quantile(h100, 0.9)]`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const samples = Number(process.argv[2]);
  const started = performance.now();
  const out = await run(SQUIGGLE_MODEL, { environment: { ...defaultEnvironment, sampleCount: samples } });
  if (!out.result.ok) throw new Error(`squiggle failed: ${out.result.value.toString()}`);
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, percentiles: out.result.value.result.asJS() }));
}
