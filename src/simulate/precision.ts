/**
 * Run to precision (`--precision 0.5% --max-samples N`): sample in batches of growing size until
 * every headline output's P10, P50 and P90 has a 95% interval whose half-width is within the target
 * fraction of the percentile, or the sample cap is reached (said plainly in the Result).
 *
 * Batches double: n₁ (the first batch, a whole number of chunks), 2n₁, 4n₁, …, the last cut at the cap.
 * Because chunk k is a pure function of (seed, input, k), the first n samples are the same in every
 * batch: batch b is the run of the first n_b samples of one sequence, summarised exactly (the
 * streaming engine regenerates its chunks anyway), so the stopping batch's Result is what a plain run
 * at that sample count gives. The price is sampling the early chunks again (at most about twice the
 * final count in all).
 */
import { SoraError, show } from '../errors.js';
import { HEADLINE_OUTPUTS, type OutputKey } from '../model/outputs.js';
import { percentile } from '../result/percentile.js';
import type { PrecisionTrace, Result } from '../result/types.js';
import { parseSamplingMethod } from '../sampling/methods.js';
import { CHUNK_SIZE } from '../sampling/uniforms.js';
import type { Scenario } from '../scenario/resolve.js';
import { decimalNumber, parseSampleCount } from '../scenario/values.js';
import { checkWorkerCount, defaultWorkerCount, SamplerPool } from './pool.js';
import { checkReplicateSamples } from './replicates.js';
import { simulate, type SimulateOptions } from './simulate.js';
import { deepFrozen } from '../frozen.js';

/** The percentiles the target applies to, of every headline output. */
export const PRECISION_PERCENTILES = deepFrozen([0.1, 0.5, 0.9] as const);
export const DEFAULT_FIRST_BATCH = 2 * CHUNK_SIZE;
export const DEFAULT_MAX_SAMPLES = 1 << 24;

/** `0.5%` or `0.005` → 0.005; refused unless in (0, 1). */
export function parsePrecision(value: unknown, path = '--precision'): number {
  const text = typeof value === 'string' ? value.trim() : value;
  const fraction =
    typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? (text.endsWith('%') ? decimalNumber(text.slice(0, -1)) / 100 : decimalNumber(text)) : NaN;
  if (!Number.isFinite(fraction) || fraction <= 0 || fraction >= 1) {
    throw new SoraError('the precision must be a fraction between 0 and 1', {
      path,
      expected: 'a relative half-width such as 0.5% or 0.005 (greater than 0, less than 100%)',
      found: show(value),
    });
  }
  return fraction;
}

/** The widest relative half-width among the headline P10/P50/P90 of a Result. */
export function worstRelativeHalfWidth(result: Result): { output: OutputKey; p: number; relativeHalfWidth: number } {
  let worst = { output: HEADLINE_OUTPUTS[0]!, p: PRECISION_PERCENTILES[0] as number, relativeHalfWidth: -1 };
  for (const output of HEADLINE_OUTPUTS) {
    for (const p of PRECISION_PERCENTILES) {
      const q = percentile(result.outputs[output], p);
      const half = (q.upper - q.lower) / 2;
      // An output that does not vary has a zero-width interval: met, whatever its value.
      const relative = half === 0 ? 0 : half / Math.abs(q.value);
      if (relative > worst.relativeHalfWidth) worst = { output, p, relativeHalfWidth: relative };
    }
  }
  return worst;
}

export interface PrecisionOptions extends Omit<SimulateOptions, 'samples'> {
  precision: number | string;
  maxSamples?: number | string | undefined;
  /** The first batch (default 16,384); rounded up to whole chunks. */
  firstBatch?: number | string | undefined;
}

export async function simulateToPrecision(scenario: Scenario, options: PrecisionOptions): Promise<Result> {
  const target = parsePrecision(options.precision);
  const cap = options.maxSamples === undefined ? DEFAULT_MAX_SAMPLES : parseSampleCount(options.maxSamples, '--max-samples');
  // Every batch is whole chunks (multiples of 8) except a last one cut at the cap: a sobol run must be
  // able to split the cap into its replicates, checked here, before any batch is sampled.
  if (options.method !== undefined && parseSamplingMethod(options.method) === 'sobol') checkReplicateSamples(cap, '--max-samples');
  const requested = options.firstBatch === undefined ? DEFAULT_FIRST_BATCH : parseSampleCount(options.firstBatch, '--samples');
  const first = Math.min(cap, Math.ceil(requested / CHUNK_SIZE) * CHUNK_SIZE);
  const pool = options.pool ?? SamplerPool.start(checkWorkerCount(options.workers ?? defaultWorkerCount()));
  const trace: PrecisionTrace['trace'] = [];
  const started = performance.now();
  try {
    for (let n = first; ; n = Math.min(cap, 2 * n)) {
      const result = await simulate(scenario, { ...options, samples: n, pool });
      const worst = worstRelativeHalfWidth(result);
      const met = worst.relativeHalfWidth <= target;
      trace.push({ samples: n, worst, met });
      if (met || n >= cap) {
        const precision: PrecisionTrace = {
          target,
          percentiles: [...PRECISION_PERCENTILES],
          maxSamples: cap,
          met,
          trace,
          statement: met
            ? `every headline P10/P50/P90 has a 95% interval within ±${(target * 100).toPrecision(3)}% of its value at ${n.toLocaleString('en-US')} samples (batch ${trace.length})`
            : `NOT MET: stopped at --max-samples ${cap.toLocaleString('en-US')}; the widest 95% interval (${worst.output} P${Math.round(worst.p * 100)}) is ±${(worst.relativeHalfWidth * 100).toPrecision(3)}% of its value, the target ±${(target * 100).toPrecision(3)}%`,
        };
        return { ...result, run: { ...result.run, elapsedMs: Math.round(performance.now() - started), precision } };
      }
    }
  } finally {
    if (!options.pool) await pool.close();
  }
}
