// Library state a caller cannot corrupt: the exported catalogues and lists are frozen (workers match
// outputs by their index in OUTPUT_KEYS), and computePoint checks its point as simulate() checks a scenario.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { computePoint } from '../../src/model/compute.js';
import { articleValues, INPUT_KEYS, INPUTS } from '../../src/model/inputs.js';
import { HEADLINE_OUTPUTS, OUTPUT_KEYS, OUTPUTS } from '../../src/model/outputs.js';
import { packagePath } from '../../src/paths.js';
import { REPORTED_PERCENTILES } from '../../src/stats/percentiles.js';
import { soraError } from '../helpers/scenario-error.js';

const INDEX = packagePath('dist', 'src', 'index.js');

describe('exported catalogues and lists', () => {
  it('are frozen, down to each entry', () => {
    for (const value of [OUTPUT_KEYS, INPUT_KEYS, HEADLINE_OUTPUTS, REPORTED_PERCENTILES, OUTPUTS, INPUTS, OUTPUTS.trainH100s, OUTPUTS.trainH100s.words, INPUTS.trainMfu, INPUTS.trainMfu.domain]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
  });

  it('OUTPUT_KEYS.sort() and other edits in user code leave simulate() right (trainH100s P50 of mission ≈ 20.8k, not 1.79M)', () => {
    const script = `
      const lib = await import(${JSON.stringify(INDEX)});
      const attempts = [
        () => lib.OUTPUT_KEYS.sort(), () => lib.INPUT_KEYS.reverse(), () => lib.HEADLINE_OUTPUTS.push('x'),
        () => { lib.INPUTS.trainMfu.domain.max = 10; }, () => { lib.OUTPUTS.trainH100s.label = 'x'; },
      ];
      const refused = attempts.filter((attempt) => { try { attempt(); return false; } catch (e) { return e instanceof TypeError; } }).length;
      const result = await lib.simulate(lib.loadScenario('mission'), { samples: 20000, workers: 1 });
      const p50 = result.outputs.trainH100s.percentiles.find((q) => q.p === 0.5).value;
      console.log(JSON.stringify({ refused, p50, label: result.outputs.trainH100s.label, first: lib.OUTPUT_KEYS[0] }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout.trim());
    expect(out.refused).toBe(5);
    expect(out.p50).toBeGreaterThan(15_000);
    expect(out.p50).toBeLessThan(30_000);
    expect(out.label).toBe('Training H100s');
    expect(out.first).toBe('modelMultiplier');
  }, 60_000);
});

describe('computePoint checks its point as simulate() checks a scenario', () => {
  const point = articleValues();

  it('gives the article\'s 4,211 H100s at the article values', () => {
    expect(Math.round(computePoint(point, 'article').trainH100s)).toBe(4211);
  });

  it('refuses a step-cost model it does not know (\'Transformer\' ran the article model)', () => {
    expect(soraError(() => computePoint(point, 'Transformer' as never)).details).toMatchObject({ path: 'stepCost', found: expect.stringContaining('Transformer') });
  });

  it('refuses a partial point (it returned NaN), naming the missing input', () => {
    const { trainMfu: _, ...partial } = point;
    expect(soraError(() => computePoint(partial as never, 'article')).details.path).toBe('point.trainMfu');
  });

  it('refuses a value outside its input\'s domain (trainMfu −1 gave −4,211 H100s), naming the input and its domain', () => {
    const error = soraError(() => computePoint({ ...point, trainMfu: -1 }, 'article'));
    expect(error.details).toMatchObject({ path: 'point.trainMfu', found: '-1' });
    expect(error.details.expected).toContain('(0, 1]');
  });

  it.each([['a string', '0.4'], ['NaN', NaN], ['null', null]])('refuses %s as a value', (_, value) => {
    expect(soraError(() => computePoint({ ...point, trainMfu: value as never }, 'article')).details.path).toBe('point.trainMfu');
  });

  it('refuses an input it does not know, and a point that is no object', () => {
    expect(soraError(() => computePoint({ ...point, trainMFU: 0.4 } as never, 'article')).details.path).toBe('point.trainMFU');
    expect(soraError(() => computePoint(null as never, 'article')).details.path).toBe('point');
  });
});
