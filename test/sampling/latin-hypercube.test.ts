import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latinHypercubeUniforms } from '../../src/sampling/latin-hypercube.js';
import { parseSamplingMethod } from '../../src/sampling/methods.js';
import { CHUNK_SIZE } from '../../src/sampling/uniforms.js';
import { packagePath } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulate } from '../../src/simulate/simulate.js';
import { scratchDir } from '../helpers/scratch.js';
import { scaled } from '../helpers/suite.js';

const scratch = scratchDir();

describe('Latin hypercube per chunk', () => {
  it('puts exactly one value in each of the chunk\'s L strata, for a full and a partial chunk', () => {
    const source = latinHypercubeUniforms('7');
    for (const length of [CHUNK_SIZE, 1000]) {
      const u = new Float64Array(length);
      source.fill(u, 'soraParams', 3);
      const seen = new Uint8Array(length);
      for (const x of u) seen[Math.floor(x * length)]!++;
      expect(seen.every((c) => c === 1)).toBe(true);
      expect(u.every((x) => x > 0 && x < 1)).toBe(true);
    }
  });

  it('shuffles each input and chunk on its own, the same every time it is asked', () => {
    const source = latinHypercubeUniforms('7');
    const a = new Float64Array(CHUNK_SIZE);
    const b = new Float64Array(CHUNK_SIZE);
    const c = new Float64Array(CHUNK_SIZE);
    source.fill(a, 'soraParams', 0);
    source.fill(b, 'trainMfu', 0);
    source.fill(c, 'soraParams', 0);
    expect(Array.from(c)).toEqual(Array.from(a));
    expect(Array.from(b)).not.toEqual(Array.from(a));
  });

  it('gives byte-identical statistics for 1 and 3 workers, records the method, and differs from Monte Carlo', async () => {
    const scenario = loadScenario('mission');
    const samples = scaled(4, 12) * CHUNK_SIZE + 555;
    const [one, three, mc] = [
      await simulate(scenario, { samples, workers: 1, method: 'lhs' }),
      await simulate(scenario, { samples, workers: 3, method: 'lhs' }),
      await simulate(scenario, { samples, workers: 2 }),
    ];
    expect(JSON.stringify(three!.outputs)).toBe(JSON.stringify(one!.outputs));
    expect(one!.run.sampling).toBe('latin-hypercube');
    expect(mc!.run.sampling).toBe('monte-carlo');
    expect(mc!.outputs.trainH100s.percentiles[4]!.value).not.toBe(one!.outputs.trainH100s.percentiles[4]!.value);
  });

  it('refuses an unknown method: in the library, and from the CLI with exit 2', async () => {
    expect(() => parseSamplingMethod('halton')).toThrow(/unknown sampling method/);
    await expect(simulate(loadScenario('article'), { samples: 100, method: 'qmc' })).rejects.toThrow(/unknown sampling method/);
    const out = join(scratch.dir, 'never');
    const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', 'mission', '--method', 'halton', '--out', out], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/--method: unknown sampling method/);
    expect(stderr).toMatch(/expected:\s+one of mc \(monte-carlo\), lhs \(latin-hypercube\)/);
    expect(stderr).toMatch(/found:\s+"halton"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
