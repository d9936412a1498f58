/**
 * A run's statistics from its passes (the pool's workers run them; pool.ts). One counting pass over
 * the whole sample gives every output's moments, histogram and tornado folds, and its percentiles and
 * intervals from bins (src/stats/ordered-bins.ts) that are fine where the wanted order statistics
 * fall: a pilot — the run's own first samples, run through the same statistics — says where that is
 * (src/stats/windows.ts). The pilot of n samples has pilotSize(n) ≈ n / PILOT_RATIO (it costs ~1.6%
 * more sampling), and its own pilot the same, down to PILOT_BASE samples, whose order statistics are
 * found exactly (a count and a gathering pass over those few chunks).
 *
 * Every percentile is then within the stated bound (src/stats/binned-percentiles.ts) or, where a bin
 * is too wide for it (an atom inside a continuous output, a window a rank escaped), the output's order
 * statistics are gathered exactly in a further pass (src/stats/stream-select.ts). Outputs that are a
 * fixed multiple of another or of its reciprocal (src/scenario/output-relations.ts) are read from
 * that output's bins through the map; every output's moments are its own.
 */
import type { DecileSummary } from '../stats/decile-medians.js';
import { binnedPercentiles, planRanks } from '../stats/binned-percentiles.js';
import type { FloatBinCounts } from '../stats/float-bins.js';
import { orderedBins, type Located, type OrderedBins, type SlotPlan } from '../stats/ordered-bins.js';
import { percentilesFrom, type percentilePlans } from '../stats/percentiles.js';
import { mergeBlockMoments, mergeCounts } from '../stats/stream-count.js';
import type { PassPlan, PassResult } from '../stats/pass-collector.js';
import { OutputSelection, statsFromSupport } from '../stats/stream-select.js';
import type { RunColumnStats } from '../stats/types.js';
import { PILOT_BASE, pilotRanks, planSlots } from '../stats/windows.js';
import { independentOutputs, relationMap, type OutputRelation } from '../scenario/output-relations.js';
import { CHUNK_SIZE } from '../sampling/uniforms.js';
import { SoraError } from '../errors.js';
import { formatBytes, givenBytes } from './memory.js';
import type { CountPass, OutputCount } from './protocol.js';

export { PILOT_BASE };
/** A pilot has about 1/PILOT_RATIO of its run's samples: the windows then need at most ~√64 × 300 sub-bins each. */
export const PILOT_RATIO = 64;

/** The pilot of a run of n > PILOT_BASE samples: whole chunks, at least PILOT_BASE. */
export function pilotSize(n: number): number {
  return Math.max(PILOT_BASE, Math.ceil(n / PILOT_RATIO / CHUNK_SIZE) * CHUNK_SIZE);
}

/** The sample counts of a run's passes, largest first: n, its pilot, the pilot's pilot, … down to PILOT_BASE or less. */
export function passSizes(n: number): number[] {
  const sizes = [n];
  while (sizes[sizes.length - 1]! > PILOT_BASE) sizes.push(pilotSize(sizes[sizes.length - 1]!));
  return sizes;
}

/** What the workers do for the statistics (pool.ts implements it). */
export interface PassRunner {
  /** A counting pass; replies per worker, and the block moments (n, mean, M2 per output, block by block). */
  count(pass: Omit<CountPass, 'blockChunks' | 'blocks' | 'moments'>): Promise<{ outputs: OutputCount[][]; deciles: (DecileSummary | null)[]; moments: Float64Array; blocks: number }>;
  /** A gathering or refining pass over the first `samples` samples; results per worker. */
  gather(samples: number, plans: (PassPlan | null)[]): Promise<(PassResult | null)[][]>;
  /** Says that `chunks` more chunks will be sampled (for the progress bar). */
  expect(chunks: number): void;
  readonly workers: number;
}

export interface StatisticsRequest {
  samples: number;
  /** Per output (OUTPUT_KEYS order): counted on its own, or read through another's bins. */
  relations?: readonly OutputRelation[] | undefined;
  /** The percentile plans for n values (src/stats/percentiles.ts: which order statistics each percentile reads). */
  plans: (n: number) => ReturnType<typeof percentilePlans>;
  memoryBytes: number;
  onDeciles?: ((summaries: DecileSummary[]) => void) | undefined;
}

type Merged = ReturnType<typeof mergeCounts>;

interface Level {
  merged: Merged[];
  /** Per representative: where rank r lies. */
  locate: Map<number, (rank: number) => Located>;
  bins: Map<number, OrderedBins>;
  counted: Awaited<ReturnType<PassRunner['count']>>;
}

function memoryError(budget: number, why: string): SoraError {
  return new SoraError('the memory budget is too small for the percentiles of this run', {
    path: 'memory',
    expected: 'a budget that holds the values around every reported percentile',
    found: `${givenBytes(budget)}: ${why}`,
    hint: 'raise it, e.g. --memory 1GB',
  });
}

