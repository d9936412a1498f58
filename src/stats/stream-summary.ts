/**
 * The streaming statistics of a run, all outputs together, on the main thread: merges the workers'
 * counting-pass summaries (in worker order; every part merges exactly, so the order does not matter),
 * plans the refining and gathering passes, and finishes every output's statistics. Memory depends on
 * the outputs' spread and the wanted ranks, not on the sample count.
 *
 * `summarizeChunks` runs the same passes in one thread over a chunk source (tests, small uses).
 */
import { CONFIDENCE, percentilePlans, percentilesFrom, plannedRanks, REPORTED_PERCENTILES } from './percentiles.js';
import { meanFromBlockSums, mergeCounts, OutputCounter, sdFromBlockSquares, type CountSummary } from './stream-count.js';
import { OutputSelection, PassCollector, statsFromSupport, type PassPlan, type PassResult } from './stream-select.js';
import type { ColumnStats, RunColumnStats } from './types.js';

type Merged = ReturnType<typeof mergeCounts>;

interface OutputState {
  merged: Merged;
  mean: number;
  /** Known after the counting pass for settled outputs; else from the gathering pass's squares. */
  sd?: number;
  /** Set when the output needs the gathering pass. */
  selection?: OutputSelection;
  /** Set when the counting pass settled everything. */
  settled?: Pick<ColumnStats, 'percentiles' | 'histogram'>;
}

export class RunStatistics {
  private readonly outputs: OutputState[];

  /**
   * @param summaries per worker, one CountSummary per output
   * @param blockSums per (block, output) the sum of x − centre, at block · outputs + output
   */
  constructor(
    summaries: readonly (readonly CountSummary[])[],
    blockSums: Float64Array,
    blocks: number,
    centres: readonly number[],
    ps: readonly number[] = REPORTED_PERCENTILES,
    confidence = CONFIDENCE,
  ) {
    const outputs = centres.length;
    this.outputs = centres.map((centre, j) => {
      const merged = mergeCounts(summaries.map((perWorker) => perWorker[j]!));
      const { n, min, max } = merged;
      const state: OutputState = { merged, mean: meanFromBlockSums(blockSums, blocks, outputs, j, centre, n) };
      if (n === 0) {
        state.sd = NaN;
        state.settled = { histogram: { scale: 'linear', bins: [] }, percentiles: [] };
      } else if (min === max) {
        state.mean = min;
        state.sd = 0;
        state.settled = {
          histogram: { scale: 'linear', bins: [{ x0: min, x1: max, count: n }] },
          // Every order statistic is min; the plans still say what coverage the intervals reach at this n.
          percentiles: constantPercentiles(n, min, ps, confidence),
        };
      } else if (merged.support) {
        const { sd, ...settled } = statsFromSupport(merged.support, n, min, max, state.mean, ps, confidence);
        state.sd = sd;
        state.settled = settled;
      } else {
        state.selection = new OutputSelection(merged.bins, n, min, max, ps, confidence);
      }
      return state;
    });
  }

  /** Bytes the merged summaries hold. */
  get summaryBytes(): number {
    return this.outputs.reduce((sum, o) => sum + o.merged.bins.bytes, 0);
  }

  /** Values the gathering pass would hold, over all outputs. */
  gatherSize(): number {
    return this.outputs.reduce((sum, o) => sum + (o.selection?.gatherSize() ?? 0), 0);
  }

  refinePlans(): (PassPlan | null)[] {
    return this.outputs.map((o) => o.selection?.refinePlan() ?? null);
  }

  /** @param results per worker, one PassResult (or null) per output */
  applyRefine(results: readonly (readonly (PassResult | null)[])[]): void {
    this.outputs.forEach((o, j) => o.selection?.applyRefine(results.map((perWorker) => perWorker[j]!)));
  }

  gatherPlans(): (PassPlan | null)[] {
    return this.outputs.map((o) => o.selection?.gatherPlan(o.mean) ?? null);
  }

  /**
   * Every output's statistics, from the gathering pass's results (per worker, per output) and its
   * per-block sums of squared deviations (at block · outputs + output).
   */
  finish(results: readonly (readonly (PassResult | null)[])[], blockSquares: Float64Array, blocks: number): RunColumnStats[] {
    const outputs = this.outputs.length;
    return this.outputs.map((o, j) => {
      const { n, nonFinite, min, max, support } = o.merged;
      const rest = o.settled ?? o.selection!.finish(results.map((perWorker) => perWorker[j]!));
      const sd = o.sd ?? sdFromBlockSquares(blockSquares, blocks, outputs, j, n);
      const distinct = n === 0 ? undefined : min === max ? 1 : support?.size;
      return { n, nonFinite, min, max, mean: o.mean, sd, ...rest, ...(distinct === undefined ? {} : { distinct }) };
    });
  }
}

/**
 * The statistics of one sample in one thread: `eachChunk(visit)` must call visit(columns, length)
 * for the same chunks in the same order every time it is called (it is called two or three times:
 * counting, maybe refining, gathering). `gatherLimit` caps the values the gathering pass may hold.
 */
export function summarizeChunks(
  eachChunk: (visit: (columns: readonly Float64Array[], length: number) => void) => void,
  centres: readonly number[],
  options: { ps?: readonly number[]; confidence?: number; gatherLimit?: number } = {},
): ColumnStats[] {
  const counters = centres.map((centre) => new OutputCounter(centre));
  const sums: number[] = [];
  eachChunk((columns, length) => {
    counters.forEach((counter, j) => {
      counter.add(columns[j]!, length);
      sums.push(counter.takeBlockSum()); // one block per chunk
    });
  });
  const blocks = sums.length / centres.length;
  const stats = new RunStatistics([counters.map((c) => c.export())], Float64Array.from(sums), blocks, centres, options.ps, options.confidence);
  const squares: number[] = [];
  const pass = (plans: (PassPlan | null)[]) => {
    const collectors = plans.map((plan) => (plan ? new PassCollector(plan) : null));
    eachChunk((columns, length) =>
      collectors.forEach((collector, j) => {
        collector?.add(columns[j]!, length);
        squares.push(collector?.takeBlockSquares() ?? 0);
      }),
    );
    return [collectors.map((collector) => collector?.finish() ?? null)];
  };
  if (stats.gatherSize() > (options.gatherLimit ?? Infinity)) stats.applyRefine(pass(stats.refinePlans()));
  if (stats.gatherSize() > (options.gatherLimit ?? Infinity)) throw new Error('too many tied values to gather within the limit');
  squares.length = 0;
  const results = pass(stats.gatherPlans());
  return stats.finish(results, Float64Array.from(squares), blocks);
}

/** The percentiles of a constant output of n samples: every estimate and bound is `value`, with the intervals' coverage at n. */
function constantPercentiles(n: number, value: number, ps: readonly number[], confidence: number) {
  const plans = percentilePlans(n, ps, confidence);
  return percentilesFrom(plans, new Map(plannedRanks(plans).map((rank) => [rank, value])));
}
