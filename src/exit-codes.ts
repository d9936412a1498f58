/**
 * The exit codes sora-mc promises (docs/cli.md, "Exit codes"): CI tells a drift from bad input from a
 * crash by them. Commands decide the code; the CLI only sets it.
 */

/** Done; every baseline holds. */
export const EXIT_OK = 0;
/** `check`: a percentile moved beyond sampling noise. */
export const EXIT_DRIFT = 1;
/** Bad input: a scenario, flag, baseline or file the user gave (one error naming it). */
export const EXIT_BAD_INPUT = 2;
/** Anything else (a bug, the machine): never 1, so CI cannot mistake a crash for drift. */
export const EXIT_INTERNAL = 3;

export type ExitCode = typeof EXIT_OK | typeof EXIT_DRIFT | typeof EXIT_BAD_INPUT;
