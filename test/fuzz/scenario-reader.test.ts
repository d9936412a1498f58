/**
 * Property test of the whole scenario reader. fast-check generates hostile scenario
 * files — wrong types, extreme and non-finite numbers, aliases (and alias chains), nesting, control
 * characters, unknown families and keys, contradictory bounds — written as YAML or JSON, and each is
 * read as a user's file is (loadScenario: read, parse, check shape, resolve `extends`, compile every
 * distribution, check its domain). Every one must end in a SoraError or a Scenario; never another
 * exception or a hang. A small fraction of the Scenarios is also sampled (64 samples) and must give
 * a SoraError or a Result whose every statistic is finite.
 *
 * Seed 20261129, 1,000 runs (10,000 in `npm run test:all`); a failure prints the counterexample and the path to replay it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { INPUT_KEYS } from '../../src/model/inputs.js';
import { loadScenario, type Scenario } from '../../src/scenario/resolve.js';
import { SamplerPool } from '../../src/simulate/pool.js';
import { simulate } from '../../src/simulate/simulate.js';
import { scratchDir } from '../helpers/scratch.js';
import { scaled } from '../helpers/suite.js';

export const FUZZ_SEED = 20261129;
/** Generated scenarios: 1,000 in the fast suite, 10,000 in the full one. */
const RUNS = scaled(1_000, 10_000);
/** One scenario in SAMPLE_EVERY that resolves is also sampled. */
const SAMPLE_EVERY = 20;

const FAMILIES = ['fixed', 'uniform', 'loguniform', 'normal', 'lognormal', 'triangular', 'pert', 'beta', 'discrete', 'gamma', 'Normal', ''];
const PARAMETERS = ['alpha', 'beta', 'high', 'lambda', 'low', 'max', 'mean', 'min', 'mode', 'mu', 'p10', 'p5', 'p90', 'p95', 'sd', 'sigma', 'values', 'weights', 'level', 'value', 'truncate', 'source'];

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e-320, 5e-324, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity, 1e20, 1e-20, 0.999999999999, 2 ** 53),
  fc.double({ noDefaultInfinity: false }),
  fc.integer({ min: -1000, max: 1e9 }),
  fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
);
const hostileString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'mission', 'article', '..', '1e6', '10 to 30', '10B to 30B', '-5 to 5', 'NaN', '\u0000', '\u001b[2J', '\u202e', '\ufffe', 'a\nb', '#', '<!--', '*x', '&a'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: 0, max: 300 }).map((n) => 'n'.repeat(n)),
);
const scalar = fc.oneof(hostileNumber, hostileString, fc.boolean(), fc.constant(null));
const nested: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 })),
})).value;

/** Mostly a plausible value (so generated files get past the first check), sometimes a hostile one. */
const mostly = <T, H>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<H>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile });
const plausibleNumber = fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.1, 0.5, 0.9, 1, 2, 10));
const parameter = mostly(plausibleNumber, hostileNumber);
const bounds = fc.tuple(fc.oneof(parameter, fc.constant(null)), fc.oneof(parameter, fc.constant(null)));
const distribution = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ dist: mostly(fc.constantFrom(...FAMILIES.slice(0, 9)), fc.constantFrom(...FAMILIES.slice(9))) })
      .chain((head) =>
        fc
          .dictionary(fc.constantFrom(...PARAMETERS), fc.oneof({ weight: 8, arbitrary: parameter }, { weight: 1, arbitrary: fc.array(parameter, { maxLength: 4 }) }, { weight: 1, arbitrary: bounds }, { weight: 1, arbitrary: nested }), { maxKeys: 4 })
          .map((params) => ({ ...head, ...params })),
      ),
  },
  { weight: 2, arbitrary: parameter },
  { weight: 1, arbitrary: fc.constantFrom('10 to 30', '1e9 to 1e10', '30 to 10', '0 to 1', '1k to 2M') },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: nested },
);
const inputKey = mostly(fc.constantFrom(...INPUT_KEYS), fc.string({ maxLength: 8 }));
const document = fc.record(
  {
    name: mostly(fc.constantFrom('fuzz', 'a b', 'élan'), fc.oneof(hostileString, scalar)),
    description: mostly(fc.constant('a generated scenario'), fc.oneof(hostileString, nested)),
    extends: mostly(fc.constantFrom('mission', 'article', 'evidence-2025'), fc.oneof(fc.constantFrom('nope', './case.yaml', '/dev/zero', '../x.json'), scalar)),
    seed: mostly(fc.integer({ min: 0, max: 1e6 }), fc.oneof(hostileNumber, hostileString)),
    samples: mostly(fc.integer({ min: 1, max: 1000 }), fc.oneof(hostileNumber, hostileString)),
    stepCost: mostly(fc.constantFrom('article', 'transformer'), scalar),
    inputs: mostly(fc.dictionary(inputKey, distribution, { maxKeys: 3 }), nested),
  },
  { requiredKeys: [] },
).chain((doc) => fc.option(nested, { freq: 20 }).map((bogus) => (bogus === null ? doc : { ...doc, bogus })));

