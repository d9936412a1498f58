import { describe, expect, it } from 'vitest';
import { axisLabels, decadesSpanned, logDomain, logTicks, wantsLogAxis } from '../../reports/axis.js';

describe('log or linear', () => {
  it('counts the decades a set of positive values spans', () => {
    expect(decadesSpanned([10, 1000])).toBeCloseTo(2, 12);
    expect(decadesSpanned([0, 5])).toBe(0);
    expect(decadesSpanned([-1, 5])).toBe(0);
  });

  it('puts values on a log axis only when they span more than a decade', () => {
    expect(wantsLogAxis([4211, 10528])).toBe(false);
    expect(wantsLogAxis([0.013, 30])).toBe(true);
    expect(wantsLogAxis([0, 1e6])).toBe(false); // zero has no place on a log axis
  });
});

describe('log ticks', () => {
  it('are 1-2-5 in each decade inside the domain', () => {
    expect(logTicks(3000, 250_000)).toEqual([5000, 10_000, 20_000, 50_000, 100_000, 200_000]);
  });

  it('are powers of ten only over more than four decades', () => {
    expect(logTicks(0.01, 1e6)).toEqual([0.01, 0.1, 1, 10, 100, 1000, 1e4, 1e5, 1e6]);
  });

  it('pad a domain by a factor each side', () => {
    const [lo, hi] = logDomain([100, 1000], 2);
    expect(lo).toBe(50);
    expect(hi).toBe(2000);
  });
});

describe('label formats', () => {
  it('write FLOPs as 1e25, counts with SI suffixes (B, not G), money in dollars, shares in percent', () => {
    expect(axisLabels('FLOP', 1e25).labelExpr).toContain("'.2~e'");
    expect(axisLabels('H100s', 1e6).labelExpr).toContain("'G', 'B'");
    expect(axisLabels('USD/min', 30).format).toBe('$,.2~f');
    expect(axisLabels('USD', 5e6).labelExpr).toContain("'$'");
    expect(axisLabels('0–1', 1).format).toBe('.0%');
  });
});
