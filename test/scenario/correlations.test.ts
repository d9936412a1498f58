import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { choleskyFactor, normalFromSpearman, spearmanFromNormal } from '../../src/scenario/correlations.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scenarioError } from '../helpers/scenario-error.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

const BASE = `extends: mission
inputs:
  gpuHourPrice: { dist: lognormal, p5: 1.7, p95: 3.5 }
`;

const loadError = (yaml: string, name?: string) => scenarioError(scratch, yaml, name);

describe('scenario correlations', () => {
  it('resolves pairs and the equivalent matrix to the same assumptions, inputs in catalogue order', () => {
    const pairs = loadScenario(
      scratch.write('pairs.yaml', `${BASE}correlations:\n  - { between: [trainMfu, soraParams], rank: 0.5 }\n  - { between: [datasetMultiplier, soraParams], rank: -0.3 }\n`),
    );
    const matrix = loadScenario(
      scratch.write(
        'matrix.yaml',
        `${BASE}correlations:\n  inputs: [trainMfu, datasetMultiplier, soraParams]\n  matrix: [[1, 0, 0.5], [0, 1, -0.3], [0.5, -0.3, 1]]\n`,
      ),
    );
    expect(pairs.resolved.correlations!.inputs).toEqual(['soraParams', 'datasetMultiplier', 'trainMfu']);
    expect(pairs.resolved.correlations!.rank).toEqual([
      [1, -0.3, 0.5],
      [-0.3, 1, 0],
      [0.5, 0, 1],
    ]);
    expect(matrix.resolved.correlations).toEqual(pairs.resolved.correlations);
    expect(matrix.resolved.hash).toBe(pairs.resolved.hash);
    // 2 sin(π × 0.5 / 6) = 2 sin(π/12) = 0.5176380902050415 (Pearson 1907).
    expect(pairs.resolved.correlations!.normal[0]![2]).toBeCloseTo(0.5176380902050415, 15);
  });

  it('changes the assumption hash, and leaves the hash of a scenario without correlations as it was', () => {
    const plain = loadScenario(scratch.write('plain.yaml', BASE));
    const correlated = loadScenario(scratch.write('c.yaml', `${BASE}correlations:\n  - { between: [trainMfu, soraParams], rank: 0.5 }\n`));
    const other = loadScenario(scratch.write('c2.yaml', `${BASE}correlations:\n  - { between: [trainMfu, soraParams], rank: 0.4 }\n`));
    expect(plain.resolved.correlations).toBeUndefined();
    expect(correlated.resolved.hash).not.toBe(plain.resolved.hash);
    expect(other.resolved.hash).not.toBe(correlated.resolved.hash);
    // The committed baseline of mission was written before correlations existed: its hash still holds.
    const baseline = JSON.parse(spawnSync('cat', [packagePath('baselines', 'mission.json')], { encoding: 'utf8' }).stdout) as { scenario: { hash: string } };
    expect(loadScenario('mission').resolved.hash).toBe(baseline.scenario.hash);
  });

  it.each([
    ['an unknown input', `correlations:\n  - { between: [soraParams, modelSize], rank: 0.5 }\n`, 'correlations[0].between[1]', /unknown input/, /"modelSize"/],
    ['a fixed input', `correlations:\n  - { between: [soraParams, trainDays], rank: 0.5 }\n`, 'correlations[0].between[1]', /fixed in this scenario/, /trainDays, fixed/],
    ['a value above 1', `correlations:\n  - { between: [soraParams, trainMfu], rank: 1.2 }\n`, 'correlations[0].rank', /\[−1, 1\]/, /1\.2/],
    ['a pair twice', `correlations:\n  - { between: [soraParams, trainMfu], rank: 0.2 }\n  - { between: [trainMfu, soraParams], rank: 0.3 }\n`, 'correlations[1].between', /given twice/, /again/],
    ['an input paired with itself', `correlations:\n  - { between: [soraParams, soraParams], rank: 0.2 }\n`, 'correlations[0].between', /same input twice/, /soraParams/],
    ['a matrix entry outside [−1, 1]', `correlations:\n  inputs: [soraParams, trainMfu]\n  matrix: [[1, -1.5], [-1.5, 1]]\n`, 'correlations.matrix[0][1]', /\[−1, 1\]/, /-1\.5/],
    ['a matrix that is not symmetric', `correlations:\n  inputs: [soraParams, trainMfu]\n  matrix: [[1, 0.3], [0.4, 1]]\n`, 'correlations.matrix[1][0]', /not symmetric/, /0\.4/],
    ['a diagonal that is not 1', `correlations:\n  inputs: [soraParams, trainMfu]\n  matrix: [[0.9, 0.3], [0.3, 1]]\n`, 'correlations.matrix[0][0]', /diagonal/, /0\.9/],
    ['a matrix of the wrong size', `correlations:\n  inputs: [soraParams, trainMfu, inferMfu]\n  matrix: [[1, 0.3], [0.3, 1]]\n`, 'correlations.matrix', /not square/, /2 rows/],
    ['neither pairs nor a matrix', `correlations: 0.5\n`, 'correlations', /list of pairs or a matrix/, /0\.5/],
  ])('refuses %s with its path, what was expected and what was found', (_what, yaml, path, message, found) => {
    const e = loadError(`${BASE}${yaml}`);
    expect(e.details.path).toBe(path);
    expect(e.message).toMatch(message);
    expect(e.details.expected).toBeTruthy();
    expect(e.details.found).toMatch(found);
    expect(e.details.file).toMatch(/bad\.yaml$/);
  });

  it('refuses a matrix that is not positive semi-definite, naming its smallest eigenvalue', () => {
    // a~b and b~c at 0.9 but a~c at −0.9: M = [[1, .9, −.9], [.9, 1, .9], [−.9, .9, 1]] has
    // M (1, −1, 1) = (−0.8, 0.8, −0.8), eigenvalue −0.8; the trace 3 leaves 1.9 and 1.9 for the others.
    const e = loadError(`${BASE}correlations:
  - { between: [soraParams, datasetMultiplier], rank: 0.9 }
  - { between: [datasetMultiplier, trainMfu], rank: 0.9 }
  - { between: [soraParams, trainMfu], rank: -0.9 }
`);
    expect(e.message).toMatch(/not positive semi-definite/);
    expect(e.details.path).toBe('correlations');
    expect(e.details.found).toBe('smallest eigenvalue -0.8000');
  });

  it('names the file that wrote the correlations when a child fixes a correlated input', () => {
    const parent = scratch.write('parent.yaml', `${BASE}correlations:\n  - { between: [soraParams, trainMfu], rank: 0.5 }\n`);
    const child = scratch.write('child.yaml', `extends: ${parent}\ninputs:\n  trainMfu: 0.4\n`);
    try {
      loadScenario(child);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as SoraError).details.file).toBe(parent);
      expect((error as SoraError).details.path).toBe('correlations[0].between[1]');
    }
  });

  it('checks a hand-built scenario\'s correlations before sampling (library use)', async () => {
    const { checkResolvedScenario } = await import('../../src/scenario/resolve.js');
    const scenario = loadScenario(scratch.write('hand.yaml', `${BASE}correlations:\n  - { between: [trainMfu, soraParams], rank: 0.5 }\n`));
    expect(() => checkResolvedScenario(scenario.resolved)).not.toThrow();
    const tampered = structuredClone(scenario.resolved);
    tampered.correlations!.normal[0]![1] = 0.9;
    expect(() => checkResolvedScenario(tampered)).toThrow(/do not match their rank matrix/);
    const indefinite = structuredClone(scenario.resolved);
    indefinite.correlations!.rank[0]![1] = 2;
    expect(() => checkResolvedScenario(indefinite)).toThrow(/\[−1, 1\]/);
  });

  it('converts between Spearman and normal-score correlations (inverse functions; ±1 and 0 fixed)', () => {
    for (const rho of [-1, -0.5, 0, 0.3, 0.9, 1]) expect(spearmanFromNormal(normalFromSpearman(rho))).toBeCloseTo(rho, 14);
    expect(normalFromSpearman(1)).toBeCloseTo(1, 15);
  });

  it('factors a semi-definite matrix: L Lᵀ reproduces it', () => {
    const m = [
      [1, 1, 0.5],
      [1, 1, 0.5],
      [0.5, 0.5, 1],
    ];
    const l = choleskyFactor(m);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(l[i]!.reduce((s, x, k) => s + x * l[j]![k]!, 0)).toBeCloseTo(m[i]![j]!, 12);
  });

  it('exits 2 from the CLI with file, path, expected and found, no stack trace', () => {
    const file = scratch.write('cli.yaml', `${BASE}correlations:\n  - { between: [soraParams, nope], rank: 0.5 }\n`);
    const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', file, '--out', join(scratch.dir, 'never')], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toContain(`${file}: correlations[0].between[1]`);
    expect(stderr).toMatch(/expected:/);
    expect(stderr).toMatch(/found:\s+"nope"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
