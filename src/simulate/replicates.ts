/**
 * A `--method sobol` run: SOBOL_REPLICATES independent scrambles of the same Sobol points, each one
 * ordinary engine run of samples / R points (its chunks addressed by point index, so each replicate
 * is byte-identical for any worker count and the memory bound is the engine's), then combined by
 * src/stats/replicate-stats.ts (percentile intervals from the spread between replicates). Each replicate
 * is summarised at the reported percentiles (their order-statistic intervals) and at the positions of
 * their per-replicate estimates (REPLICATE_QUANTILE: Hazen's, unbiased on stratified points).
 *
 * R = 8: the t interval's 7 degrees of freedom cost a factor t_{7, 0.975}/z_{0.975} ≈ 1.21 in
 * width over a known-variance interval (16 replicates: 1.09), while each replicate keeps twice the
 * points of R = 16 — QMC's advantage grows with the points per scramble. 8 also divides the sample
 * counts the built-in scenarios use (100,000 and 1,000,000), so `--method sobol` runs them as they are.
 */
import { SoraError } from '../errors.js';
import type { OutputKey } from '../model/outputs.js';
import { OUTPUT_KEYS } from '../model/outputs.js';
import { SOBOL_MAX_POINTS } from '../sampling/sobol-points.js';
import { percentilePlans, REPORTED_PERCENTILES } from '../stats/percentiles.js';
import { combineReplicates, replicateEstimates, replicateProbabilities } from '../stats/replicate-stats.js';
import type { ColumnStats, RunColumnStats } from '../stats/types.js';
import type { Progress, RunRequest, SamplerPool } from './pool.js';

export const SOBOL_REPLICATES = 8;

/**
 * A sobol run's sample count: a multiple of R (each replicate gets samples / R points), at least 2
 * points a replicate. Best when samples / R is a power of 2 (Sobol points are balanced in blocks of
 * 2^m), but any multiple of R is an unbiased estimate, so others are allowed.
 */
export function checkReplicateSamples(samples: number, path: string): number {
  const per = samples / SOBOL_REPLICATES;
  if (Number.isInteger(per) && per > SOBOL_MAX_POINTS) {
    throw new SoraError('with --method sobol a replicate has at most 2^32 points (32-bit Sobol point indices)', {
      path,
      expected: `a multiple of ${SOBOL_REPLICATES} from ${2 * SOBOL_REPLICATES} to at most ${(SOBOL_REPLICATES * SOBOL_MAX_POINTS).toLocaleString('en-US')} = ${SOBOL_REPLICATES} × 2^32`,
      found: samples.toLocaleString('en-US'),
    });
  }
  if (!Number.isInteger(per) || per < 2) {
    throw new SoraError('with --method sobol the sample count must be a multiple of the replicate count', {
      path,
      expected: `a multiple of ${SOBOL_REPLICATES} from ${2 * SOBOL_REPLICATES} (best ${SOBOL_REPLICATES} × a power of 2, e.g. 524,288 = ${SOBOL_REPLICATES} × 2^16)`,
      found: samples.toLocaleString('en-US'),
    });
  }
  return per;
}

/** Runs the R replicates one after another on `pool` and combines each output's statistics. */
export async function runReplicates(pool: Pick<SamplerPool, 'run'>, request: RunRequest & { samplesPath: string }): Promise<Record<OutputKey, ColumnStats>> {
  const { samplesPath, onProgress, ...rest } = request;
  const per = checkReplicateSamples(request.samples, samplesPath);
  const ps = REPORTED_PERCENTILES;
  // Each replicate's order-statistic intervals at ps, and its estimates at their Hazen positions.
  const plans = (m: number) => percentilePlans(m, replicateProbabilities(ps, m), request.confidence);
  const runs: Record<OutputKey, RunColumnStats>[] = [];
  for (let r = 0; r < SOBOL_REPLICATES; r++) {
    const progress = onProgress && ((p: Progress) => onProgress({ chunksDone: r * p.chunks + p.chunksDone, chunks: SOBOL_REPLICATES * p.chunks }));
    runs.push(await pool.run({ ...rest, samples: per, method: 'sobol', replicate: r, plans, onProgress: progress }));
  }
  const combine = (key: OutputKey) => combineReplicates(runs.map((run) => replicateEstimates(run[key], ps)), request.confidence);
  return Object.fromEntries(OUTPUT_KEYS.map((key) => [key, combine(key)])) as Record<OutputKey, ColumnStats>;
}
