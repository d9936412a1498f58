import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { SUPPORT_LIMIT } from '../../src/stats/stream-count.js';
import { summarizeChunks } from '../../src/stats/stream-summary.js';
import { CONFIDENCE, REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { summarizeColumn } from '../../src/stats/summarize.js';

/** Runs the streaming statistics over `column` cut into chunks, as the workers see it. */
function streamed(column: Float64Array, options: { gatherLimit?: number; chunk?: number; centre?: number } = {}) {
  const chunk = options.chunk ?? CHUNK_SIZE;
  const scratch = new Float64Array(chunk);
  const [stats] = summarizeChunks(
    (visit) => {
      for (let start = 0; start < column.length; start += chunk) {
        const length = Math.min(chunk, column.length - start);
        scratch.set(column.subarray(start, start + length)); // a fresh copy, as regenerated chunks are
        visit([scratch], length);
      }
    },
    [options.centre ?? 0],
    options,
  );
  return stats!;
}

function columnOf(n: number, seed: string, draw: (u: number, rng: () => number) => number): Float64Array {
  const rng = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => draw(rng.double(), () => rng.double()));
}

const cases: [string, Float64Array][] = [
  ['lognormal-like', columnOf(50_000, 'a', (u) => Math.exp(4 * (u - 0.5)) * 1e12)],
  ['negative and positive', columnOf(40_000, 'b', (u) => Math.tan(Math.PI * (u - 0.5)))],
  ['tiny spread around a large value', columnOf(30_000, 'c', (u) => 1e6 + u * 1e-4)],
  ['a point mass inside a continuum', columnOf(40_000, 'd', (u, rng) => (u < 0.4 ? 5 : 4 + 2 * rng()))],
  ['many distinct atoms', columnOf(30_000, 'e', (u) => Math.floor(u * 40) / 7)],
  ['few atoms', columnOf(30_000, 'f', (u) => [4, 6, 8][Math.floor(u * 3)]!)],
  ['with non-finite values', columnOf(20_000, 'g', (u) => (u < 0.01 ? Number.NaN : u > 0.995 ? Infinity : u))],
  ['a constant', new Float64Array(10_000).fill(3.5)],
  ['subnormals and zeros', columnOf(20_000, 'h', (u) => (u < 0.3 ? 0 : u < 0.5 ? -0 : u * 1e-310))],
];

describe('summarizeChunks (streaming statistics)', () => {
  it.each(cases)('gives the same order statistics and counts as the in-memory summary: %s', (_, column) => {
    const expected = summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE);
    for (const gatherLimit of [Infinity, 1_000, 0]) {
      if (gatherLimit === 0 && _ === 'a point mass inside a continuum') continue; // needs some gathering
      let actual;
      try {
        actual = streamed(column, { gatherLimit, chunk: 4096 });
      } catch (error) {
        // With no room at all, only outputs whose ranks fall on equal values can finish.
        expect(gatherLimit).toBe(0);
        expect(String(error)).toMatch(/too many tied values/);
        continue;
      }
      // Through JSON, as Results are written: −0 and 0 are the same order statistic value.
      expect(JSON.parse(JSON.stringify(actual.percentiles))).toEqual(JSON.parse(JSON.stringify(expected.percentiles)));
      expect([actual.n, actual.nonFinite, actual.min, actual.max]).toEqual([expected.n, expected.nonFinite, expected.min, expected.max]);
      expect(actual.histogram.scale).toBe(expected.histogram.scale);
      expect(actual.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(expected.n);
      // Moments agree to rounding (different summation order).
      if (expected.n > 0) {
        expect(Math.abs(actual.mean - expected.mean)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(expected.mean), expected.sd));
        expect(Math.abs(actual.sd - expected.sd)).toBeLessThanOrEqual(1e-9 * Math.max(expected.sd, 1e-300));
      }
    }
  });

  it('counts the chart histogram exactly: every value in the bin binOf puts it in', () => {
    const column = columnOf(50_000, 'i', (u) => Math.exp(10 * u));
    const actual = streamed(column);
    const expected = summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE);
    // summarizeColumn's chart bins are 32 fine bins each, edges computed the same way up to rounding:
    // the counts agree except for values within rounding of an edge (none in practice).
    expect(actual.histogram.bins.map((b) => b.count)).toEqual(expected.histogram.bins.map((b) => b.count));
    for (let i = 0; i < actual.histogram.bins.length; i++) {
      expect(actual.histogram.bins[i]!.x0 / expected.histogram.bins[i]!.x0).toBeCloseTo(1, 12);
    }
  });

  it('is the same for any chunking, with a centre far from the values too', () => {
    const column = columnOf(30_000, 'j', (u) => 1 / u);
    const a = streamed(column, { chunk: 8192 });
    const b = streamed(column, { chunk: 1000, centre: -1e3 });
    expect(b.percentiles).toEqual(a.percentiles);
    expect(b.histogram).toEqual(a.histogram);
    // Each chunk sums its x − centre plainly: a far centre costs digits of the mean (≈ 1e-16 · |centre| · chunk / mean).
    expect(Math.abs(b.mean / a.mean - 1)).toBeLessThan(1e-10);
    expect(Math.abs(b.sd / a.sd - 1)).toBeLessThan(1e-10);
  });

  it(`summarises an output with up to ${SUPPORT_LIMIT} distinct values from their counts`, () => {
    const column = columnOf(10_000, 'k', (u) => Math.floor(u * SUPPORT_LIMIT));
    expect(streamed(column).percentiles).toEqual(summarizeColumn(column, REPORTED_PERCENTILES, CONFIDENCE).percentiles);
  });
});
