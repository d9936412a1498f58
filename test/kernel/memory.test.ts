import { describe, expect, it } from 'vitest';
import { builtKernel } from '../helpers/kernel.js';

describe("the kernel's memory", () => {
  it('hands out zeroed memory, after a release too, and grows when asked for more than it has', () => {
    const kernel = builtKernel();
    const x = kernel.exports;
    const start = x.mark();
    const a = x.reserve(1000);
    kernel.f64(a, 125).fill(7);
    x.release(start);
    const b = x.reserve(3000);
    expect(b).toBe(a);
    expect(kernel.f64(b, 375).every((v) => v === 0)).toBe(true);
    const before = kernel.buffer.byteLength;
    const big = x.reserve(before);
    expect(kernel.buffer.byteLength).toBeGreaterThan(before);
    expect(new Uint8Array(kernel.buffer, big, before).every((v) => v === 0)).toBe(true);
  });
});
