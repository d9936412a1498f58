import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fillAleaUniforms } from '../../src/sampling/alea.js';

describe('fillAleaUniforms', () => {
  it("draws seedrandom.alea's double() stream bit for bit", () => {
    for (const seed of ['sora-mc/2024/soraParams/0', 'sora-mc/7/trainMfu/12345', '', 'ü€𝄞 unicode', '42']) {
      const ours = new Float64Array(10_000);
      fillAleaUniforms(ours, seed);
      const rng = seedrandom.alea(seed);
      const theirs = Float64Array.from({ length: ours.length }, () => {
        let u = rng.double();
        while (u === 0) u = rng.double();
        return u;
      });
      expect(Buffer.from(ours.buffer).equals(Buffer.from(theirs.buffer))).toBe(true);
    }
  });

  it('fills only the first `length` values', () => {
    const target = new Float64Array(8).fill(-1);
    fillAleaUniforms(target, 'x', 5);
    expect(target[4]).toBeGreaterThan(0);
    expect(target[5]).toBe(-1);
  });
});
