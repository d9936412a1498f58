import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { binnedMedian, coarseKeyRange, COARSE_BITS, DecileCounter, hasEffect, mergeDeciles } from '../../src/stats/decile-medians.js';

/** Type-7 median of plain numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) / 2;
  return (sorted[Math.floor(h)]! + sorted[Math.ceil(h)]!) / 2;
}

describe('decile medians', () => {
  // One input (uniforms u), two outputs: y0 = exp(3u) depends on it, y1 = exp(v) with v independent.
  const random = seedrandom.alea('decile-medians');
  const chunk = 1000;
  const chunks = 40;
  const data = Array.from({ length: chunks }, () => {
    const u = Float64Array.from({ length: chunk }, () => random.double());
    const y0 = u.map((x) => Math.exp(3 * x));
    const y1 = u.map(() => Math.exp(random.double()));
    return { u, y0, y1 };
  });
  const fold = (which: number[]) => {
    const counter = new DecileCounter(['a'], 2, chunk);
    for (const k of which) {
      counter.mark('a', data[k]!.u, chunk);
      counter.add([data[k]!.y0, data[k]!.y1], chunk);
    }
    return counter.export();
  };

  it('merges to the same counts in any split and order', () => {
    const all = mergeDeciles([fold([...Array(chunks).keys()])]);
    const split = mergeDeciles([fold([5, 1, 30]), fold([...Array(chunks).keys()].filter((k) => ![5, 1, 30].includes(k)).reverse())]);
    for (const side of [0, 1] as const) for (const j of [0, 1]) expect(split.side(0, side, j).nonEmpty()).toEqual(all.side(0, side, j).nonEmpty());
    expect(split.overall(1).nonEmpty()).toEqual(all.overall(1).nonEmpty());
  });

  it('finds the conditional medians within their bin, and the effect only where there is one', () => {
    const merged = mergeDeciles([fold([...Array(chunks).keys()])]);
    const bottom = data.flatMap(({ u, y0 }) => [...y0].filter((_, s) => u[s]! < 0.1));
    const exact = median(bottom);
    const estimate = binnedMedian(merged.side(0, 0, 0).nonEmpty());
    expect(Math.abs(estimate / exact - 1)).toBeLessThanOrEqual(2 ** -COARSE_BITS);
    const [lo, hi] = coarseKeyRange(merged.side(0, 0, 0).nonEmpty().keys[0]!);
    expect(hi / lo - 1).toBeLessThanOrEqual(2 ** -COARSE_BITS + 1e-12);
    const overallMedian = (j: number) => median(data.flatMap((d) => [...(j === 0 ? d.y0 : d.y1)]));
    expect(hasEffect([merged.side(0, 0, 0).nonEmpty(), merged.side(0, 1, 0).nonEmpty()], merged.overall(0).nonEmpty(), overallMedian(0))).toBe(true);
    // y1 ignores u: a false "effect" has probability ~1.3e-4 (EFFECT_Z = 4; fixed seed).
    expect(hasEffect([merged.side(0, 0, 1).nonEmpty(), merged.side(0, 1, 1).nonEmpty()], merged.overall(1).nonEmpty(), overallMedian(1))).toBe(false);
  });
});