/** YAML text of `doc`; sometimes with an alias chain or an alias of a wrong type spliced in. */
function yamlText(doc: unknown, variant: number): string {
  const text = stringify(doc, { aliasDuplicateObjects: true });
  if (variant % 11 === 1) return `${text}x0: &a [1, 2]\nx1: &b [*a, *a, *a]\nx2: [*b, *b, *b, *b]\n`;
  if (variant % 11 === 2) return `description: &d [*d]\n${text}`;
  if (variant % 11 === 3) return `${text}---\nname: second\n`;
  return text;
}

/** Every statistic of a Result, as numbers. */
function statistics(result: Awaited<ReturnType<typeof simulate>>): number[] {
  return Object.values(result.outputs).flatMap((o) => [o.mean, o.sd, o.min, o.max, ...o.percentiles.flatMap((q) => [q.value, q.lower, q.upper])]);
}

describe('fuzz: hostile scenario files (seed 20261129)', () => {
  const scratch = scratchDir('sora-mc-fuzz-');
  let pool: SamplerPool;
  beforeAll(() => void (pool = SamplerPool.start(1)));
  afterAll(() => pool.close());

  it(`${RUNS} generated scenarios end in a SoraError or a Scenario (some sampled: a SoraError or finite statistics)`, async () => {
    const counts = { error: 0, scenario: 0, sampled: 0, sampledError: 0 };
    await fc.assert(
      fc.asyncProperty(document, fc.nat(), fc.boolean(), async (doc, variant, json) => {
        const file = join(scratch.dir, json ? 'case.json' : 'case.yaml');
        let text: string;
        try {
          text = json ? JSON.stringify(doc) : yamlText(doc, variant);
        } catch {
          return; // not representable (e.g. a bare undefined): nothing to read
        }
        writeFileSync(file, text ?? '');
        let scenario: Scenario;
        try {
          scenario = loadScenario(file);
        } catch (error) {
          if (!(error instanceof SoraError)) throw error;
          counts.error += 1;
          return;
        }
        counts.scenario += 1;
        if (variant % SAMPLE_EVERY !== 0) return;
        counts.sampled += 1;
        try {
          const result = await simulate(scenario, { samples: 64, seed: String(variant), pool });
          for (const value of statistics(result)) expect(Number.isFinite(value)).toBe(true);
        } catch (error) {
          if (!(error instanceof SoraError)) throw error;
          counts.sampledError += 1;
        }
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`fuzz (seed ${FUZZ_SEED}): ${RUNS} cases: ${counts.error} SoraErrors, ${counts.scenario} scenarios, ${counts.sampled} sampled (${counts.sampledError} SoraErrors)`);
    // The generator must reach both ends, or the property says little (at 10,000 cases: over 100
    // scenarios, over 5 of them sampled; the same shares at any count).
    expect(counts.scenario).toBeGreaterThan(RUNS / 100);
    expect(counts.sampled).toBeGreaterThan(RUNS / 2_000);
  }, 300_000);
});
