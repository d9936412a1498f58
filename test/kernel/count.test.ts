import { describe, expect, it } from 'vitest';
import { fillAleaUniforms } from '../../src/sampling/alea.js';
import { builtKernel } from '../helpers/kernel.js';

/**
 * kernels/count.ts's moments as its header states them, one value at a time: the values at even and
 * odd positions each summed in order (d = x − s and d² about the first finite value s), the two sums
 * added, min and max keeping the first of equal values and skipping NaN, then merged into the record
 * by Chan, Golub & LeVeque's update.
 */
function referenceMoments(column: Float64Array, record: number[]): void {
  const shift = column.find((x) => x - x === 0) ?? 0;
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  const sum = [0, 0];
  const squares = [0, 0];
  const finite = [0, 0];
  const pairs = column.length >> 1;
  for (let i = 0; i < 2 * pairs; i++) {
    const lane = i % 2;
    const x = column[i]!;
    const ok = x - x === 0;
    const d = ok ? x - shift : 0;
    if (x < lo[lane]!) lo[lane] = x;
    if (x > hi[lane]!) hi[lane] = x;
    sum[lane]! += d;
    squares[lane]! += d * d;
    finite[lane]! += ok ? 1 : 0;
  }
  let least = lo[1]! < lo[0]! ? lo[1]! : lo[0]!;
  let most = hi[1]! > hi[0]! ? hi[1]! : hi[0]!;
  let total = sum[0]! + sum[1]!;
  let total2 = squares[0]! + squares[1]!;
  let n = finite[0]! + finite[1]!;
  if (column.length % 2) {
    const x = column[column.length - 1]!;
    if (x - x === 0) {
      if (x < least) least = x;
      if (x > most) most = x;
      total += x - shift;
      total2 += (x - shift) * (x - shift);
      n += 1;
    }
  }
  record[6]! += column.length - n;
  if (n === 0) return;
  if (least < record[3]!) record[3] = least;
  if (most > record[4]!) record[4] = most;
  record[5]! += n;
  const offset = total / n;
  const mean = shift + offset;
  const m2 = Math.max(0, total2 - total * offset);
  const na = record[0]!;
  if (na === 0) {
    [record[0], record[1], record[2]] = [n, mean, m2];
    return;
  }
  const count = na + n;
  const delta = mean - record[1]!;
  [record[0], record[1], record[2]] = [count, record[1]! + delta * (n / count), record[2]! + m2 + delta * delta * ((na * n) / count)];
}

describe('the WebAssembly count kernel', () => {
  const kernel = builtKernel();

  it('folds moments, min and max as one value at a time would, bit for bit', () => {
    const u = new Float64Array(20_011);
    fillAleaUniforms(u, 'kernel-count-test');
    const columns = [
      u.map((x) => Math.exp(8 * x) * 1e9),
      u.map((x, i) => (i % 97 === 3 ? NaN : i % 89 === 5 ? -Infinity : x < 0.3 ? 0 : x < 0.6 ? -0 : x - 0.8)),
      u.map((x, i) => (i < 3 ? NaN : i % 2 ? -0 : 0)),
      u.map((x, i) => (i % 2 === 0 ? NaN : x)),
      // Every other pair NaN, the others a new minimum (then maximum) each time.
      u.map((x, i) => (Math.floor(i / 2) % 2 === 0 ? NaN : -i)),
      u.map((x, i) => (Math.floor(i / 2) % 2 === 0 ? NaN : i)),
      u.map((x, i) => (i % 4 === 1 ? NaN : 5 - x)).subarray(0, 19),
      u.map(() => Infinity).subarray(0, 7),
      u.subarray(0, 1),
    ];
    const at = kernel.reserveF64(u.length);
    const moments = kernel.reserveF64(8);
    for (const column of columns) {
      const record = [0, 0, 0, Infinity, -Infinity, 0, 0];
      kernel.f64(moments, 7).set(record);
      kernel.f64(at, column.length).set(column);
      for (const part of [column.length, Math.floor(column.length / 3)]) {
        kernel.exports.countMoments(at, part, moments);
        referenceMoments(column.subarray(0, part), record);
      }
      const actual = [...kernel.f64(moments, 7)];
      expect(actual.map((x, i) => Object.is(x, record[i]))).toEqual(record.map(() => true));
    }
  });
});