/** Every output's statistics (OUTPUT_KEYS order). */
export async function runStatistics(runner: PassRunner, request: StatisticsRequest): Promise<RunColumnStats[]> {
  const first = await attempt(runner, request, request.relations ?? independentOutputs());
  if (first) return first;
  // A relation did not hold on this run's own extremes: count every output on its own.
  return (await attempt(runner, request, independentOutputs()))!;
}

async function attempt(runner: PassRunner, request: StatisticsRequest, relations: readonly OutputRelation[]): Promise<RunColumnStats[] | null> {
  const n = request.samples;
  const outputs = relations.length;
  const binned = relations.map((relation, j) => relation.of === j && !relation.constant);
  const tallied = relations.map((relation) => !relation.constant);
  const maps = relations.map((relation) => relationMap(relation));
  const plans = request.plans(n);
  const ranks = planRanks(plans);
  // Each representative's wanted ranks: its own and those of the outputs read through it.
  const wanted = new Map<number, Set<number>>();
  relations.forEach((relation, j) => {
    const set = wanted.get(relation.of) ?? new Set<number>();
    for (const r of ranks) set.add(maps[j]!.decreasing ? n - 1 - r : r);
    wanted.set(relation.of, set);
  });
  for (const size of passSizes(n)) runner.expect(Math.ceil(size / CHUNK_SIZE));
  runner.expect(Math.ceil(Math.min(n, PILOT_BASE) / CHUNK_SIZE)); // the exact base's gathering pass

  const level = async (m: number, ranksOf: Map<number, number[]>, final: boolean): Promise<Level> => {
    const slotPlans: (SlotPlan | null)[] = Array(outputs).fill(null);
    if (m > PILOT_BASE) {
      const pilotM = pilotSize(m);
      const pilot = await level(pilotM, new Map([...ranksOf].map(([a, rs]) => [a, pilotRanks(m, pilotM, rs)])), false);
      for (const [a, rs] of ranksOf) {
        const locate = pilot.locate.get(a);
        if (locate) slotPlans[a] = planSlots(m, pilotM, rs, locate);
      }
    }
    const counted = await runner.count({ samples: m, binned, tallied, plans: slotPlans, deciles: final });
    const merged = Array.from({ length: outputs }, (_, j) => mergeCounts(counted.outputs.map((perWorker) => perWorker[j]!)));
    const summaryBytes = merged.reduce((sum, o) => sum + (o.bins?.bytes ?? 0), 0) * (runner.workers + 1);
    if (summaryBytes > request.memoryBytes) throw memoryError(request.memoryBytes, `the outputs' bin counts alone take ${formatBytes(summaryBytes)}`);
    const bins = new Map<number, OrderedBins>();
    const locate = new Map<number, (rank: number) => Located>();
    const small = new Map<number, number[]>();
    for (const [a, rs] of ranksOf) {
      const o = merged[a]!;
      if (!o.bins || o.support || o.nonFinite > 0 || o.n !== m) continue;
      const plan = slotPlans[a] ?? null;
      const slotCounts = plan ? Array.from({ length: plan.keys.length }, (_, s) => sumOver(counted.outputs.map((perWorker) => perWorker[a]!.slots?.[s]))) : null;
      const ordered = orderedBins(o.bins, plan, slotCounts);
      bins.set(a, ordered);
      locate.set(a, (r) => ordered.locate(r));
      if (m <= PILOT_BASE && o.min < o.max) small.set(a, rs);
    }
    // A few chunks: their order statistics exactly, in one gathering pass for every output.
    if (small.size > 0) {
      const exact = await gatherExact(runner, request.memoryBytes - summaryBytes, m, small, merged);
      for (const [a, values] of exact) locate.set(a, (r) => exactAt(values, r));
    }
    return { merged, locate, bins, counted };
  };

  const top = await level(n, new Map([...wanted].map(([a, set]) => [a, [...set].sort((x, y) => x - y)])), true);
  const { merged, counted } = top;
  request.onDeciles?.(counted.deciles.filter((d): d is DecileSummary => d !== null));
  const broken = merged.some((o) => o.nonFinite > 0);

  // Relations checked on the run's own extremes: f(min), f(max) of the representative are the output's;
  // an output taken for a constant took one value.
  for (let j = 0; j < outputs && !broken; j++) {
    if (relations[j]!.constant && merged[j]!.n > 0 && merged[j]!.min !== merged[j]!.max) return null;
    const a = relations[j]!.of;
    if (a === j) continue;
    const own = merged[j]!;
    const rep = merged[a]!;
    if (own.support) continue;
    if (!rep.bins || rep.support) return null;
    const ends = [maps[j]!.f(rep.min), maps[j]!.f(rep.max)].sort((x, y) => x - y);
    const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    if (!near(ends[0]!, own.min) || !near(ends[1]!, own.max)) return null;
  }

  const stats: RunColumnStats[] = [];
  const inexact = new Set<number>();
  const read = (j: number, exact: Map<number, Map<number, number>>): RunColumnStats => {
    const o = merged[j]!;
    const { mean, m2 } = mergeBlockMoments(counted.moments, counted.blocks, 3 * outputs, 3 * j);
    const base = { n: o.n, nonFinite: o.nonFinite, min: o.min, max: o.max, mean, sd: o.n > 1 ? Math.sqrt(m2 / (o.n - 1)) : o.n === 1 ? 0 : NaN };
    if (broken || o.n === 0) return { ...base, percentiles: [], histogram: { scale: 'linear', bins: [] } };
    if (o.min === o.max) {
      return { ...base, mean: o.min, sd: 0, distinct: 1, percentiles: percentilesFrom(plans, new Map(planRanks(plans).map((r) => [r, o.min]))), histogram: { scale: 'linear', bins: [{ x0: o.min, x1: o.max, count: o.n }] } };
    }
    if (o.support) return { ...base, ...statsFromSupport(o.support, o.n, o.min, o.max, mean, plans), distinct: o.support.size };
    const a = relations[j]!.of;
    const { f, decreasing } = maps[j]!;
    const own = a === j;
    const repRank = (r: number) => (decreasing ? n - 1 - r : r);
    const values = exact.get(a);
    const locateRep = values ? (r: number) => exactAt(values, r) : top.locate.get(a)!;
    const locate = own ? locateRep : (r: number) => mapLocated(locateRep(repRank(r)), f);
    const { percentiles, withinBound } = binnedPercentiles(plans, locate, o.min, o.max);
    if (!withinBound && !values) inexact.add(a);
    const ordered = top.bins.get(a)!;
    return { ...base, percentiles, histogram: (own ? ordered : ordered.mapped(f, decreasing)).histogram(o.min, o.max) };
  };
  const noExact = new Map<number, Map<number, number>>();
  for (let j = 0; j < outputs; j++) stats.push(read(j, noExact));
  if (inexact.size > 0) {
    const summaryBytes = merged.reduce((sum, o) => sum + (o.bins?.bytes ?? 0), 0) * (runner.workers + 1);
    const exact = await gatherExact(runner, request.memoryBytes - summaryBytes, n, new Map([...inexact].map((a) => [a, [...wanted.get(a)!].sort((x, y) => x - y)])), merged);
    for (let j = 0; j < outputs; j++) if (inexact.has(relations[j]!.of) && !merged[j]!.support && merged[j]!.min !== merged[j]!.max) stats[j] = read(j, exact);
  }
  return stats;
}

