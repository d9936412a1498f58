import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { PILOT_BASE } from '../../src/simulate/run-statistics.js';
import { BOUND_FRACTION } from '../../src/stats/binned-percentiles.js';
import { CONFIDENCE, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { SUPPORT_LIMIT } from '../../src/stats/stream-count.js';
import { summarizeColumn } from '../../src/stats/summarize.js';
import { engineStatistics } from '../helpers/in-thread.js';
import { scaled } from '../helpers/suite.js';

function columnOf(n: number, seed: string, draw: (u: number, rng: () => number) => number): Float64Array {
  const rng = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => draw(rng.double(), () => rng.double()));
}

/** A standard normal from two uniforms (Box–Muller): the skewed cases below are functions of it. */
const normal = (u: number, rng: () => number) => Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());

const large = scaled(300_000, 1_200_000);
const cases: [string, Float64Array][] = [
  ['lognormal σ = 2', columnOf(large, 'a', (u, rng) => Math.exp(2 * normal(u, rng)) * 1e12)],
  ['lognormal σ = 0.01 (narrow)', columnOf(large, 'b', (u, rng) => 5e4 * Math.exp(0.01 * normal(u, rng)))],
  ['negative and positive, heavy tails', columnOf(large, 'c', (u) => Math.tan(Math.PI * (u - 0.5)))],
  ['tiny spread around a large value', columnOf(100_000, 'd', (u) => 1e6 + u * 1e-4)],
  ['a point mass inside a continuum', columnOf(100_000, 'e', (u, rng) => (u < 0.4 ? 5 : 4 + 2 * rng()))],
  ['many distinct atoms', columnOf(100_000, 'f', (u) => Math.floor(u * 40) / 7)],
  ['a product of lognormals, σ 1.5', columnOf(200_000, 'g', (u, rng) => Math.exp(1.5 * normal(u, rng)) * (1 + rng()))],
  ['subnormals and zeros', columnOf(100_000, 'h', (u) => (u < 0.3 ? 0 : u < 0.5 ? -0 : u * 1e-310))],
  ['exactly PILOT_BASE values', columnOf(PILOT_BASE, 'i', (u) => Math.exp(4 * u))],
  ['a constant', new Float64Array(60_000).fill(3.5)],
  // Tallied by value (−0 apart from 0) for three chunks, then moved into the bins mid-chunk.
  ['a few values, −0 among them, then a continuum', columnOf(100_000, 'o', (u, rng) => (rng() < 0.25 ? 0 : [0, -0, 2, 5][Math.floor(4 * u)]!)).map((x, i) => (i > 3 * 8192 + 100 && i % 3 === 0 ? 1 + i / 1e5 : x))],
];

describe('the one-pass statistics', () => {
  it.each(cases)('keep every percentile within the stated bound of the exact one, its interval around the exact interval: %s', async (_, column) => {
    const exact = summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE);
    const actual = await engineStatistics(column);
    // Through JSON, as Results are written: −0 and 0 are the same value.
    expect(JSON.stringify([actual.n, actual.nonFinite, actual.min, actual.max])).toBe(JSON.stringify([exact.n, exact.nonFinite, exact.min, exact.max]));
    actual.percentiles.forEach((q, i) => {
      const e = exact.percentiles[i]!;
      const halfWidth = (e.upper - e.lower) / 2;
      // The stated bound: within BOUND_FRACTION of the exact interval's half-width (0 for an exact read).
      expect(Math.abs(q.value - e.value)).toBeLessThanOrEqual(BOUND_FRACTION * halfWidth);
      // The interval holds the exact one and is wider by at most one bin (≤ the bound) at each end.
      expect(q.lower).toBeLessThanOrEqual(e.lower);
      expect(q.upper).toBeGreaterThanOrEqual(e.upper);
      expect(e.lower - q.lower).toBeLessThanOrEqual(BOUND_FRACTION * halfWidth);
      expect(q.upper - e.upper).toBeLessThanOrEqual(BOUND_FRACTION * halfWidth);
    });
    // Every value in exactly one chart bin; the mean and sd to rounding (another summation order).
    expect(actual.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(exact.n);
    expect(Math.abs(actual.mean - exact.mean)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(exact.mean), exact.sd));
    // Chunk means are doubles: merging them (Chan et al.) costs ~ulp(mean) / (sd / √chunk) of the sd's
    // between-chunk part — 4e-9 of it for values within 1e-10 of their mean (the tiny-spread case).
    expect(Math.abs(actual.sd - exact.sd)).toBeLessThanOrEqual(1e-8 * Math.max(exact.sd, 1e-300));
  });

  it('reads a smooth output above PILOT_BASE samples in one pass over it (after the pilot), and small runs exactly', async () => {
    const smooth = await engineStatistics(columnOf(200_000, 'j', (u, rng) => Math.exp(normal(u, rng))));
    // Passes: the exact base (count and gather over PILOT_BASE), then the pilot's chain, then one count over all.
    expect(smooth.passes).toBe(3);
    const small = columnOf(PILOT_BASE, 'k', (u, rng) => Math.exp(normal(u, rng)));
    expect((await engineStatistics(small)).percentiles).toEqual(summarizeColumn(small, REPORTED_PERCENTILES, CONFIDENCE).percentiles);
  });

  it('gathers an atom exactly: a point mass holds the median of a continuous output', async () => {
    const column = columnOf(120_000, 'l', (u, rng) => (u < 0.3 ? 7 : 1 + 10 * rng()));
    const actual = await engineStatistics(column);
    const exact = summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE);
    const median = actual.percentiles.find((q) => q.p === 0.5)!;
    const expected = exact.percentiles.find((q) => q.p === 0.5)!;
    expect([median.value, median.lower, median.upper]).toEqual([expected.value, expected.lower, expected.upper]);
  });

  it(`summarises an output with up to ${SUPPORT_LIMIT} distinct values from their counts`, async () => {
    const column = columnOf(100_000, 'm', (u) => Math.floor(u * SUPPORT_LIMIT));
    expect((await engineStatistics(column)).percentiles).toEqual(summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE).percentiles);
  });

  it('puts the histogram edges within one bin of even steps, and counts each bin exactly', async () => {
    const column = columnOf(100_000, 'n', (u) => Math.exp(10 * u));
    const actual = await engineStatistics(column);
    const log = (x: number) => Math.log10(x);
    const step = (log(actual.max) - log(actual.min)) / 60;
    expect(actual.histogram.scale).toBe('log');
    expect(actual.histogram.bins).toHaveLength(60);
    actual.histogram.bins.forEach((bin, k) => {
      expect(Math.abs(log(bin.x0) - (log(actual.min) + k * step))).toBeLessThan(1e-3);
      expect(bin.count).toBe(column.filter((x) => x >= bin.x0 && (k === 59 ? x <= bin.x1 : x < bin.x1)).length);
    });
  });
});
