/**
 * Which suite is running. `npm test` is the fast suite (unit, property and statistical tests at
 * modest counts); `npm run test:all` sets SORA_MC_FULL_SUITE=1 and adds the `*.slow.test.ts` files
 * (Chromium, kills and concurrency, CLI subprocesses, worker-count identity at size) and the full
 * counts of the tests that take a count from `scaled`.
 */
export const FULL_SUITE = process.env.SORA_MC_FULL_SUITE === '1';

/** `full` in the full suite, `fast` otherwise: one test, two sizes. */
export function scaled(fast: number, full: number): number {
  return FULL_SUITE ? full : fast;
}
