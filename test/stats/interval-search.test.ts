import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/stats/binomial.js';
import { quantileRankInterval, searchLargest, searchSmallest } from '../../src/stats/intervals.js';

/** Linear scans: the definitions the searches must agree with. */
function largestByScan(lo: number, hi: number, ok: (x: number) => boolean): number {
  let found = lo;
  for (let x = lo; x <= hi; x++) if (ok(x)) found = x;
  return found;
}
function smallestByScan(lo: number, hi: number, ok: (x: number) => boolean): number {
  for (let x = lo; x <= hi; x++) if (ok(x)) return x;
  return hi;
}

describe('the galloping searches', () => {
  it('find the same switch point from any guess, and without one, for every switch point of small ranges', () => {
    // Disagreements are collected and compared once: a million expect() calls would dominate the time.
    const wrong: string[] = [];
    const agree = (what: string, found: number, want: number) => {
      if (found !== want) wrong.push(`${what}: ${found}, the scan ${want}`);
    };
    for (let lo = 0; lo < 6; lo++) {
      for (let hi = lo; hi < lo + 34; hi++) {
        for (let at = lo - 2; at <= hi + 2; at++) {
          const below = (x: number) => x <= at;
          const above = (x: number) => x >= at;
          const largest = largestByScan(lo, hi, below);
          const smallest = smallestByScan(lo, hi, above);
          agree(`largest [${lo}, ${hi}] switch ${at}`, searchLargest(lo, hi, below), largest);
          agree(`smallest [${lo}, ${hi}] switch ${at}`, searchSmallest(lo, hi, above), smallest);
          for (let guess = lo - 4; guess <= hi + 4; guess += 0.5) {
            agree(`largest [${lo}, ${hi}] switch ${at} guess ${guess}`, searchLargest(lo, hi, below, guess), largest);
            agree(`smallest [${lo}, ${hi}] switch ${at} guess ${guess}`, searchSmallest(lo, hi, above, guess), smallest);
          }
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('quantileRankInterval', () => {
  it('gives the ranks a plain bisection over the exact Binomial(n, p) gives, for run sizes from 1 to 1e9', () => {
    // The definition (intervals.ts), bisected over the whole range without a starting guess.
    const reference = (n: number, p: number, tail: number) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (mid === 0 || binomialCdf(mid - 1, n, p) <= tail) lo = mid;
        else hi = mid - 1;
      }
      let a = 0;
      let b = n + 1;
      while (a < b) {
        const mid = Math.floor((a + b) / 2);
        if (mid === n + 1 || 1 - binomialCdf(mid - 1, n, p) <= tail) b = mid;
        else a = mid + 1;
      }
      return { lower: Math.max(1, lo), upper: Math.min(n, a) };
    };
    const ns = [1, 2, 3, 7, 20, 100, 368, 1000, 4097, 65_536, 1e5, 1e6, 999_983, 1e7, 1e8, 1e9];
    const ps = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.99];
    for (const n of ns) {
      for (const p of ps) {
        for (const confidence of [0.5, 0.9, 0.95, 0.99]) {
          const { lower, upper } = quantileRankInterval(n, p, confidence);
          expect({ n, p, confidence, lower, upper }).toEqual({ n, p, confidence, ...reference(n, p, (1 - confidence) / 2) });
        }
      }
    }
  });
});
