import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/stats/histogram.js';

describe('histogram', () => {
  it('puts every value in a bin and spans min to max', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    const { scale, bins } = histogram(values, 1, 1000, 10);
    expect(scale).toBe('log');
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bins[0]!.x0).toBe(1);
    expect(bins.at(-1)!.x1).toBe(1000);
    expect(bins[1]!.x0).toBeCloseTo(10 ** 0.3, 9); // evenly spaced in log10
  });

  it('uses a linear scale within two decades and for values ≤ 0', () => {
    expect(histogram(Float64Array.of(1, 2, 50), 1, 50).scale).toBe('linear');
    expect(histogram(Float64Array.of(-1, 0, 500), -1, 500).scale).toBe('linear');
  });

  it('gives one bin to a constant', () => {
    expect(histogram(Float64Array.of(5, 5, 5), 5, 5).bins).toEqual([{ x0: 5, x1: 5, count: 3 }]);
  });
});
