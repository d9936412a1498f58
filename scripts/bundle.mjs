// Bundles what tsc compiled into few files: the CLI (dist/cli/, split so each command still loads
// only its own code) and the sampling worker (dist/workers/sampler.bundle.js). Loading a few hundred
// small modules (stdlib's among them) is a large share of a worker's and the CLI's start-up; one file
// each loads faster (measured: bench/results/bundle.md).
// Runs after tsc (npm run build).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // resvg is a native addon: it stays a package import; ml-matrix is required only for correlated
  // scenarios (src/scenario/correlations.ts), so it stays one too and most runs never load it.
  external: ['@resvg/resvg-js', 'ml-matrix'],
  // jsonc-parser's main build is UMD, whose require() calls esbuild cannot follow; take its ES build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Some CommonJS dependencies call require() at run time; give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// Chunk names carry a content hash, so every rebuild would leave the previous build's chunks behind.
rmSync('dist/cli/chunks', { recursive: true, force: true });

await Promise.all([
  // dist/cli/cli.js only chooses a program (src/cli.ts): cli/main.js, the yargs command line in shared
  // chunks (each command loads its own), or cli/run-main.js, a plain `run` in one file with all it loads
  // (one file instead of ~45 chunks: `run --samples 1e3` starts ~30 ms sooner, bench/results/bundle.md).
  build({ ...common, entryPoints: ['dist/src/cli.js'], outfile: 'dist/cli/cli.js' }),
  build({ ...common, entryPoints: ['dist/src/cli/main.js'], outbase: 'dist/src', outdir: 'dist/cli', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: ['dist/src/cli/run-main.js'], outfile: 'dist/cli/cli/run-main.js' }),
  build({ ...common, entryPoints: ['dist/workers/sampler.js'], outfile: 'dist/workers/sampler.bundle.js' }),
]);
