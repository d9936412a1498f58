/**
 * The chance that the simulated GPU cost of a minute of video exceeds a published price, read off the
 * Result's histogram: exact at bin edges, and inside a bin the bin's samples taken as spread evenly
 * along it (evenly in log x when the bins are log-spaced). With 60 bins the reading is within half a
 * bin's share of samples of the exact one.
 */
import type { OutputStats } from '../src/result/types.js';

/** Share of samples above `x`. */
export function chanceAbove(stats: OutputStats, x: number): number {
  const { bins, scale } = stats.histogram;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return 0;
  let above = 0;
  for (const bin of bins) {
    if (bin.x0 >= x) above += bin.count;
    else if (bin.x1 > x) {
      const t = scale === 'log' && bin.x0 > 0 ? Math.log(bin.x1 / x) / Math.log(bin.x1 / bin.x0) : (bin.x1 - x) / (bin.x1 - bin.x0);
      above += bin.count * t;
    }
  }
  return above / total;
}

/** A chance in words: `83%`, `3%`, `0.4%`, `< 0.1%` (20,000 samples resolve no finer). */
export function chanceWords(p: number): string {
  if (p <= 0) return '< 0.1%';
  if (p >= 1) return '> 99.9%';
  const pct = p * 100;
  if (pct < 0.1) return '< 0.1%';
  if (pct > 99.9) return '> 99.9%';
  if (pct < 1 || pct > 99) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
