import { describe, expect, it } from 'vitest';
import { countBins, makeBinning } from '../../src/stats/bins.js';
import { histogramFromBins } from '../../src/stats/histogram.js';

describe('histogramFromBins', () => {
  it('puts every value in a bin and spans min to max', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    const binning = makeBinning(1, 1000);
    const { scale, bins } = histogramFromBins(binning, countBins(values, binning));
    expect(scale).toBe('log');
    expect(bins).toHaveLength(60);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bins[0]!.x0).toBe(1);
    expect(bins.at(-1)!.x1).toBe(1000);
    expect(bins[1]!.x0).toBeCloseTo(10 ** (3 / 60), 9); // evenly spaced in log10
    // Counted independently: values in the first chart bin, [1, 10^(3/60)).
    expect(bins[0]!.count).toBe(values.filter((x) => x < 10 ** (3 / 60)).length);
  });
});

describe('makeBinning', () => {
  it('uses a linear scale within two decades and for values ≤ 0', () => {
    expect(makeBinning(1, 50).scale).toBe('linear');
    expect(makeBinning(-1, 500).scale).toBe('linear');
    expect(makeBinning(1, 101).scale).toBe('log');
  });

  it('keeps the extremes inside the first and last bins', () => {
    const binning = makeBinning(3, 7e9);
    expect(binning.binOf(3)).toBe(0);
    expect(binning.binOf(7e9)).toBe(binning.bins - 1);
    expect(binning.edge(binning.bins)).toBe(7e9);
  });

  it('ignores NaN and infinities when counting', () => {
    const binning = makeBinning(0, 1);
    expect(countBins(Float64Array.of(0, NaN, 1, Infinity), binning).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
