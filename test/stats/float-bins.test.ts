import { describe, expect, it } from 'vitest';
import { FloatBinCounts, keyOf, keyOrder, PAGE_BINS } from '../../src/stats/float-bins.js';
import { OutputsCounter } from '../../src/kernel/counter.js';
import { builtKernel } from '../helpers/kernel.js';

/** The kernel's counting pass over one output, fed chunk by chunk (each chunk copied into its memory). */
function kernelCounter() {
  const kernel = builtKernel();
  const column = kernel.reserveF64(1 << 15);
  const counter = new OutputsCounter(kernel, [column], { binned: [true], plans: [null] });
  return {
    add(values: Float64Array) {
      kernel.f64(column, values.length).set(values);
      counter.add(values.length);
    },
    export: () => counter.finish()[0]!,
  };
}

describe('FloatBinCounts.nonEmpty', () => {
  it('lists every occupied bin once, in the order of the values it holds, with its count', () => {
    // Values of both signs over many binades, zeros, subnormals and repeats (fixed seed: deterministic).
    let state = 12345;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const values = new Float64Array(20_000);
    for (let i = 0; i < values.length; i++) {
      const magnitude = Math.exp(40 * (random() - 0.5));
      values[i] = i % 97 === 0 ? 0 : i % 89 === 0 ? -0 : i % 83 === 0 ? 5e-324 * i : i % 3 === 0 ? -magnitude : magnitude;
    }
    const counter = kernelCounter();
    counter.add(values);
    const bins = new FloatBinCounts();
    bins.merge(counter.export().bins!);
    const { keys, counts } = bins.nonEmpty();
    // The reference: each value's key counted in a Map, sorted by keyOrder.
    const expected = new Map<number, number>();
    for (const x of values) expected.set(keyOf(x), (expected.get(keyOf(x)) ?? 0) + 1);
    const order = [...expected.keys()].sort((a, b) => keyOrder(a) - keyOrder(b));
    expect(Array.from(keys)).toEqual(order);
    expect(Array.from(counts)).toEqual(order.map((key) => expected.get(key)));
    // Value order: the largest value of each bin is below the smallest of the next (keys decode back to values' bins).
    const sorted = Float64Array.from(values).sort();
    expect(keyOf(sorted[0]!)).toBe(keys[0]);
    expect(keyOf(sorted[sorted.length - 1]!)).toBe(keys[keys.length - 1]);
  });

  it('an output of few distinct values (−0 and 0 among them) exports the bins of its values, before and after it gets too many', () => {
    const counter = kernelCounter();
    const seen: number[] = [];
    const feed = (values: number[]) => {
      counter.add(Float64Array.from(values));
      seen.push(...values);
      const summary = counter.export();
      const exported = summary.bins ?? { pages: new Int32Array(0), counts: new Float64Array(0) };
      if (summary.support) {
        // While tallied by value, the bins are the tally's.
        const tallied = new FloatBinCounts();
        for (const [i, x] of summary.support.values.entries()) {
          const negativeZeros = seen.filter((v) => Object.is(v, -0)).length;
          if (x === 0) {
            if (summary.support.counts[i]! - negativeZeros > 0) add(tallied, 0, summary.support.counts[i]! - negativeZeros);
            if (negativeZeros > 0) add(tallied, -0, negativeZeros);
          } else add(tallied, x, summary.support.counts[i]!);
        }
        exported.pages = tallied.export().pages;
        exported.counts = tallied.export().counts;
      }
      const bins = new FloatBinCounts();
      bins.merge(exported);
      const expected = new Map<number, number>();
      for (const x of seen.filter(Number.isFinite)) expected.set(keyOf(x), (expected.get(keyOf(x)) ?? 0) + 1);
      const order = [...expected.keys()].sort((a, b) => keyOrder(a) - keyOrder(b));
      const { keys, counts } = bins.nonEmpty();
      expect(Array.from(keys)).toEqual(order);
      expect(Array.from(counts)).toEqual(order.map((key) => expected.get(key)));
      expect(exported.pages.length).toBe(new Set(order.map((key) => key >> 10)).size);
    };
    feed([0, -0, 1.5, 2, 2, -0, NaN, 7]);
    feed([-0, 3, 1.5, 0]);
    expect(counter.export().support).not.toBeNull();
    expect(counter.export().bins).toBeNull();
    feed(Array.from({ length: 40 }, (_, i) => (i % 2 ? -0 : i / 8)));
    expect(counter.export().support).toBeNull();
    feed([-0, 0, 5, 5]);
  });

  it('is empty with no values', () => {
    const bins = new FloatBinCounts();
    expect(bins.nonEmpty().keys.length).toBe(0);
    expect(PAGE_BINS).toBe(1024);
  });
});

function add(bins: FloatBinCounts, x: number, count: number): void {
  const key = keyOf(x);
  let offset = bins.pageOffset[key >>> 10]!;
  if (offset < 0) offset = bins.addPage(key >>> 10);
  bins.counts[offset + (key & 1023)]! += count;
}
