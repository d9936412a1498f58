import { defineConfig } from 'vitest/config';

// `npm test` runs the fast suite; `npm run test:all` (SORA_MC_FULL_SUITE=1) adds the *.slow.test.ts
// files and the full counts of tests sized by test/helpers/suite.ts. Test files share their workers'
// module cache (isolate: false): sora-mc keeps no module state, and importing vega and the engine once
// per worker instead of once per file is most of what makes the fast suite fast.
const full = process.env.SORA_MC_FULL_SUITE === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: full ? [] : ['test/**/*.slow.test.ts'],
    pool: 'threads',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
