import { describe, expect, it } from 'vitest';
import { fillAleaUniforms } from '../../src/sampling/alea.js';
import { fillAleaStreams } from '../../src/sampling/alea-streams.js';
import { monteCarloUniforms } from '../../src/sampling/uniforms.js';

describe('fillAleaStreams', () => {
  it('gives every stream, for 1 to 7 streams side by side, the numbers it gives on its own, bit for bit', () => {
    for (let streams = 1; streams <= 7; streams++) {
      for (const length of [0, 1, 2, 1000, 8192]) {
        const seeds = Array.from({ length: streams }, (_, j) => `sora-mc/test/input${j}/${length}`);
        const together = seeds.map(() => new Float64Array(length));
        fillAleaStreams(together, seeds, length);
        seeds.forEach((seed, j) => {
          const alone = new Float64Array(length);
          fillAleaUniforms(alone, seed, length);
          expect(Buffer.from(together[j]!.buffer).equals(Buffer.from(alone.buffer)), `stream ${j} of ${streams}, length ${length}`).toBe(true);
        });
      }
    }
  });

  it("is what monteCarloUniforms' fillInputs draws for a chunk, the same as its fill per input", () => {
    const source = monteCarloUniforms('42');
    const inputs = ['soraParams', 'datasetMultiplier', 'temporalCompression', 'trainMfu', 'inferMfu'];
    const together = inputs.map(() => new Float64Array(8192));
    source.fillInputs!(together, inputs, 7);
    inputs.forEach((input, j) => {
      const alone = new Float64Array(8192);
      source.fill(alone, input, 7);
      expect(Array.from(together[j]!)).toEqual(Array.from(alone));
    });
  });
});
