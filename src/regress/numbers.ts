/**
 * Numbers in drift reports: enough significant digits that a 0.1% move shows in the values
 * themselves, and changes as signed percentages that stay readable from 1e-10% to 300%.
 */

/** `12,345.6`, `0.38124`, `1.0812e25`: six significant digits. */
export function value(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e9 || abs < 1e-3) {
    const [mantissa, exponent] = x.toExponential(5).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return x.toLocaleString('en-US', { maximumSignificantDigits: 6 });
}

/** A relative change as a signed percentage: `+3.02%`, `-0.41%`, `+2.1e-10%`. */
export function signedPercent(relative: number): string {
  const sign = relative > 0 ? '+' : relative < 0 ? '-' : '±';
  return `${sign}${magnitudePercent(Math.abs(relative))}`;
}

/** A non-negative relative amount as a percentage: `12.5%`, `3.02%`, `0.92%`, `0.0031%`, `1e-10%`. */
export function magnitudePercent(relative: number): string {
  if (!Number.isFinite(relative)) return String(relative);
  const percent = relative * 100;
  if (percent === 0) return '0%';
  if (percent >= 10) return `${percent.toFixed(1)}%`;
  if (percent >= 1) return `${percent.toFixed(2)}%`;
  if (percent >= 0.001) return `${percent.toPrecision(2)}%`;
  const [mantissa, exponent] = percent.toExponential(1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}%`;
}

/** `P1`, `P50`, `P99.9`. */
export function percentileLabel(p: number): string {
  return `P${Number((p * 100).toPrecision(6))}`;
}

/** A probability such as α: `0.001`, `0.05`, `2.6e-6`. */
export function probability(x: number): string {
  if (x >= 1e-3) return String(Number(x.toPrecision(3)));
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** `1,000,000`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