function exactAt(values: Map<number, number>, rank: number): Located {
  const value = values.get(rank)!;
  return { value, lo: value, hi: value };
}

function mapLocated({ value, lo, hi }: Located, f: (x: number) => number): Located {
  const a = f(lo);
  const b = f(hi);
  return { value: f(value), lo: Math.min(a, b), hi: Math.max(a, b) };
}

function sumOver(parts: readonly (Float64Array | undefined)[]): Float64Array {
  const first = parts.find((p) => p !== undefined);
  const sum = new Float64Array(first?.length ?? 0);
  for (const part of parts) if (part) for (let i = 0; i < sum.length; i++) sum[i]! += part[i]!;
  return sum;
}

/**
 * The exact order statistics at `ranks` of each output of `ranks` (its keys), among the first
 * `samples` samples: a gathering pass, after a refining one when the bins holding them hold more
 * values than `budget` bytes (~20 bytes a value) allow.
 */
async function gatherExact(runner: PassRunner, budget: number, samples: number, ranks: Map<number, number[]>, merged: Merged[]): Promise<Map<number, Map<number, number>>> {
  const selections = new Map<number, OutputSelection>();
  for (const [a, rs] of ranks) {
    const o = merged[a]!;
    selections.set(a, new OutputSelection(o.bins as FloatBinCounts, o.n, o.min, o.max, rs));
  }
  const outputs = merged.length;
  const limit = Math.max(0, budget) / 20;
  const size = () => [...selections.values()].reduce((sum, s) => sum + s.gatherSize(), 0);
  const planOf = (make: (s: OutputSelection) => PassPlan) => Array.from({ length: outputs }, (_, j) => (selections.has(j) ? make(selections.get(j)!) : null));
  const chunks = Math.ceil(samples / CHUNK_SIZE);
  if (size() > limit) {
    runner.expect(chunks);
    const results = await runner.gather(samples, planOf((s) => s.refinePlan()));
    for (const [a, s] of selections) s.applyRefine(results.map((perWorker) => perWorker[a]!));
    if (size() > limit) throw memoryError(budget, `${size().toLocaleString('en-US')} tied or nearly tied values lie where the percentiles fall`);
  }
  if (samples > PILOT_BASE) runner.expect(chunks);
  const results = await runner.gather(samples, planOf((s) => s.gatherPlan()));
  return new Map([...selections].map(([a, s]) => [a, s.finish(results.map((perWorker) => perWorker[a]!))]));
}
